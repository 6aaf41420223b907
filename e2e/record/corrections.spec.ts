import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Summary = { patient: { name: string }; conditions: { id: string; name: string }[] };
type Corrections = { requests: { item: { reference: string }; status: string }[] };

/** Runs axe in Spanish too, then switches back to English. */
async function expectNoAxeViolationsInBothLanguages(page: Page, label: string, spanishHeading: string | RegExp) {
  await expectNoAxeViolations(page, `${label} (en)`);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: spanishHeading }).waitFor();
  await expectNoAxeViolations(page, `${label} (es)`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Correction requests' }).waitFor();
}

async function expectFitsAt360(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await hasHorizontalScroll(page)).toBe(false);
  await page.setViewportSize(size);
}

describe('a patient asks to correct an item; the care team denies it with a reason', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('patient asks, nurse denies with a reason, patient reads it and adds a statement of disagreement', async () => {
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    // One of Ana's conditions without an open request (the API the pages use, as the signed-in patient).
    const { ana, conditions, open: openItems } = await patient.evaluate(async () => {
      const summary = (await (await fetch('/api/records/summary')).json()) as Summary;
      const corrections = (await (await fetch('/api/records/corrections')).json()) as Corrections;
      return { ana: summary.patient.name, conditions: summary.conditions, open: corrections.requests.filter((r) => r.status === 'open').map((r) => r.item.reference) };
    });
    const condition = conditions.find((c) => !openItems.includes(`Condition/${c.id}`))!;
    expect(condition).toBeDefined();

    // An item that is not in Ana's record is refused in words, not shown.
    await open(patient, baseUrl, '/corrections?item=Condition/not-in-this-record', 'Correction requests');
    await patient.getByText('We could not find that item in your record.', { exact: false }).waitFor();
    expect(await patient.getByRole('button', { name: 'Send my request' }).count()).toBe(0);

    await open(patient, baseUrl, `/corrections?item=Condition/${condition.id}`, 'Correction requests');
    expect(await patient.title()).toBe('Correction requests – OurChart');
    await patient.getByText(`Health problem: ${condition.name}`).waitFor();
    await patient.getByRole('heading', { level: 2, name: 'Your correction requests' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'correction form', 'Solicitudes de corrección');

    // Sending an empty form says what to fix, at the top and beside each field, and focuses the first.
    await patient.getByRole('button', { name: 'Send my request' }).click();
    await patient.getByRole('alert').filter({ hasText: 'Tell us what is wrong. Write at least 5 letters.' }).waitFor();
    expect(await patient.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('whatIsWrong');
    expect(await patient.getByLabel('What should it say?').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(patient, 'correction form with problems');

    await patient.getByLabel('What is wrong?').fill('The start date is wrong. It began later.');
    await patient.getByLabel('What should it say?').fill('It started in March 2021.');
    await patient.getByRole('button', { name: 'Send my request' }).click();
    await patient.getByRole('status').filter({ hasText: `Thank you. We got your request to correct “${condition.name}”.` }).waitFor();
    const mine = patient.getByRole('region', { name: 'Your correction requests' }).getByRole('listitem').filter({ hasText: 'It started in March 2021.' });
    await mine.getByText('Waiting for an answer').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'request sent', 'Solicitudes de corrección');
    await expectFitsAt360(patient);

    // The nurse on Ana's care team (the demo clinic manages her record) denies it with a reason.
    const nurse = await newPage(browser);
    await signIn(nurse, baseUrl, 'nurse@ourchart.example');
    await open(nurse, baseUrl, '/staff/corrections', 'Correction requests');
    const card = nurse.getByRole('article', { name: `${ana}: Health problem, ${condition.name}` }).filter({ hasText: 'It started in March 2021.' });
    await card.getByText('The start date is wrong. It began later.').waitFor();
    await expectNoAxeViolationsInBothLanguages(nurse, 'staff queue', 'Solicitudes de corrección');
    await card.getByRole('button', { name: `Deny the request from ${ana}` }).click();
    await card.getByRole('button', { name: 'Deny the request', exact: true }).click();
    await card.getByRole('alert').filter({ hasText: 'Give the patient a reason. Write at least 5 characters.' }).waitFor();
    await expectNoAxeViolations(nurse, 'deny form with a problem');
    await card.getByLabel('Reason for the patient').fill('Your first visit for this was in 2019, as the clinic notes show.');
    await card.getByRole('button', { name: 'Deny the request', exact: true }).click();
    await nurse.getByText(`You denied the request from ${ana}. We told the patient and showed them your reason.`).waitFor();
    await expectNoAxeViolations(nurse, 'after the decision');
    await nurse.getByRole('radio', { name: 'Decided' }).check();
    await nurse.getByRole('heading', { level: 2, name: 'Decided requests' }).waitFor();
    const decided = nurse.getByRole('article', { name: `${ana}: Health problem, ${condition.name}` }).filter({ hasText: 'It started in March 2021.' });
    await decided.getByText('Not changed').waitFor();
    await expectNoAxeViolations(nurse, 'decided requests');
    await expectFitsAt360(nurse);
    await nurse.context().close();

    // The patient sees the answer, the reason and the right to disagree, and adds a statement.
    await open(patient, baseUrl, '/corrections', 'Correction requests');
    const answered = patient.getByRole('listitem').filter({ hasText: 'It started in March 2021.' });
    await answered.getByText('Not changed').waitFor();
    await answered.getByText('Your first visit for this was in 2019, as the clinic notes show.').waitFor();
    await answered.getByText(/You have the right to disagree\./).waitFor();
    await patient.getByText('To ask for a correction, open the item in your record', { exact: false }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'denied request', 'Solicitudes de corrección');
    await answered.getByRole('button', { name: 'Write a statement of disagreement' }).click();
    await answered.getByLabel('Why do you disagree?').fill('My old doctor found it in 2021. I have the letter.');
    await answered.getByRole('button', { name: 'Add my statement' }).click();
    await answered.getByText('We added your statement. It stays with this item.').waitFor();
    await answered.getByText('My old doctor found it in 2021. I have the letter.').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'statement added', 'Solicitudes de corrección');
    await expectFitsAt360(patient);

    // The request and its answer stay attached to the item: the Conditions page shows them under it.
    await open(patient, baseUrl, '/conditions', 'Conditions');
    const item = patient.getByRole('listitem').filter({ has: patient.getByRole('link', { name: `Ask for a correction about ${condition.name}` }) });
    await item.getByText(/^Your correction request from .+: Not changed/).waitFor();
    await item.getByText('Reason: Your first visit for this was in 2019, as the clinic notes show.').waitFor();
    await expectNoAxeViolations(patient, 'conditions with a correction status (en)');
    await patient.getByRole('button', { name: 'Español' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Problemas de salud' }).waitFor();
    await patient.getByText(/^Su solicitud de corrección del .+: No se cambió/).first().waitFor();
    await expectNoAxeViolations(patient, 'conditions with a correction status (es)');
    await patient.getByRole('button', { name: 'English' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Conditions' }).waitFor();
    await patient.context().close();
  });
});
