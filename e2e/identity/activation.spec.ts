import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { readMail } from '../mailbox.ts';
import { enterPassword, newPage, signIn } from './helpers.ts';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
// A demo patient with a record but no account; no other spec uses her.
const PATIENT_ID = 'demo-patient-grace';
const EMAIL = 'grace.okafor@example.org';
const PASSWORD = 'orchard row tulips in spring';
const csrf = { 'x-ourchart-csrf': '1' };

/** The front desk makes an activation code (through the staff API, as the desk's page would). */
async function activationCodeFromFrontDesk(browser: Browser): Promise<{ code: string; birthDate: string }> {
  const page = await newPage(browser);
  await signIn(page, baseUrl, 'frontdesk@ourchart.example');
  const search = await page.request.get(`${baseUrl}/api/staff/patients?q=Grace`);
  expect(search.status()).toBe(200);
  const { patients } = (await search.json()) as { patients: { id: string; birthDate: string | null }[] };
  const grace = patients.find((patient) => patient.id === PATIENT_ID);
  if (!grace?.birthDate) throw new Error(`Grace not found by the staff search: ${JSON.stringify(patients)}`);
  const made = await page.request.post(`${baseUrl}/api/staff/patients/${PATIENT_ID}/activation-code`, { headers: csrf });
  expect(made.status()).toBe(200);
  const { code } = (await made.json()) as { code: string };
  await page.context().close();
  return { code, birthDate: grace.birthDate };
}

async function fillDate(page: Page, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Year').fill(year!);
}

describe('a patient activates an account with a code from the clinic', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('activates through the form, lands on home, then signs in again with an emailed code', { timeout: 150_000 }, async () => {
    const { code, birthDate } = await activationCodeFromFrontDesk(browser);

    const page = await newPage(browser, 360);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Have an activation code?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activate your account' }).waitFor();
    expect(await page.title()).toBe('Activate your account – OurChart');
    expect(await hasHorizontalScroll(page)).toBe(false);

    // Nothing filled in: every problem is listed in an alert, and focus goes to the first field.
    await page.getByRole('button', { name: 'Activate account' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There are 4 problems' });
    await summary.waitFor();
    for (const text of ['Enter the activation code from your clinic.', 'Enter your date of birth.', 'Enter your email address.', 'Enter a password.']) {
      await summary.getByText(text).waitFor();
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('activation-code');
    await expectNoAxeViolations(page, 'activation with problems');

    await page.getByLabel('Activation code').fill(code);
    await fillDate(page, birthDate);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('New password').fill(PASSWORD);
    await expect.poll(() => page.getByRole('meter', { name: 'Password strength' }).getAttribute('aria-valuetext')).toMatch(/strong/i);
    await expectNoAxeViolations(page, 'activation filled in');
    await page.getByRole('button', { name: 'Activate account' }).click();

    await page.getByRole('heading', { level: 1, name: /Hello, Grace/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Conditions' }).waitFor();
    // A new account without two-step verification is invited to add it.
    await page.getByRole('region', { name: 'Protect your account with two-step verification' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'home after activation');

    // The code works once.
    const again = await page.request.post(`${baseUrl}/api/auth/activate`, {
      headers: csrf,
      data: { code, birthDate, email: 'someone.else@example.org', password: 'another long passphrase' },
    });
    expect(again.status()).toBeGreaterThanOrEqual(400);

    // Turn on emailed codes, then sign in again through the second step.
    const on = await page.request.post(`${baseUrl}/api/account/email-codes`, { headers: csrf, data: { enabled: true, password: PASSWORD } });
    expect(on.status()).toBe(204);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account activity' }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();

    await enterPassword(page, baseUrl, EMAIL, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
    expect(await page.title()).toBe('Confirm it’s you – OurChart');
    await expectNoAxeViolations(page, 'second step');
    const since = Date.now();
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByRole('status').filter({ hasText: 'We sent a 6-digit code to g***' }).waitFor();
    const codeField = page.getByLabel('6-digit code from the email');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');

    await codeField.fill('12345');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter the 6-digit code' }).waitFor();
    await expectNoAxeViolations(page, 'second step with a problem');

    const mail = await readMail(mailDir, EMAIL, /code/i, { since });
    const emailed = mail.text.match(/\b\d{6}\b/)?.[0];
    if (!emailed) throw new Error(`no code in: ${mail.text}`);
    await codeField.fill(emailed);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { level: 1, name: /Hello, Grace/ }).waitFor();
    // Two-step verification is on now: no invitation.
    await page.getByRole('heading', { level: 2, name: 'Conditions' }).waitFor();
    expect(await page.getByRole('region', { name: 'Protect your account with two-step verification' }).count()).toBe(0);
    await page.context().close();
  });
});
