import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';
import { readMail } from '../mailbox.ts';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const PATEL = 'demo-practitioner-patel';
const DAY = 86_400_000;

type Time = { startsAt: string; practitionerId: string; locationId: string };

/** Free follow-up times with Dr. Patel from `daysAhead` days on, asked as the signed-in user. */
function freeTimes(page: Page, daysAhead: number): Promise<Time[]> {
  return page.evaluate(async ([from, practitioner]) => {
    const res = await fetch(`/api/appointments/availability?visitType=follow-up&practitioner=${practitioner}&from=${encodeURIComponent(from!)}`);
    const body = (await res.json()) as { days: { times: Time[] }[] };
    return body.days.flatMap((d) => d.times);
  }, [new Date(Date.now() + daysAhead * DAY).toISOString(), PATEL]);
}

/** Books a follow-up at `time` through the API the pages use; returns the appointment id. */
function book(page: Page, time: Time): Promise<string> {
  return page.evaluate(async (t) => {
    const res = await fetch('/api/appointments', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' },
      body: JSON.stringify({ visitTypeId: 'follow-up', practitionerId: t.practitionerId, locationId: t.locationId, startsAt: t.startsAt }),
    });
    if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }, time);
}

/** "Get an earlier time" on the visit at `startsAt`, through the form, with the default wishes. */
async function askForEarlierTime(page: Page, visit: ReturnType<Page['getByRole']>) {
  await visit.getByRole('button', { name: 'Get an earlier time' }).click();
  await visit.getByRole('form', { name: 'What works for you?' }).waitFor();
  await visit.getByRole('button', { name: 'Start looking' }).click();
  await page.getByRole('status').filter({ hasText: 'Done. We will tell you when an earlier time opens up.' }).waitFor();
  await visit.getByText('We are looking for an earlier time for this visit.').waitFor();
}

