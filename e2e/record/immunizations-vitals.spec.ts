import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { signedInPatient } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

describe('immunizations, prevention, home readings and what needs attention', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  async function signedInPage(width = 1280): Promise<Page> {
    return signedInPatient(browser, baseUrl, width);
  }

  async function switchLanguage(page: Page, to: 'Español' | 'English', heading: string) {
    await page.getByRole('button', { name: to }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  it('shows due care on home and on Immunizations, with reasons, sources and the shot history, in English and Spanish', async () => {
    const page = await signedInPage();
    const attention = page.getByRole('region', { name: 'What needs attention' });
    await attention.getByText(/shots or health checks are due: .*Mammogram/).waitFor();
    expect(await attention.getByRole('link', { name: 'See what is due and why' }).count()).toBe(1);
    // The summary below is still there.
    await page.getByRole('heading', { level: 2, name: 'Medications' }).waitFor();
    await expectNoAxeViolations(page, 'home with attention (en)');

    await attention.getByRole('link', { name: 'See what is due and why' }).click();
    await page.getByRole('heading', { level: 1, name: 'Immunizations and preventive care' }).waitFor();
    const due = page.getByRole('region', { name: 'Due and overdue' });
    const mammogram = due.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Mammogram (breast cancer screening)' }) });
    await mammogram.waitFor();
    expect(await mammogram.textContent()).toMatch(/(Due now|Overdue).*every 2 years.*We have no record of this\..*Source: USPSTF: Breast Cancer: Screening/);
    expect(await mammogram.getByRole('link').getAttribute('href')).toBe('https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/breast-cancer-screening');
    // Ana's Tdap was two years ago: up to date, with the next date.
    const upToDate = page.getByRole('region', { name: 'Up to date' });
    expect(await upToDate.getByRole('listitem').filter({ hasText: 'Tetanus booster' }).textContent()).toMatch(/Up to date.*Last done:.*Next due:/);
    const history = page.getByRole('region', { name: 'Shot history' });
    const flu = history.getByRole('table', { name: /^Flu shot/ });
    await flu.waitFor();
    expect(await flu.getByRole('row').count()).toBeGreaterThan(3);
    expect(await flu.getByRole('columnheader').allTextContents()).toEqual(['Date', 'Dose', 'Where given']);
    await expectNoAxeViolations(page, 'immunizations (en)');

    await switchLanguage(page, 'Español', 'Vacunas y cuidado preventivo');
    await page.getByRole('region', { name: 'Pendientes y atrasados' }).getByRole('heading', { level: 3, name: 'Mamografía (prueba de cáncer de seno)' }).waitFor();
    expect(await page.getByRole('region', { name: 'Historial de vacunas' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'immunizations (es)');

    await page.getByRole('link', { name: 'Resumen de salud' }).first().click();
    await page.getByRole('region', { name: 'Lo que necesita su atención' }).getByText(/Le tocan \d+ vacunas o chequeos/).waitFor();
    await expectNoAxeViolations(page, 'home with attention (es)');
    await switchLanguage(page, 'English', 'Hello, Ana Brooks');
    await page.context().close();
  });

  it('adds a blood pressure reading by keyboard, refusing an impossible value first, and shows it as a home reading', async () => {
    const page = await signedInPage();
    await page.goto(`${baseUrl}/vitals`);
    await page.getByRole('heading', { level: 1, name: 'Vitals and home readings' }).waitFor();
    const bpSection = page.getByRole('region', { name: 'Blood pressure' });
    await bpSection.getByRole('table', { name: 'Blood pressure readings, newest first' }).waitFor();
    await expectNoAxeViolations(page, 'vitals (en)');

    await page.getByLabel('What did you measure?').focus();
    expect(await page.getByLabel('What did you measure?').inputValue()).toBe('blood-pressure');
    expect(await page.getByLabel('Date and time of the reading').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.keyboard.press('Tab');
    await page.keyboard.type('320');
    await page.keyboard.press('Tab');
    await page.keyboard.type('82');
    await page.keyboard.press('Enter');
    await page.getByText('Systolic must be between 50 and 300 mmHg.').waitFor();
    // Focus lands on the field to fix, which names its error.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reading-systolic');
    expect(await page.getByLabel('Systolic (top number), mmHg').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'vitals with an error (en)');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('131');
    await page.keyboard.press('Enter');
    await page.getByText('Your reading was saved. It is in the table below.').waitFor();
    const newest = bpSection.getByRole('table', { name: 'Blood pressure readings, newest first' }).getByRole('row').nth(1);
    await expect.poll(() => newest.textContent()).toMatch(/131\/82 mmHg.*Home \(you entered it\)/);
    expect(await bpSection.getByText('Home reading', { exact: true }).count()).toBe(1);
    expect(await bpSection.getByText('Clinic reading', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'vitals after saving (en)');

    await switchLanguage(page, 'Español', 'Signos vitales y mediciones en casa');
    await page.getByRole('table', { name: 'Mediciones de Presión arterial, las más recientes primero' }).getByText('Casa (usted la agregó)').first().waitFor();
    await expectNoAxeViolations(page, 'vitals (es)');
    await switchLanguage(page, 'English', 'Vitals and home readings');
    await page.context().close();
  });

  it('fits a 360 px screen without sideways scrolling on home, Immunizations and Vitals', async () => {
    const page = await signedInPage(360);
    await page.getByRole('region', { name: 'What needs attention' }).getByRole('link').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.goto(`${baseUrl}/immunizations`);
    await page.getByRole('region', { name: 'Shot history' }).getByRole('table').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'immunizations at 360 px');
    await page.goto(`${baseUrl}/vitals`);
    await page.getByRole('table', { name: 'Weight readings, newest first' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'vitals at 360 px');
    await page.context().close();
  });
});
