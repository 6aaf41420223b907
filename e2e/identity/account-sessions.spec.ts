import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchChromium } from '../browser.ts';
import { meStatus, newPage, open, signIn } from './helpers.ts';

const baseUrl = inject('baseUrl');
// Staff accounts skip two-step verification in demo mode; no other spec signs in as nurse@.
const EMAIL = 'nurse@ourchart.example';

describe('devices', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('lists both devices and signs the other one out', async () => {
    const laptop = await newPage(browser);
    const phone = await newPage(browser, 360);
    await signIn(phone, baseUrl, EMAIL);
    await signIn(laptop, baseUrl, EMAIL);

    await open(laptop, baseUrl, '/account/security', 'Account security');
    const devices = laptop.getByRole('region', { name: 'Where you are signed in' });
    await devices.getByText('This device').waitFor();
    expect(await devices.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    expect(await devices.getByText('This device').count()).toBe(1);
    await expectNoAxeViolations(laptop, 'devices');

    await devices.getByRole('button', { name: 'Sign out other devices' }).click();
    await devices.getByRole('status').filter({ hasText: /We signed out \d+ other devices?\./ }).waitFor();
    await devices.getByText('You are not signed in on any other device.').waitFor();
    expect(await devices.getByRole('listitem').count()).toBe(1);

    // The other device's session is gone on the server: its next call is refused...
    expect(await meStatus(phone)).toBe(401);
    // ...and the one that asked is still signed in.
    expect(await meStatus(laptop)).toBe(200);
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
    await laptop.context().close();
    await phone.context().close();
  });
});
