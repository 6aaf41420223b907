import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { APIRequestContext, Browser } from 'playwright-core';
import { expectNoAxeViolations, launchChromium } from '../browser.ts';
import { readMail } from '../mailbox.ts';
import { enterPassword, newPage, PASSWORD } from './helpers.ts';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
// Other specs sign in as patient@ with the demo password: afterAll puts it back.
const EMAIL = 'patient@ourchart.example';
const NEW_PASSWORD = 'purple giraffe dances at noon';

/** The reset link in the newest reset email to EMAIL sent after `since`. */
async function resetLink(since: number): Promise<string> {
  const mail = await readMail(mailDir, EMAIL, /password/i, { since });
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0];
  if (!link) throw new Error(`no reset link in: ${mail.text}`);
  return link;
}

/** Sets the password straight through the API, with a fresh emailed link. */
async function resetThroughApi(request: APIRequestContext, password: string): Promise<void> {
  const since = Date.now();
  const headers = { 'x-ourchart-csrf': '1' };
  expect((await request.post(`${baseUrl}/api/auth/password-reset`, { headers, data: { email: EMAIL } })).status()).toBe(202);
  const token = new URL(await resetLink(since)).searchParams.get('token');
  const done = await request.post(`${baseUrl}/api/auth/password-reset/complete`, { headers, data: { token, password } });
  expect(done.status()).toBe(204);
}

describe('a patient who forgot their password resets it through the emailed link', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(async () => {
    if (browser) {
      const context = await browser.newContext();
      await resetThroughApi(context.request, PASSWORD);
      await context.close();
    }
    await close?.();
  });

  it('asks for a link, sets a strong password with the meter, and signs in with it but not the old one', { timeout: 120_000 }, async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    expect(await page.title()).toBe('Reset your password – OurChart');

    // An empty email is refused before anything is sent, with focus on the field to fix.
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter your email address.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await expectNoAxeViolations(page, 'forgot password with a problem');

    const since = Date.now();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').filter({ hasText: 'If that email has an account, we sent a link' }).waitFor();
    await expectNoAxeViolations(page, 'forgot password, link sent');

    const link = await resetLink(since);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // The token leaves the address bar (history, screenshots) once read.
    expect(page.url()).toBe(`${baseUrl}/reset-password`);

    // A breached password: the meter words it, and the form refuses it before sending.
    const field = page.getByLabel('New password');
    await field.fill('password1234');
    const meter = page.getByRole('meter', { name: 'Password strength' });
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toMatch(/^(Very weak|Weak)$/);
    await page.getByText('This password is too common or has appeared in a data breach. Choose another.').first().waitFor();
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'too common' }).waitFor();
    await expectNoAxeViolations(page, 'reset password with a refused password');

    await field.fill(NEW_PASSWORD);
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toBe('Very strong');
    await page.getByRole('button', { name: 'Show password' }).click();
    expect(await field.getAttribute('type')).toBe('text');
    await expectNoAxeViolations(page, 'reset password with a strong password shown');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('status').filter({ hasText: 'we signed you out on all your devices' }).waitFor();
    await expectNoAxeViolations(page, 'password changed');

    // The old password no longer works; the new one does.
    await enterPassword(page, baseUrl, EMAIL, PASSWORD);
    await page.getByRole('alert').filter({ hasText: /email and password/i }).waitFor();
    await enterPassword(page, baseUrl, EMAIL, NEW_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Hello, Ana/ }).waitFor();
    await expectNoAxeViolations(page, 'home after the reset');

    // The link works once: a second use says so and offers a new one.
    await page.goto(link);
    await page.getByLabel('New password').fill('another long passphrase here');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('alert').filter({ hasText: /expired or was already used/ }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await expectNoAxeViolations(page, 'reset link used twice');
    await page.context().close();
  });
});
