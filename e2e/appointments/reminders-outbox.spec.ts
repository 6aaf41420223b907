import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';
import { startPortal } from '../portal.ts';

const baseUrl = inject('baseUrl');

/** The portal as a demo runs it: embedded database, demo clinic, and no mail server (SMTP_URL unset). */
async function startDemoWithoutMailServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ourchart-e2e-outbox-'));
  const portal = await startPortal({ dataDir, smtpUrl: '', stdout: 'ignore', readyWithinMs: 150_000, name: 'the demo portal' });
  return {
    url: portal.url,
    stop: async () => {
      await portal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('reminder settings and the demo mail outbox', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('a patient turns email and week-before reminders off; the change is saved, announced and kept', async () => {
    const page = await newPage(browser);
    await signIn(page, baseUrl, 'patient@ourchart.example');
    await open(page, baseUrl, '/appointments/reminders', 'Reminder settings');
    expect(await page.title()).toBe('Reminder settings – OurChart');
    const email = page.getByRole('checkbox', { name: 'By email' });
    const weekBefore = page.getByRole('checkbox', { name: '7 days before the visit' });
    await email.waitFor();
    for (const name of ['By email', 'In OurChart', '7 days before the visit', '1 day before the visit']) {
      expect(await page.getByRole('checkbox', { name }).isChecked(), name).toBe(true);
    }
    await page.getByRole('group', { name: 'How should we remind you?' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'reminder settings', 'Reminder settings', 'Recordatorios');

    // Keyboard only: Space toggles a box, Enter on the button saves.
    await email.focus();
    await page.keyboard.press('Space');
    await weekBefore.uncheck();
    await page.getByRole('button', { name: 'Save settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your reminder settings are saved.' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'reminder settings saved', 'Reminder settings', 'Recordatorios');
    await expectFitsAt360(page);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Reminder settings' }).waitFor();
    await email.waitFor();
    expect(await email.isChecked()).toBe(false);
    expect(await weekBefore.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: '1 day before the visit' }).isChecked()).toBe(true);
    // What the server keeps (the page's own API), then back to the defaults for other tests.
    const saved = await page.evaluate(async () => (await fetch('/api/appointments/reminder-preferences')).json());
    expect(saved).toMatchObject({ email: false, inApp: true, weekBefore: false, dayBefore: true });

    // Turning everything off says plainly what that means.
    await page.getByRole('checkbox', { name: 'In OurChart' }).uncheck();
    await page.getByText('With these settings you get no reminders.').waitFor();
    await email.check();
    await weekBefore.check();
    await page.getByRole('checkbox', { name: 'In OurChart' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Your reminder settings are saved.' }).waitFor();
    await page.context().close();
  });

  it('with a mail server configured, front desk has no outbox in the menu and the page says mail goes out', async () => {
    const page = await newPage(browser);
    await signIn(page, baseUrl, 'frontdesk@ourchart.example');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sent email (demo)' }).count()).toBe(0);
    await open(page, baseUrl, '/staff/outbox', 'Sent email (demo)');
    await page.getByText("Email goes out through the clinic's mail server, so there is nothing to show here.").waitFor();
    await expectNoAxeViolations(page, 'outbox off');
    await page.context().close();
  });

  describe('in a demo without a mail server', () => {
    let demo: Awaited<ReturnType<typeof startDemoWithoutMailServer>>;
    beforeAll(async () => {
      demo = await startDemoWithoutMailServer();
    }, 170_000);
    afterAll(() => demo?.stop());

    it('front desk opens "Sent email (demo)" from the menu and reads an email the portal sent', async () => {
      // Something to read: Ana asks for a password reset.
      const asked = await fetch(`${demo.url}/api/auth/password-reset`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' }, body: JSON.stringify({ email: 'patient@ourchart.example' }),
      });
      expect(asked.status).toBeLessThan(300);

      const page = await newPage(browser);
      await signIn(page, demo.url, 'frontdesk@ourchart.example');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sent email (demo)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sent email (demo)' }).waitFor();
      const mail = page.getByRole('listitem').filter({ hasText: 'Reset your OurChart password' }).first();
      await mail.waitFor();
      await mail.getByText('To: patient@ourchart.example').waitFor();
      const body = mail.getByText(/To choose a new password, open this link within 30 minutes/);
      expect(await body.isVisible()).toBe(false);
      await mail.locator('summary').focus();
      await page.keyboard.press('Enter');
      await body.waitFor();
      expect(await body.textContent()).toContain(`${demo.url}/reset-password`);
      await expectNoAxeViolationsInBothLanguages(page, 'outbox', 'Sent email (demo)', 'Correos enviados (demo)');
      await expectFitsAt360(page);

      // A patient has no such page.
      const patient = await newPage(browser);
      await signIn(patient, demo.url, 'patient@ourchart.example');
      expect(await patient.evaluate(async () => (await fetch('/api/staff/outbox')).status)).toBe(404);
      await patient.context().close();
      await page.context().close();
    });
  });
});
