import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchChromium } from '../browser.ts';
import { meStatus, newPage, signIn } from './helpers.ts';

const baseUrl = inject('baseUrl');
// Signs in only (no changes to the account), so sharing an account with other specs is safe.
const EMAIL = 'parent@ourchart.example';

/**
 * The page's clock is Playwright's fake one, so 13 minutes pass in an instant; the server keeps
 * real time, so the session stays alive there and "Stay signed in" really reaches it.
 */
async function signInWithFakeClock(browser: Browser): Promise<Page> {
  const page = await newPage(browser);
  await page.clock.install();
  await signIn(page, baseUrl, EMAIL);
  await page.getByRole('heading', { level: 2, name: 'Conditions' }).waitFor();
  return page;
}

describe('signed-in people are warned before the 15-minute idle sign-out', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('warns 2 minutes before, "Stay signed in" keeps the session alive, and an ended session goes to sign-in', async () => {
    const page = await signInWithFakeClock(browser);
    await page.clock.fastForward('12:50');
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    await page.clock.fastForward('00:15');
    const dialog = page.getByRole('alertdialog', { name: 'You will be signed out soon' });
    await dialog.waitFor();
    await dialog.getByText('we will sign you out in 2 minutes').waitFor();
    await dialog.getByRole('timer').filter({ hasText: /Time left: 1:[45]\d/ }).waitFor();
    // Focus is moved into the dialog, on the safe choice.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay signed in');
    await expectNoAxeViolations(page, 'idle dialog');

    // Once a minute the time left is announced politely.
    await page.clock.fastForward('01:00');
    await dialog.getByRole('status').filter({ hasText: 'We will sign you out in 1 minute.' }).waitFor();

    const keptAlive = page.waitForResponse((response) => response.url().endsWith('/api/auth/keep-alive'));
    await page.keyboard.press('Enter');
    expect((await keptAlive).status()).toBe(204);
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the page, not to the top of the document.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // The count starts again from the keep-alive: no warning 12 minutes later.
    await page.clock.fastForward('12:00');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await meStatus(page)).toBe(200);

    // When the server has already ended the session (another tab, its own timer), the next
    // call's 401 goes to sign-in with the same message. (Same page: sign-ins per minute are limited.)
    await page.evaluate(() => fetch('/api/auth/sign-out', { method: 'POST', headers: { 'x-ourchart-csrf': '1' } }));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account activity' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You were signed out after 15 minutes without activity' }).waitFor();
    await page.context().close();
  });

  it('signs out when time runs out, and says why on the sign-in page', async () => {
    const page = await signInWithFakeClock(browser);
    await page.clock.fastForward('13:05');
    await page.getByRole('alertdialog', { name: 'You will be signed out soon' }).waitFor();
    await page.clock.fastForward('02:00');
    await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'You were signed out after 15 minutes without activity, to protect your information.' })
      .waitFor();
    await expectNoAxeViolations(page, 'sign-in after the idle sign-out');
    // Signed out on the server too, not only on screen.
    expect(await meStatus(page)).toBe(401);
    await page.context().close();
  });
});
