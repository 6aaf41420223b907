import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');
const root = resolve(import.meta.dirname, '../..');

/** Runs axe in English and Spanish (back to English after). */
async function axeInBothLanguages(page: Page, label: string, english: string | RegExp, spanish: string | RegExp) {
  await expectNoAxeViolations(page, `${label} (en)`);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: spanish }).waitFor();
  await expectNoAxeViolations(page, `${label} (es)`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: english }).waitFor();
}

async function expectFitsAt360(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await hasHorizontalScroll(page)).toBe(false);
  await page.setViewportSize(size);
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** The portal as a demo runs it: embedded database, demo clinic, and no mail server (SMTP_URL unset). */
async function startDemoWithoutMailServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ourchart-e2e-outbox-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const server: ChildProcess = spawn(process.execPath, [join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: 'localhost', LOG_LEVEL: 'warn', DATABASE_URL: '', SMTP_URL: '', PUBLIC_URL: url, RATE_LIMIT_SCALE: '20' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the demo portal exited with code ${server.exitCode}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error('the demo portal did not become ready within 150 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
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
    await axeInBothLanguages(page, 'reminder settings', 'Reminder settings', 'Recordatorios');

    // Keyboard only: Space toggles a box, Enter on the button saves.
    await email.focus();
    await page.keyboard.press('Space');
    await weekBefore.uncheck();
    await page.getByRole('button', { name: 'Save settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your reminder settings are saved.' }).waitFor();
    await axeInBothLanguages(page, 'reminder settings saved', 'Reminder settings', 'Recordatorios');
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
      await axeInBothLanguages(page, 'outbox', 'Sent email (demo)', 'Correos enviados (demo)');
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
