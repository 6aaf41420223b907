import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Availability = { timeZone: string; days: { date: string; times: { startsAt: string; practitionerId: string; locationId: string }[] }[] };

/** The next Monday at least a week away, YYYY-MM-DD (Dr. Bennett has no hours on Mondays, so nothing is booked). */
function mondayAhead(): string {
  const d = new Date(Date.now() + 8 * 24 * 3600_000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('front desk sets up scheduling and runs the day', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('adds a visit type and time off, then checks a booked patient in on the day view', async () => {
    // Ana books a follow-up with Dr. Patel through the patient booking API, as the booking page does.
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    const booked = await patient.evaluate(async () => {
      const csrf = { 'x-ourchart-csrf': '1', 'content-type': 'application/json' };
      const name = ((await (await fetch('/api/records/summary')).json()) as { patient: { name: string } }).patient.name;
      const free = (await (await fetch('/api/appointments/availability?visitType=follow-up&practitioner=demo-practitioner-patel')).json()) as Availability;
      const day = free.days.find((d) => d.times.length > 0)!;
      const time = day.times[0]!;
      const res = await fetch('/api/appointments', {
        method: 'POST', headers: csrf,
        body: JSON.stringify({ visitTypeId: 'follow-up', practitionerId: time.practitionerId, locationId: time.locationId, startsAt: time.startsAt }),
      });
      return { status: res.status, name, date: day.date };
    });
    expect(booked.status).toBe(201);
    await patient.context().close();

    const page = await newPage(browser);
    await signIn(page, baseUrl, 'frontdesk@ourchart.example');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scheduling setup' }).waitFor();
    await open(page, baseUrl, '/staff/scheduling', 'Scheduling setup');
    expect(await page.title()).toBe('Scheduling setup – OurChart');
    const visitTypes = page.getByRole('region', { name: 'Visit types' });
    await visitTypes.getByRole('button', { name: 'Edit Annual physical' }).waitFor();
    await page.getByRole('region', { name: 'Weekly hours' }).getByText(/^Monday, 8:00 AM to 12:00 PM, at Riverbend Main Clinic$/).first().waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'scheduling setup', 'Scheduling setup', 'Configurar citas');

    // A new visit type: a missing Spanish name is explained beside the field, then it saves.
    const code = `bp-check-${Date.now().toString(36)}`;
    await visitTypes.getByRole('button', { name: 'Add a visit type' }).click();
    const form = page.getByRole('form', { name: 'New visit type' });
    await form.getByLabel('Short code').fill(code);
    await form.getByLabel('Name in English').fill('Blood pressure check');
    await form.getByLabel('Length in minutes').fill('15');
    await form.getByRole('checkbox', { name: 'Dr. Sarah Patel' }).check();
    await form.getByRole('button', { name: 'Save visit type' }).click();
    await form.getByRole('alert').filter({ hasText: 'Enter a name in Spanish.' }).waitFor();
    expect(await form.getByLabel('Name in Spanish').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('nameEs');
    await expectNoAxeViolations(page, 'visit type form with a problem');
    await form.getByLabel('Name in Spanish').fill('Control de presión');
    await form.getByRole('button', { name: 'Save visit type' }).click();
    await page.getByRole('status').filter({ hasText: 'Visit type "Blood pressure check" added.' }).waitFor();
    await visitTypes.getByRole('listitem').filter({ hasText: 'Blood pressure check' }).getByText(/15 minutes · In person · Patients book it · Dr\. Sarah Patel/).waitFor();

    // Time off: a clinic holiday on Ana's visit day is refused with the count; Dr. Bennett's Monday off is taken.
    const exceptions = page.getByRole('region', { name: 'Time off and holidays' });
    const timeOff = page.getByRole('form', { name: 'Add time off or a holiday' });
    await timeOff.getByLabel('Day', { exact: true }).fill(booked.date);
    await timeOff.getByLabel('Reason', { exact: true }).fill('Clinic holiday');
    await timeOff.getByRole('button', { name: 'Add time off' }).click();
    await timeOff.getByRole('alert').filter({ hasText: /This change would leave \d+ booked appointments? without a clinician\. Cancel or move (it|them) first/ }).waitFor();
    const monday = mondayAhead();
    await timeOff.getByLabel('Who', { exact: true }).selectOption({ label: 'Dr. Laura Bennett, MD' });
    await timeOff.getByLabel('Day', { exact: true }).fill(monday);
    await timeOff.getByLabel('Reason', { exact: true }).fill('Heart conference');
    await timeOff.getByRole('button', { name: 'Add time off' }).click();
    await page.getByRole('status').filter({ hasText: /^Time off added for Monday, / }).waitFor();
    await exceptions.getByRole('listitem').filter({ hasText: 'Dr. Laura Bennett, MD, All day. Heart conference' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'setup after changes', 'Scheduling setup', 'Configurar citas');
    await expectFitsAt360(page);

    // The day view: today first, then Ana's day for Dr. Patel, where she is checked in and back.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: "Today's schedule" }).waitFor();
    expect(await page.title()).toBe("Today's schedule – OurChart");
    await page.getByRole('heading', { level: 2, name: /^Schedule for / }).waitFor();
    await page.getByLabel('Day', { exact: true }).fill(booked.date);
    await page.getByLabel('Clinician').selectOption({ label: 'Dr. Sarah Patel, MD' });
    const item = page.getByRole('listitem').filter({ hasText: booked.name }).filter({ hasText: 'Follow-up visit' }).first();
    await item.getByText('Booked', { exact: true }).waitFor();
    await item.getByText('Not done', { exact: true }).waitFor();
    await expectNoAxeViolationsInBothLanguages(page, 'day view', "Today's schedule", 'Agenda de hoy');

    await item.getByRole('button', { name: new RegExp(`^Check in ${booked.name} at `) }).click();
    await page.getByRole('status').filter({ hasText: `${booked.name} is checked in.` }).waitFor();
    await item.getByText('Checked in', { exact: true }).waitFor();
    // Focus stays on the visit acted on: its Undo button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Undo /);
    await expectNoAxeViolations(page, 'day view after check-in');
    await item.getByRole('button', { name: new RegExp(`^Undo ${booked.name} at `) }).click();
    await page.getByRole('status').filter({ hasText: `${booked.name} is back to booked.` }).waitFor();
    await item.getByText('Booked', { exact: true }).waitFor();
    await item.getByRole('button', { name: new RegExp(`^Check in ${booked.name} at `) }).click();
    await item.getByText('Checked in', { exact: true }).waitFor();

    // It stuck: a reload shows the same status from the server.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Today's schedule" }).waitFor();
    await page.getByLabel('Day', { exact: true }).fill(booked.date);
    await page.getByRole('listitem').filter({ hasText: booked.name }).filter({ hasText: 'Follow-up visit' }).filter({ hasText: 'Checked in' }).first().waitFor();
    await expectFitsAt360(page);
    await page.context().close();
  });

  it('shows clinicians the setup read-only, without the setup link in their menu', async () => {
    const page = await newPage(browser);
    await signIn(page, baseUrl, 'clinician@ourchart.example');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Schedule' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Scheduling setup' }).count()).toBe(0);
    await open(page, baseUrl, '/staff/scheduling', 'Scheduling setup');
    await page.getByText('You can look at this page. Only front desk staff and practice administrators can change it.').waitFor();
    await page.getByRole('region', { name: 'Visit types' }).getByText('Heart doctor consult').waitFor();
    expect(await page.getByRole('button', { name: 'Add a visit type' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    await expectNoAxeViolationsInBothLanguages(page, 'read-only setup', 'Scheduling setup', 'Configurar citas');
    await page.context().close();
  });
});
