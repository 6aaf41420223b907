import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { signedInPatient } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

describe('the demo patient reads medications, allergies, conditions and visits', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  async function signedIn(width = 1280): Promise<Page> {
    return signedInPatient(browser, baseUrl, width);
  }

  async function open(page: Page, navName: string, h1: string) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: navName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
  }

  async function language(page: Page, name: 'Español' | 'English') {
    await page.getByRole('button', { name }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe(name === 'Español' ? 'es' : 'en');
  }

  it('shows current then past medicines with dose instructions in plain words, in English and Spanish', async () => {
    const page = await signedIn();
    await open(page, 'Medications', 'Medications');
    const current = page.getByRole('region', { name: 'Medicines you take now' });
    await current.getByRole('heading', { level: 3, name: /metformin hydrochloride 1000 MG/ }).waitFor();
    expect(await current.getByText('Take 1 tablet by mouth twice a day', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Past medicines' }).getByRole('listitem').count()).toBeGreaterThan(0);
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.indexOf('Medicines you take now')).toBeLessThan(headings.indexOf('Past medicines'));
    const correction = current.getByRole('link', { name: /^Ask for a correction about metformin/ }).first();
    expect(await correction.getAttribute('href')).toMatch(/^\/corrections\?item=MedicationRequest%2F/);
    await expectNoAxeViolations(page, 'medications (en)');

    await language(page, 'Español');
    await page.getByRole('heading', { level: 2, name: 'Medicamentos que toma ahora' }).waitFor();
    expect(await page.getByText('Tome 1 tableta por vía oral dos veces al día', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'medications (es)');
    await language(page, 'English');
    await page.context().close();
  });

  it('shows allergies with reactions and severity, and conditions with their status, in both languages', async () => {
    const page = await signedIn();
    await open(page, 'Allergies', 'Allergies');
    const allergies = page.getByRole('region', { name: 'Current allergies' });
    await allergies.getByRole('heading', { level: 3 }).first().waitFor();
    await allergies.getByText('Penicillin', { exact: false }).first().waitFor();
    expect(await allergies.getByText(/\((mild|moderate|severe)\)/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'allergies (en)');
    await language(page, 'Español');
    await page.getByRole('heading', { level: 2, name: 'Alergias actuales' }).waitFor();
    expect(await page.getByText(/\((leve|moderada|grave)\)/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'allergies (es)');
    await language(page, 'English');

    await open(page, 'Conditions', 'Conditions');
    const conditions = page.getByRole('region', { name: 'Current conditions' });
    await conditions.getByRole('heading', { level: 3 }).first().waitFor();
    expect(await conditions.getByText(/diabetes/i).count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Past conditions' }).waitFor();
    await expectNoAxeViolations(page, 'conditions (en)');
    await language(page, 'Español');
    await page.getByRole('heading', { level: 2, name: 'Problemas de salud actuales' }).waitFor();
    await expectNoAxeViolations(page, 'conditions (es)');
    await language(page, 'English');
    await page.context().close();
  });

  it('lists visits newest first and opens a visit note, in English and Spanish', async () => {
    const page = await signedIn();
    await open(page, 'Visits', 'Visits');
    const visits = page.getByRole('list', { name: 'Past visits' });
    await visits.getByRole('heading', { level: 2 }).first().waitFor();
    const titles = await visits.getByRole('heading', { level: 2 }).allTextContents();
    expect(titles.length).toBeGreaterThan(10);
    // "Follow-up visit, October 10, 2026": newest first.
    const times = titles.map((title) => Date.parse(title.slice(title.indexOf(', ') + 2)));
    expect(times.every((time) => !Number.isNaN(time))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = visits.getByRole('listitem').first();
    expect(await first.getByText('Seen by').count()).toBe(1);
    const button = first.getByRole('button', { name: /^Show visit notes/ });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    const hide = first.getByRole('button', { name: /^Hide visit notes/ });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    // The seeded follow-up note is plain text with SOAP headings on their own lines.
    const body = first.locator('.visit-note__body');
    await body.first().waitFor();
    expect(await body.first().innerText()).toMatch(/SUBJECTIVE\n/);
    await expectNoAxeViolations(page, 'visits with a note open (en)');

    // A yearly checkup's note is HTML: its headings follow the note title's level.
    const annual = visits.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: /^Yearly checkup/ }) }).first();
    await annual.getByRole('button', { name: /^Show visit notes/ }).click();
    await annual.getByRole('heading', { level: 5, name: 'Assessment' }).waitFor();
    expect(await annual.locator('.visit-note__body--html script').count()).toBe(0);
    await expectNoAxeViolations(page, 'visits with an HTML note open (en)');

    await language(page, 'Español');
    const firstEs = page.getByRole('list', { name: 'Consultas anteriores' }).getByRole('listitem').first();
    await firstEs.getByText('Lo atendió').waitFor();
    expect(await firstEs.getByRole('button', { name: /^Ocultar las notas de la consulta/ }).getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page, 'visits (es)');
    await language(page, 'English');
    await page.context().close();
  });

  it('works by keyboard alone at 360 px wide without sideways scrolling', async () => {
    const page = await signedIn(360);
    for (const [path, h1] of [['/medications', 'Medications'], ['/allergies', 'Allergies'], ['/conditions', 'Conditions'], ['/visits', 'Visits']]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
      await page.locator('.record-item').first().waitFor();
      expect(await hasHorizontalScroll(page), `sideways scroll on ${path}`).toBe(false);
      await expectNoAxeViolations(page, `${path} at 360 px`);
    }
    // From the top of the Visits page, Tab reaches the first visit's notes button; Enter opens it.
    await page.locator('h1').focus();
    let reached = '';
    for (let i = 0; i < 40 && !reached.startsWith('Show visit notes'); i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(reached).toMatch(/^Show visit notes/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    await page.locator('.visit-note__body').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Ask for a correction/);
    await page.context().close();
  });
});
