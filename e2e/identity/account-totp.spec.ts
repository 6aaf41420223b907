import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { enterPassword, newPage, open, PASSWORD, signIn, signOut } from './helpers.ts';

const baseUrl = inject('baseUrl');
// Other specs use patient@ (password reset) and parent@ (passkeys); this one owns caregiver@.
const EMAIL = 'caregiver@ourchart.example';

const totpFor = (secret: string) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
const step = () => Math.floor(Date.now() / 30_000);

/** The server refuses a code from a 30-second step it has already accepted, so wait for the next one. */
async function waitForStepAfter(used: number): Promise<void> {
  while (step() <= used) await new Promise((r) => setTimeout(r, 500));
}

async function confirmWithCode(page: Page, label: string, code: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
}

describe('two-step verification with an authenticator app', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('shows the security and activity pages at 360 px without sideways scrolling, the table as cards, in Spanish too (before two-step verification is on)', async () => {
    const page = await newPage(browser, 360);
    await signIn(page, baseUrl, EMAIL);
    await open(page, baseUrl, '/account/security', 'Account security');
    await page.getByRole('heading', { level: 2, name: 'Where you are signed in' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, 'security at 360 px');

    await open(page, baseUrl, '/account/activity', 'Who looked at your record');
    const firstRow = page.getByRole('table').getByRole('row').nth(1);
    await firstRow.waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    // Stacked: the cells of a row sit one above the other.
    const cells = firstRow.getByRole('cell');
    const [a, b] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    await expectNoAxeViolations(page, 'activity at 360 px');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quién vio su expediente' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Qué hizo' }).count()).toBe(1);
    expect(await page.getByText('Inició sesión').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'activity (es)');
    await page.getByRole('button', { name: 'English' }).click();
    await page.context().close();
  });

  it('sets up the app, saves recovery codes, then signs in with an app code and with a recovery code', { timeout: 150_000 }, async () => {
    const page = await newPage(browser);
    await signIn(page, baseUrl, EMAIL);
    await open(page, baseUrl, '/account/security', 'Account security');
    expect(await page.title()).toBe('Account security – OurChart');
    await page.getByText('You get recovery codes when you set up').waitFor();
    await expectNoAxeViolations(page, 'security page');

    // Scan step: the QR code is an image with a text alternative, the key is shown in groups of 4.
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const shownKey = (await page.locator('code.secret').innerText()).trim();
    expect(shownKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const totp = totpFor(shownKey.replace(/ /g, ''));
    await expectNoAxeViolations(page, 'authenticator set-up');

    // A wrong code is refused with a message that says what to do.
    await page.getByLabel('6-digit code').fill('12345');
    await page.getByRole('button', { name: 'Turn on the app' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter the 6-digit code from your app' }).waitFor();

    const usedStep = step();
    await page.getByLabel('6-digit code').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on the app' }).click();

    // Recovery codes, shown once.
    await page.getByRole('heading', { level: 2, name: 'Save your recovery codes' }).waitFor();
    const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allInnerTexts();
    expect(codes.length).toBeGreaterThanOrEqual(8);
    await expectNoAxeViolations(page, 'recovery codes');
    await page.getByRole('button', { name: 'I saved my codes' }).click();
    await page.getByText('On. When you sign in, enter the 6-digit code from your app.').waitFor();
    await page.getByText(`You have ${codes.length} codes left.`).waitFor();
    await signOut(page);

    // Second sign-in: the password is not enough any more.
    await enterPassword(page, baseUrl, EMAIL);
    await page.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
    await expectNoAxeViolations(page, 'second step');
    await waitForStepAfter(usedStep);
    await confirmWithCode(page, '6-digit code from your app', totp.generate());
    await page.getByRole('heading', { level: 1, name: /Hello, María/ }).waitFor();
    await signOut(page);

    // Third sign-in with a recovery code instead.
    await enterPassword(page, baseUrl, EMAIL);
    await page.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await confirmWithCode(page, 'Recovery code', codes[0]!.trim());
    await page.getByRole('heading', { level: 1, name: /Hello, María/ }).waitFor();

    await open(page, baseUrl, '/account/security', 'Account security');
    await page.getByText(`You have ${codes.length - 1} codes left.`).waitFor();

    // The activity page shows these events in words, as a table.
    await open(page, baseUrl, '/account/activity', 'Who looked at your record');
    const table = page.getByRole('table', { name: /Activity on your record/ });
    await table.waitFor();
    for (const column of ['When', 'Who', 'What they did', 'Result']) {
      expect(await table.getByRole('columnheader', { name: column }).count()).toBe(1);
    }
    expect(await table.getByRole('cell', { name: 'Changed two-step verification' }).count()).toBeGreaterThan(0);
    expect(await table.getByRole('cell', { name: 'Signed in' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'activity page');

    // Leave the account as the demo seeded it: remove the app (asks for the password).
    await open(page, baseUrl, '/account/security', 'Account security');
    const twoStep = page.getByRole('region', { name: 'Two-step verification' });
    await twoStep.getByRole('button', { name: 'Remove the app' }).click();
    await twoStep.getByRole('button', { name: 'Remove the app' }).click();
    await twoStep.getByRole('alert').filter({ hasText: 'Enter your password.' }).waitFor();
    await twoStep.getByLabel('Your password').fill(PASSWORD);
    await twoStep.getByRole('button', { name: 'Remove the app' }).click();
    await twoStep.getByText('The authenticator app is removed.').waitFor();
    await twoStep.getByRole('button', { name: 'Set up an authenticator app' }).waitFor();
    await page.context().close();
  });
});
