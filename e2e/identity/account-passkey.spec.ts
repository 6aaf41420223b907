import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchChromium } from '../browser.ts';
import { newPage, open, PASSWORD, signIn, signOut } from './helpers.ts';

const baseUrl = inject('baseUrl');
// This spec owns parent@ while it runs, and removes the passkey at the end.
const EMAIL = 'parent@ourchart.example';

/** Chromium's virtual authenticator: a platform passkey that always verifies the user. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
}

describe('passkeys', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('adds a passkey on the security page, signs in with it and no password, then removes it', async () => {
    const page = await newPage(browser);
    await addVirtualAuthenticator(page);
    await signIn(page, baseUrl, EMAIL);
    await open(page, baseUrl, '/account/security', 'Account security');
    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByText('You have no passkeys yet.').waitFor();

    await passkeys.getByLabel(/Name for this passkey/).fill('Test laptop');
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();

    // The first second factor comes with recovery codes, shown once.
    await page.getByRole('heading', { level: 2, name: 'Save your recovery codes' }).waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: 'I saved my codes' }).click();

    await passkeys.getByText('Test laptop', { exact: true }).waitFor();
    await passkeys.getByText('Not used yet').waitFor();
    await expectNoAxeViolations(page, 'security page with a passkey');
    await signOut(page);

    // Passwordless: the passkey alone signs in.
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('heading', { level: 1, name: /Hello, David/ }).waitFor();
    await expectNoAxeViolations(page, 'home after passkey sign-in');

    await open(page, baseUrl, '/account/security', 'Account security');
    const list = page.getByRole('region', { name: 'Passkeys' });
    await list.getByText(/^Last used:/).waitFor();

    // Leave the account as the demo seeded it.
    await list.getByRole('button', { name: 'Remove Test laptop' }).click();
    await list.getByLabel('Your password').fill(PASSWORD);
    await list.getByRole('button', { name: 'Remove', exact: true }).click();
    await list.getByText('The passkey “Test laptop” is removed.').waitFor();
    await list.getByText('You have no passkeys yet.').waitFor();
    await expectNoAxeViolations(page, 'security page after removing the passkey');
    await page.context().close();
  });
});
