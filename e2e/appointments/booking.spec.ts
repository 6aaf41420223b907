import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { open, signedInPatient } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Visit = { id: string; status: string; startsAt: string; visitType: { id: string } };
type List = { upcoming: Visit[]; past: Visit[] };

/** The focused element's tag and text (a step's heading takes focus when it appears). */
const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), text: document.activeElement?.textContent?.trim() }));

const visits = (page: Page) => page.evaluate(async () => (await (await fetch('/api/appointments')).json()) as List);

/** Chooses a radio button by keyboard: focus, Space. */
async function choose(page: Page, name: string | RegExp) {
  const radio = page.getByRole('radio', { name }).first();
  await radio.focus();
  await page.keyboard.press('Space');
  expect(await radio.isChecked()).toBe(true);
}

/** Presses Enter on a button reached by keyboard focus. */
async function press(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

describe('a patient books, sees, downloads, moves and cancels a visit', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('Ana books a follow-up by keyboard, is offered other times when hers was just taken, then reschedules and cancels it', { timeout: 240_000 }, async () => {
    const page = await signedInPatient(browser, baseUrl);
    const before = await visits(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    const upcoming = page.getByRole('region', { name: 'Upcoming visits' });
    await upcoming.getByRole('heading', { level: 3, name: 'Annual physical' }).waitFor();
    await upcoming.getByText('Riverbend Main Clinic', { exact: false }).first().waitFor();
    await page.getByText(/Times are in the clinic's time zone: Central Time/).waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'appointments', 'Appointments', 'Citas');
    await expectFitsAt360(page);

    // Step 1: the reason.
    await page.getByRole('link', { name: 'Schedule an appointment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule an appointment' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'What is the visit for?' }).waitFor();
    await page.getByRole('radio', { name: /Heart doctor consult/ }).waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'schedule: reason', 'Schedule an appointment', 'Pedir una cita');
    await expectFitsAt360(page);
    await press(page, 'Continue');
    await page.getByRole('alert').filter({ hasText: 'Choose what the visit is for.' }).waitFor();
    await choose(page, /Follow-up visit/);
    await press(page, 'Continue');

    // Step 2: who. The step's heading takes focus.
    await page.getByRole('heading', { level: 2, name: 'Who do you want to see?' }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'h2', text: 'Who do you want to see?' });
    expect(await page.getByRole('radio', { name: /First available/ }).isChecked()).toBe(true);
    await choose(page, /Dr\. Sarah Patel, MD at Riverbend Main Clinic/);
    await expectNoAxeViolations(page, 'schedule: who');
    await press(page, 'Continue');

    // Step 3: day and time, grouped by day, the time zone named.
    await page.getByRole('heading', { level: 2, name: 'Pick a day and time' }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'h2', text: 'Pick a day and time' });
    const firstDay = page.getByRole('group').filter({ has: page.getByRole('radio') }).first();
    await firstDay.getByRole('radio').first().waitFor();
    await page.getByText(/Times are in the clinic's time zone/).waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'schedule: time', 'Schedule an appointment', 'Pedir una cita');
    await expectFitsAt360(page);
    const chosen = firstDay.getByRole('radio').first();
    await chosen.focus();
    await page.keyboard.press('Space');
    await press(page, 'Continue');

    // Step 4: check and book. Someone else takes the time first: the page says so and offers others.
    await page.getByRole('heading', { level: 2, name: 'Check and book' }).waitFor();
    await page.getByText('Dr. Sarah Patel, MD').first().waitFor();
    const taken = await page.evaluate(async () => {
      const list = (await (await fetch('/api/appointments/availability?visitType=follow-up&practitioner=demo-practitioner-patel&location=demo-location-main')).json()) as { days: { times: { startsAt: string }[] }[] };
      const startsAt = list.days[0]!.times[0]!.startsAt;
      const res = await fetch('/api/appointments', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' },
        body: JSON.stringify({ visitTypeId: 'follow-up', practitionerId: 'demo-practitioner-patel', locationId: 'demo-location-main', startsAt }),
      });
      return { status: res.status, id: ((await res.json()) as { id: string }).id };
    });
    expect(taken.status).toBe(201);
    await press(page, 'Book this visit');
    await page.getByRole('alert').filter({ hasText: 'That time was just taken. Please pick another time.' }).waitFor();
    const others = page.getByRole('group', { name: 'Other open times' });
    await others.getByRole('radio').first().waitFor();
    expect(await others.getByRole('radio').count()).toBeGreaterThan(0);
    expect(await others.getByRole('radio').first().isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'schedule: time taken');
    await press(page, 'Book this visit');
    await page.getByRole('heading', { level: 2, name: 'Your visit is booked' }).waitFor();
    await expectNoAxeViolations(page, 'schedule: booked');

    // Listed, with its actions.
    await page.getByRole('link', { name: 'See your appointments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    const after = await visits(page);
    const known = new Set([...before.upcoming, ...before.past].map((v) => v.id).concat(taken.id));
    const mine = after.upcoming.find((v) => !known.has(v.id) && v.visitType.id === 'follow-up')!;
    expect(mine).toBeDefined();
    const card = page.locator('li.appointment').filter({ has: page.locator(`a[href*="${mine.id}/ics"]`) });
    await card.getByText('Booked', { exact: true }).waitFor();
    await card.getByText('Dr. Sarah Patel, MD').waitFor();
    await card.getByRole('link', { name: 'Directions to Riverbend Main Clinic' }).waitFor();
    expect(await card.getByRole('link', { name: 'Directions to Riverbend Main Clinic' }).getAttribute('href')).toContain('https://www.openstreetmap.org/search?query=400%20Mill%20Street');

    // The calendar file: time, place, clinic; nothing about why.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Add to calendar' }).click()]);
    const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('Riverbend Community Health');
    expect(ics).toContain('400 Mill Street');
    expect(ics).not.toContain('Follow-up');

    // Reschedule: the same day-and-time step, then a check step.
    await card.getByRole('link', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reschedule a visit' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Pick a day and time' }).waitFor();
    const times = page.getByRole('group').filter({ has: page.getByRole('radio', { name: /^\d/ }) }).first().getByRole('radio');
    await times.first().waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'reschedule', 'Reschedule a visit', 'Cambiar la hora de una cita');
    await expectFitsAt360(page);
    const mineAt = new Date(mine.startsAt).getTime();
    let picked = false;
    for (let i = 0; i < (await times.count()) && !picked; i++) {
      const label = (await times.nth(i).evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
      const when = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'America/Chicago' }).format(new Date(mineAt));
      if (label !== when || i > 0) {
        await times.nth(i).focus();
        await page.keyboard.press('Space');
        picked = await times.nth(i).isChecked();
      }
    }
    await press(page, 'Continue');
    await page.getByRole('heading', { level: 2, name: 'Check and book' }).waitFor();
    await press(page, 'Move my visit to this time');
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Your visit was moved. We sent you an email.' }).waitFor();
    const moved = await visits(page);
    expect(moved.past.find((v) => v.id === mine.id)?.status).toBe('cancelled');
    const next = moved.upcoming.find((v) => !known.has(v.id) && v.id !== mine.id && v.visitType.id === 'follow-up')!;
    expect(next).toBeDefined();
    expect(next.startsAt).not.toBe(mine.startsAt);

    // Cancel, with a reason, by keyboard.
    const nextCard = page.locator('li.appointment').filter({ has: page.locator(`a[href*="${next.id}/ics"]`) });
    await nextCard.getByRole('button', { name: 'Cancel visit' }).focus();
    await page.keyboard.press('Enter');
    await nextCard.getByRole('heading', { level: 4, name: 'Cancel this visit?' }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'h4', text: 'Cancel this visit?' });
    await choose(page, 'The time does not work for me');
    await expectNoAxeViolationsInBothLanguages(page, 'cancel form', 'Appointments', 'Citas');
    await expectFitsAt360(page);
    await nextCard.getByRole('button', { name: 'Yes, cancel this visit' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your visit was cancelled. We sent you an email.' }).waitFor();
    const final = await visits(page);
    expect(final.past.find((v) => v.id === next.id)?.status).toBe('cancelled');
    expect(final.upcoming.map((v) => v.id)).not.toContain(next.id);
    await page.getByRole('region', { name: 'Past and cancelled visits' }).getByText('Cancelled', { exact: true }).first().waitFor();

    // Leave the clinic as it was: cancel the time "someone else" took.
    const tidy = await page.evaluate(async (id) => (await fetch(`/api/appointments/${id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' }, body: '{}' })).status, taken.id);
    expect(tidy).toBe(200);
    await page.context().close();
  });

  it('offers a request form for a visit type the clinic books', { timeout: 120_000 }, async () => {
    const page = await signedInPatient(browser, baseUrl, 360);
    await open(page, baseUrl, '/appointments/new', 'Schedule an appointment');
    await choose(page, /Heart doctor consult/);
    await press(page, 'Continue');
    await page.getByRole('heading', { level: 2, name: /Ask for this visit/ }).waitFor();
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('First day that works for you').fill(day(7));
    await page.getByLabel('Last day that works for you').fill(day(21));
    await expectNoAxeViolations(page, 'request form');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await press(page, 'Send request');
    await page.getByRole('status').filter({ hasText: 'We got your request. The clinic will call you to book a time.' }).waitFor();
    await page.getByRole('link', { name: 'See your appointments' }).click();
    const requests = page.getByRole('region', { name: 'Visit requests' });
    await requests.getByText('Requested. The clinic will call you.').first().waitFor();
    await expectNoAxeViolations(page, 'appointments with a request');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.context().close();
  });
});
