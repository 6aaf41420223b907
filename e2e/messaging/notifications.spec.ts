import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Summary = { conditions: { id: string; name: string }[] };
type Corrections = { requests: { id: string; item: { reference: string }; status: string }[] };

const unread = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/notifications')).json()) as { unread: number }).unread);

/** The header link's accessible name: "Notifications", or "Notifications, 3 unread". */
const headerLink = (page: Page, count: number) =>
  page.getByRole('banner').getByRole('link', { name: count > 0 ? `Notifications, ${count} unread` : 'Notifications', exact: true });

describe('notification centre with live updates', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('shows the unread count in the header and updates it live when the care team acts', async () => {
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    await open(patient, baseUrl, '/notifications', 'Notifications');
    const before = await unread(patient);
    await headerLink(patient, before).waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      throw new Error(`header link: ${await patient.getByRole('banner').innerHTML()}`, { cause: err });
    });

    // Ana asks to correct one of her conditions (the API the corrections page uses).
    const requestId = await patient.evaluate(async () => {
      const summary = (await (await fetch('/api/records/summary')).json()) as Summary;
      const mine = (await (await fetch('/api/records/corrections')).json()) as Corrections;
      const busy = mine.requests.filter((r) => r.status === 'open').map((r) => r.item.reference);
      const condition = summary.conditions.find((c) => !busy.includes(`Condition/${c.id}`))!;
      const res = await fetch('/api/records/corrections', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' },
        body: JSON.stringify({ item: `Condition/${condition.id}`, whatIsWrong: 'The date is not right.', shouldSay: 'It began in 2020.' }),
      });
      return ((await res.json()) as { id: string }).id;
    });

    // While her page stays open, the nurse answers it from another browser.
    const nurse = await newPage(browser);
    await signIn(nurse, baseUrl, 'nurse@ourchart.example');
    const decided = await nurse.evaluate(async (id) => (await fetch(`/api/staff/corrections/${id}/decision`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' },
      body: JSON.stringify({ decision: 'deny', reason: 'The clinic notes show 2019.' }),
    })).status, requestId);
    expect(decided).toBe(200);
    await nurse.context().close();

    // No reload: the header count and the list change by themselves.
    await headerLink(patient, before + 1).waitFor({ timeout: 10_000 });
    const item = patient.getByRole('listitem').filter({ hasText: 'New' }).filter({ has: patient.getByRole('link', { name: 'Your correction request has an answer.' }) });
    await item.first().waitFor();
    await patient.getByText(`You have ${before + 1} unread notification`).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'notifications page', 'Notifications', 'Avisos');
    await expectFitsAt360(patient);

    // Opening it goes to the item and reads it.
    await item.first().getByRole('link', { name: 'Your correction request has an answer.' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Correction requests' }).waitFor();
    await headerLink(patient, before).waitFor();
    expect(await unread(patient)).toBe(before);
    await patient.context().close();
  });

  it('marks all as read (parent account) and saves notification settings; both pages pass axe in English and Spanish at 360 px', async () => {
    const parent = await newPage(browser);
    await signIn(parent, baseUrl, 'parent@ourchart.example');
    await open(parent, baseUrl, '/notifications', 'Notifications');
    const count = await unread(parent);
    if (count > 0) {
      await parent.getByRole('button', { name: 'Mark all as read' }).click();
      await parent.getByText('You have read all your notifications.').waitFor();
      await headerLink(parent, 0).waitFor();
    }
    expect(await unread(parent)).toBe(0);
    expect(await parent.getByRole('button', { name: 'Mark all as read' }).count()).toBe(0);
    await expectNoAxeViolationsInBothLanguages(parent, 'notifications, all read', 'Notifications', 'Avisos');

    // The settings page, from the account menu.
    await parent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notification settings' }).click();
    await parent.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    const messages = parent.getByRole('group', { name: 'Messages' });
    const email = messages.getByRole('checkbox', { name: 'Email' });
    expect(await email.isChecked()).toBe(true);
    expect(await parent.getByRole('group', { name: 'Care alerts (staff)' }).count()).toBe(0);
    await email.uncheck();
    await parent.getByRole('button', { name: 'Save settings' }).click();
    await parent.getByRole('status').filter({ hasText: 'Your settings are saved.' }).waitFor();
    await parent.reload();
    await parent.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    expect(await parent.getByRole('group', { name: 'Messages' }).getByRole('checkbox', { name: 'Email' }).isChecked()).toBe(false);
    // Device alerts: this server has keys (development pair in DATA_DIR), so the browser is offered the switch.
    await parent.getByRole('heading', { level: 2, name: 'Alerts on this device' }).waitFor();
    await parent.getByRole('button', { name: 'Turn on alerts on this device' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(parent, 'notification settings', 'Notification settings', 'Opciones de avisos');
    await expectFitsAt360(parent);
    // Put it back for other tests.
    await parent.getByRole('group', { name: 'Messages' }).getByRole('checkbox', { name: 'Email' }).check();
    await parent.getByRole('button', { name: 'Save settings' }).click();
    await parent.getByRole('status').filter({ hasText: 'Your settings are saved.' }).waitFor();
    await parent.context().close();
  });
});