describe('two patients wait for an earlier time with Dr. Patel; a time opens; the first to accept gets it', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('Ana and David both get the offer; Ana accepts and gets it; David sees that someone else took it', async () => {
    const ana = await newPage(browser);
    await signIn(ana, baseUrl, 'patient@ourchart.example');
    const david = await newPage(browser);
    await signIn(david, baseUrl, 'parent@ourchart.example');

    // Ana waits for her follow-up with Dr. Patel (booked by the demo clinic about five weeks out).
    await open(ana, baseUrl, '/appointments/offers', 'Earlier times');
    expect(await ana.title()).toBe('Earlier times – OurChart');
    await ana.getByRole('region', { name: 'Offers of an earlier time' }).getByText('No offers right now.', { exact: false }).waitFor();
    const anaVisit = ana.getByRole('region', { name: 'Your upcoming visits' }).getByRole('listitem').filter({ has: ana.getByRole('heading', { level: 3, name: /^Follow-up visit:/ }) });
    await anaVisit.getByRole('button', { name: 'Get an earlier time' }).click();
    await anaVisit.getByLabel('Any doctor who does this kind of visit is OK').waitFor();
    // Keyboard users land in the form when it opens (and back on the button when they cancel, below).
    expect(await ana.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('anyClinician');
    await anaVisit.getByRole('group', { name: 'Which days work? (you can leave these empty)' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(ana, 'get an earlier time form', 'Earlier times', 'Horas más temprano');
    await expectFitsAt360(ana);
    await anaVisit.getByRole('button', { name: 'Cancel' }).click();
    await anaVisit.getByRole('button', { name: 'Get an earlier time' }).waitFor();
    expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Get an earlier time');
    await askForEarlierTime(ana, anaVisit);
    await anaVisit.getByText('Only Dr. Sarah Patel, MD').or(anaVisit.getByText(/^Only .*Patel/)).first().waitFor();
    await expectNoAxeViolationsInBothLanguages(ana, 'waiting for an earlier time', 'Earlier times', 'Horas más temprano');

    // David books a follow-up with Dr. Patel about four weeks out, and waits for an earlier one too.
    const later = (await freeTimes(david, 28))[0]!;
    await book(david, later);
    await open(david, baseUrl, '/appointments/offers', 'Earlier times');
    const davidVisit = david.getByRole('region', { name: 'Your upcoming visits' }).getByRole('listitem').filter({ has: david.getByRole('heading', { level: 3, name: /^Follow-up visit:/ }) });
    await askForEarlierTime(david, davidVisit);

    // María holds a visit with Dr. Patel about a week out and cancels it: that time opens.
    const maria = await newPage(browser);
    await signIn(maria, baseUrl, 'caregiver@ourchart.example');
    const soon = (await freeTimes(maria, 7))[0]!;
    const mariaVisit = await book(maria, soon);
    const cancelled = await maria.evaluate(async (id) => (await fetch(`/api/appointments/${id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' }, body: '{}' })).status, mariaVisit);
    expect(cancelled).toBe(200);
    await maria.context().close();

    // Both are offered it, in the app and by email.
    const mail = await readMail(mailDir, 'patient@ourchart.example', /earlier time is open/);
    expect(mail.text).toContain(`${baseUrl}/appointments`);
    // The notification leads there: home's "What needs attention" links to the offers page.
    await open(ana, baseUrl, '/', /Hello, Ana/);
    await ana.getByText('1 update about an earlier visit time').waitFor();
    await ana.getByRole('link', { name: 'See earlier times' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Earlier times' }).waitFor();
    const anaOffer = ana.getByRole('article', { name: 'Earlier time available' });
    await anaOffer.getByText('Waiting for your answer').waitFor();
    await anaOffer.getByText(/Patel/).waitFor();
    await anaOffer.getByText(/^Answer by /).waitFor();
    await expectNoAxeViolationsInBothLanguages(ana, 'offer card', 'Earlier times', 'Horas más temprano');
    await expectFitsAt360(ana);
    // David sees his on the appointments page, above his visits.
    await open(david, baseUrl, '/appointments', 'Appointments');
    const davidOffer = david.getByRole('article', { name: 'Earlier time available' });
    await davidOffer.getByRole('button', { name: 'Accept this time' }).waitFor();
    await expectNoAxeViolations(david, 'appointments page with an offer (en)');
    await david.getByRole('button', { name: 'Español' }).click();
    await david.getByRole('heading', { level: 1, name: 'Citas' }).waitFor();
    await david.getByRole('article', { name: 'Hay una hora más temprana' }).getByRole('button', { name: 'Aceptar esta hora' }).waitFor();
    await expectNoAxeViolations(david, 'appointments page with an offer (es)');
    await david.getByRole('button', { name: 'English' }).click();
    await david.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();

    // Ana accepts first and gets it: her follow-up moves to the freed time.
    await anaOffer.getByRole('button', { name: 'Accept this time' }).click();
    await ana.getByRole('status').filter({ hasText: /^Done! Your visit is now on / }).waitFor();
    const taken = ana.getByRole('article', { name: 'Earlier time' });
    await taken.getByText('You took this time').waitFor();
    await expectNoAxeViolationsInBothLanguages(ana, 'offer accepted', 'Earlier times', 'Horas más temprano');
    const anaVisits = await ana.evaluate(async () => ((await (await fetch('/api/appointments')).json()) as { upcoming: { id: string; startsAt: string; visitType: { id: string } }[] }).upcoming);
    // (Other specs may have booked Ana more follow-ups on this shared demo server: look at the ones in play.)
    expect(anaVisits.filter((v) => v.visitType.id === 'follow-up').map((v) => v.startsAt)).toContain(soon.startsAt);
    expect(anaVisits.map((v) => v.id)).not.toContain('demo-appointment-ana-follow-up');

    // David answers a moment too late: he is told in place, and the card says what happened.
    await davidOffer.getByRole('button', { name: 'Accept this time' }).click();
    await david.getByRole('alert').filter({ hasText: 'This time is no longer available. You are still on the waitlist, and we will tell you if another time opens.' }).waitFor();
    await david.getByRole('article', { name: 'Earlier time' }).getByText('Someone else took this time').waitFor();
    await expectNoAxeViolations(david, 'late accept on the appointments page');

    // On the offers page too: someone else took the time, and he is still waiting.
    await open(david, baseUrl, '/appointments/offers', 'Earlier times');
    const davidTaken = david.getByRole('article', { name: 'Earlier time' });
    await davidTaken.getByText('Someone else took this time').waitFor();
    expect(await davidTaken.getByRole('button', { name: 'Accept this time' }).count()).toBe(0);
    await davidVisit.getByText('We are looking for an earlier time for this visit.').waitFor();
    await expectNoAxeViolationsInBothLanguages(david, 'offer taken', 'Earlier times', 'Horas más temprano');
    await expectFitsAt360(david);
    await ana.context().close();
    await david.context().close();
  });
});
