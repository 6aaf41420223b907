import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { enterPassword, newPage, open, signedInPatient } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Notifications = { unread: number; items: { kind: string; entityType: string | null; entityId: string | null; readAt: string | null }[] };

describe('test results and trends (patient)', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  async function signedIn(width = 1280): Promise<Page> {
    return signedInPatient(browser, baseUrl, width);
  }
  const notifications = (page: Page) => page.evaluate(async () => (await (await fetch('/api/notifications')).json()) as Notifications);

  it('lists, filters and opens results, reads flags, a correction and an explanation, then the trend table, in English and Spanish', async () => {
    const page = await signedIn(1280);
    // The demo clinic leaves Ana new-result notifications (recent results only, not six years of history).
    const before = await notifications(page);
    const fresh = before.items.filter((n) => n.kind === 'result-available' && n.readAt === null);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).toBeLessThan(6);

    await page.getByRole('link', { name: 'Test results' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Test results' }).waitFor();
    await page.getByRole('status').filter({ hasText: /\d+ results\./ }).waitFor();
    expect(await page.getByRole('link', { name: 'Vitals and home readings' }).count()).toBe(1);
    await page.getByRole('heading', { level: 2, name: 'Result release' }).waitFor();
    await page.getByRole('checkbox', { name: 'Lab tests (blood, urine)' }).waitFor();
    await expectNoAxeViolations(page, 'results list (en)');

    // A notification's link opens its result, and opening it reads the notification.
    const newestId = fresh.find((n) => n.entityType === 'DiagnosticReport')!.entityId!;
    await page.goto(`${baseUrl}/results?item=DiagnosticReport/${newestId}`);
    await page.locator('.result-report details[open]').first().waitFor();
    expect(await page.locator('.result-report > details[open]').count()).toBe(1);
    await expect.poll(async () => (await notifications(page)).items.filter((n) => n.readAt === null && n.entityId === newestId).length).toBe(0);

    await page.getByLabel('Test name').fill('potassium');
    await page.getByRole('button', { name: 'Show results' }).click();
    const corrected = page.locator('.result-report').filter({ has: page.locator('.result-report__summary', { hasText: 'Corrected' }) });
    await corrected.first().waitFor();
    expect(await page.locator('.result-report').filter({ hasText: 'Hemoglobin A1c' }).count()).toBe(0);
    await corrected.locator('.result-report__summary').click();
    const potassium = corrected.getByRole('region', { name: /^Potassium/ });
    await potassium.getByText('Corrected: it was 5.9 mmol/L, now it is 4.6 mmol/L.').waitFor();
    await potassium.getByText(/Note from the lab: Potassium corrected from 5\.9/).waitFor();
    const glucose = corrected.getByRole('region', { name: /^Glucose/ });
    expect(await glucose.locator('.flag').innerText()).toMatch(/High$/);
    await potassium.getByText('What this test means').click();
    await potassium.getByText('What it measures').waitFor();
    await potassium.getByText('When to ask your care team').waitFor();
    expect(await potassium.getByRole('link', { name: 'MedlinePlus' }).getAttribute('href')).toMatch(/^https:\/\/medlineplus\.gov\//);
    expect(await potassium.getByRole('link', { name: /^Ask for a correction/ }).getAttribute('href')).toMatch(/^\/corrections\?item=Observation%2F/);
    await expectNoAxeViolations(page, 'results filtered, report open (en)');

    // A date range that ends before any result: nothing matches, said in words.
    await page.getByLabel('From date').fill('2000-01-01');
    await page.getByLabel('To date').fill('2000-12-31');
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByRole('status').filter({ hasText: 'There are no test results to show.' }).waitFor();
    await page.getByLabel('From date').fill('2001-01-01');
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByRole('alert').filter({ hasText: 'The “From” date must be on or before the “To” date.' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('status').filter({ hasText: /\d+ results\./ }).waitFor();

    await page.getByLabel('Test name').fill('potassium');
    await page.getByRole('button', { name: 'Show results' }).click();
    await corrected.first().waitFor();
    await corrected.locator('.result-report__summary').click();
    await potassium.getByRole('link', { name: /^See trend/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Trend: / }).waitFor();
    const table = page.getByRole('table', { name: /every value, oldest first/ });
    await table.waitFor();
    expect(await table.getByRole('rowheader').count()).toBeGreaterThan(3);
    expect(await table.getByRole('columnheader', { name: 'Normal range' }).count()).toBe(1);
    await table.getByRole('cell', { name: '4.6 mmol/L' }).first().waitFor();
    expect(await page.getByRole('img', { name: /^Chart of \d+ results of / }).count()).toBe(1);
    await expectNoAxeViolations(page, 'trend (en)');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: /^Tendencia: / }).waitFor();
    await page.getByRole('table', { name: /todos los valores/ }).waitFor();
    await expectNoAxeViolations(page, 'trend (es)');
    await page.getByRole('link', { name: 'Volver a resultados de pruebas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resultados de pruebas' }).waitFor();
    await page.getByRole('status').filter({ hasText: /\d+ resultados\./ }).waitFor();
    await page.locator('.result-report__summary').first().click();
    await page.getByText('Qué significa esta prueba').first().click();
    await page.getByText('Qué mide').first().waitFor();
    await expectNoAxeViolations(page, 'results, report open (es)');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Test results' }).waitFor();
    await page.context().close();
  });

  it('fits 360 px without sideways scrolling, list and trend', async () => {
    const page = await signedIn(360);
    await page.goto(`${baseUrl}/results`);
    await page.getByRole('heading', { level: 1, name: 'Test results' }).waitFor();
    await page.getByRole('status').filter({ hasText: /\d+ results\./ }).waitFor();
    await page.locator('.result-report__summary').first().click();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'results at 360 px');
    await page.goto(`${baseUrl}/results/trend?code=${encodeURIComponent('http://loinc.org|4548-4')}`);
    await page.getByRole('table', { name: /every value, oldest first/ }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    const chart = await page.getByRole('img', { name: /^Chart of/ }).boundingBox();
    expect(chart!.width).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'trend at 360 px');
    await page.context().close();
  });

  it('saves the result release choice, and shows the care team what waits for review', async () => {
    const page = await signedIn(1280);
    await page.goto(`${baseUrl}/results`);
    const release = page.getByRole('region', { name: 'Result release' });
    const lab = release.getByRole('checkbox', { name: 'Lab tests (blood, urine)' });
    await lab.waitFor();
    expect(await lab.isChecked()).toBe(false);
    // Keyboard: tick with Space, save with Enter.
    await lab.focus();
    await page.keyboard.press('Space');
    await release.getByRole('button', { name: 'Save choices' }).focus();
    await page.keyboard.press('Enter');
    await release.getByRole('status').filter({ hasText: 'Your choices are saved.' }).waitFor();
    await expectNoAxeViolations(page, 'results, release saved (en)');
    await page.reload();
    await lab.waitFor();
    expect(await lab.isChecked()).toBe(true);
    // A hold covers results from now on: what Ana could see stays visible.
    await page.getByRole('status').filter({ hasText: /\d+ results\./ }).waitFor();
    expect(await page.locator('.result-report').count()).toBeGreaterThan(10);
    await lab.uncheck();
    await release.getByRole('button', { name: 'Save choices' }).click();
    await release.getByRole('status').filter({ hasText: 'Your choices are saved.' }).waitFor();
    await page.context().close();

    const staff = await newPage(browser);
    await enterPassword(staff, baseUrl, 'clinician@ourchart.example');
    await staff.waitForURL((url) => url.pathname !== '/sign-in');
    await open(staff, baseUrl, '/staff', 'Care team workspace');
    await staff.getByLabel('Name, MRN or date of birth').fill('Brooks');
    await staff.getByRole('button', { name: 'Search', exact: true }).click();
    await staff.getByRole('button', { name: /^Open Ana/ }).click();
    const waiting = staff.getByRole('region', { name: 'Results waiting for review' });
    await waiting.getByText('No results are waiting for review.').waitFor();
    await expectNoAxeViolations(staff, 'staff patient view with results waiting for review');
    await staff.context().close();
  });
});
