import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { enterPassword, newPage, open } from './helpers.ts';

const baseUrl = inject('baseUrl');

async function signInStaff(page: Page, email: string): Promise<void> {
  await enterPassword(page, baseUrl, email);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Breaks the glass when the API asks for it; returns whether it had to. */
async function answerEmergencyDialog(page: Page): Promise<boolean> {
  const dialog = page.getByRole('dialog', { name: 'Emergency access' });
  const summary = page.getByRole('heading', { level: 2, name: 'Conditions' });
  await Promise.race([dialog.waitFor(), summary.waitFor()]);
  if (!(await dialog.isVisible())) return false;
  await expectNoAxeViolations(page, 'emergency access dialog');
  await dialog.getByRole('button', { name: 'Open the record' }).click();
  await dialog.getByRole('alert').filter({ hasText: /at least 10 characters/ }).waitFor();
  await dialog.getByLabel('Why do you need this record?').fill('Patient in the emergency room, cannot speak.');
  await dialog.getByRole('button', { name: 'Open the record' }).click();
  await page.getByText(/^Emergency access until .+ — recorded and sent to the administrator\.$/).waitFor();
  return true;
}

describe('the staff workspace and the audit report', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('front desk finds a patient by name, opens the summary and makes an activation code', async () => {
    const page = await newPage(browser);
    await signInStaff(page, 'frontdesk@ourchart.example');
    await open(page, baseUrl, '/staff', 'Care team workspace');
    expect(await page.title()).toBe('Care team workspace – OurChart');
    await page.getByRole('heading', { level: 2, name: 'New sign-ups to check' }).waitFor();
    await expectNoAxeViolations(page, 'staff workspace');

    // Too short a search says what to type.
    await page.getByLabel('Name, MRN or date of birth').fill('L');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Type at least 2 letters' }).waitFor();

    // Ethan (15) has no account of his own yet; patients may have one from 12 (Lily, 8, may not).
    await page.getByLabel('Name, MRN or date of birth').fill('Ethan');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1 patient found.').waitFor();
    await page.getByText('MRN: RB-100420').waitFor();
    await expectNoAxeViolations(page, 'search results');

    await page.getByRole('button', { name: 'Open Ethan James Chen' }).click();
    const patient = page.getByRole('region', { name: 'Ethan James Chen' });
    // In the demo clinic everyone is on the front desk's care team; a patient outside it goes through the dialog.
    const brokeGlass = await answerEmergencyDialog(page);
    await patient.getByRole('heading', { level: 2, name: 'Immunizations' }).waitFor();
    expect(await patient.getByRole('region', { name: 'Immunizations' }).getByRole('listitem').count()).toBeGreaterThan(0);

    if (!brokeGlass) {
      await patient.getByRole('button', { name: 'Make an activation code' }).click();
      const code = patient.locator('.activation-code');
      await code.waitFor();
      expect((await code.innerText()).trim().length).toBeGreaterThanOrEqual(8);
      await patient.getByText(/The code works once, until/).waitFor();
      await patient.getByRole('button', { name: 'Print the code' }).waitFor();
    }
    await expectNoAxeViolations(page, 'patient summary in the workspace');

    // Works at 360 px as well.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.context().close();
  });

  it('a clinician breaks the glass to open a restricted chart, with a reason, and the administrator is alerted', async () => {
    const page = await newPage(browser);
    await signInStaff(page, 'clinician@ourchart.example');
    await open(page, baseUrl, '/staff', 'Care team workspace');
    await page.getByLabel('Name, MRN or date of birth').fill('Whitfield');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1 patient found.').waitFor();
    await page.getByText('Not on your care team').waitFor();
    await page.getByRole('button', { name: 'Open Samuel Thomas Whitfield' }).click();
    // Samuel's chart is restricted (he works at the clinic): the dialog must appear.
    await page.getByRole('dialog', { name: 'Emergency access' }).waitFor();
    expect(await answerEmergencyDialog(page)).toBe(true);
    const patient = page.getByRole('region', { name: 'Samuel Thomas Whitfield' });
    await patient.getByRole('heading', { level: 2, name: 'Conditions' }).waitFor();
    await expectNoAxeViolations(page, 'restricted chart opened in an emergency');
    await page.context().close();

    const admin = await newPage(browser);
    await signInStaff(admin, 'admin@ourchart.example');
    await open(admin, baseUrl, '/admin/audit', 'Audit report');
    await admin.getByRole('heading', { level: 2, name: 'Emergency access alerts' }).waitFor();
    await admin.getByText(/clinician@ourchart\.example/).first().waitFor();
    await admin.getByText(/Patient in the emergency room, cannot speak\./).first().waitFor();
    await admin.context().close();
  });

  it('the administrator sees that access in the audit report, filtered, with a CSV download', async () => {
    const page = await newPage(browser);
    await signInStaff(page, 'admin@ourchart.example');
    await open(page, baseUrl, '/admin/audit', 'Audit report');
    await page.getByRole('heading', { level: 2, name: 'Emergency access alerts' }).waitFor();
    await page.getByText(/\d+ entr(y|ies)\./).waitFor();
    await expectNoAxeViolations(page, 'audit report');

    // The first test of this file opened Ethan's chart as the front desk (no other spec is relied on).
    await page.getByLabel('Patient id').fill('demo-patient-ethan');
    await page.getByLabel('Action').selectOption('access');
    await page.getByRole('button', { name: 'Show report' }).click();
    const table = page.getByRole('table', { name: /Audit log entries/ });
    await table.getByRole('cell', { name: /frontdesk@ourchart\.example/ }).first().waitFor();
    const patientCells = await table.getByRole('cell', { name: /^demo-patient-/ }).allInnerTexts();
    expect(new Set(patientCells)).toEqual(new Set(['demo-patient-ethan']));
    await expectNoAxeViolations(page, 'filtered audit report');

    // A From date after the To date is caught before asking the server.
    await page.getByLabel('From').fill('2030-01-02');
    await page.getByLabel('To').fill('2030-01-01');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByRole('alert').filter({ hasText: 'The From date is after the To date' }).waitFor();

    await page.getByLabel('From').fill('');
    await page.getByLabel('To').fill('');
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toContain('format=csv');
    expect(href).toContain('patientId=demo-patient-ethan');
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    }, href!);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.text).toContain('frontdesk@ourchart.example');
    await page.context().close();
  });
});
