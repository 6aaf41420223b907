import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';

const PASSWORD = 'demo-password-2026';
const baseUrl = inject('baseUrl');

describe('the demo patient signs in and sees the health summary', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'en-US' });
    return context.newPage();
  }

  it('signs in, reads the summary, switches to Español and back, and signs out, with no axe violations', async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/sign-in`);
    await expectNoAxeViolations(page, 'sign-in (en)');

    await page.getByLabel('Email').fill('patient@ourchart.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: /Hello, Ana/ }).waitFor();
    for (const name of ['Conditions', 'Medications', 'Allergies', 'Immunizations']) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    }
    // Real data from the seeded record, not placeholders.
    await page.getByText('Penicillin', { exact: false }).first().waitFor();
    expect(await page.getByRole('region', { name: 'Medications' }).getByRole('listitem').count()).toBeGreaterThan(2);
    await expectNoAxeViolations(page, 'home (en)');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: /Hola, Ana/ }).waitFor();
    for (const name of ['Problemas de salud', 'Medicamentos', 'Alergias', 'Vacunas']) {
      expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    }
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.getByRole('button', { name: 'Cerrar sesión' }).count()).toBe(1);
    expect(await page.getByText('Conditions').count()).toBe(0);
    await expectNoAxeViolations(page, 'home (es)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Conditions' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
    await expectNoAxeViolations(page, 'sign-in after sign-out');
    // The session is gone on the server, not just in the page.
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await page.context().close();
  });

  it('tells a person what went wrong when the password is wrong, in a way screen readers announce', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill('patient@ourchart.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /email and password/i });
    await alert.waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('patient@ourchart.example');
    await expectNoAxeViolations(page, 'sign-in with error');
    await page.context().close();
  });

  it('works with a keyboard alone at 360 px wide, without sideways scrolling', async () => {
    const page = await newPage(360);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.keyboard.press('Tab'); // skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.getByLabel('Email').focus();
    await page.keyboard.type('parent@ourchart.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Hello, David/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Immunizations' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'home at 360 px');
    await page.context().close();
  });
});
