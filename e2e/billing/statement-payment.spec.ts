import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Summary = {
  patient: { name: string };
  balanceDue: number;
  pendingAmount: number;
  maxPayment: number;
  plan: { id: string } | null;
  planChoices: { months: number; instalment: number }[];
  statements: { date: string; status: string; items: { description: string; charge: number; youOwe: number }[] }[];
  payments: { id: string; amount: number; status: string; receiptNumber: string | null }[];
};

const BILLING = { en: 'Billing', es: 'Facturación' };
const PAY = { en: 'Pay your bill', es: 'Pagar su factura' };
const POST = { en: 'Payments to post', es: 'Pagos por registrar' };

const usd = (dollars: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(dollars);
const longDate = (day: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const cents = (dollars: number) => Math.round(dollars * 100);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What /billing shows, read as the signed-in patient through the API the page uses. */
const billing = (page: Page) => page.evaluate(async () => (await (await fetch('/api/billing')).json()) as Summary);

/** The saved file of a download starts like a PDF. */
async function expectPdf(download: Download) {
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('billing: a payment plan, and an itemized statement paid in part at the front desk, posted by staff, with a receipt', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('Ana splits her balance into monthly payments, sees the schedule, and cancels the plan', async () => {
    const patient = await newPage(browser);
    patient.setDefaultTimeout(20_000);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    await open(patient, baseUrl, '/billing', 'Billing');
    const before = await billing(patient);
    expect(before.plan, 'no plan yet').toBeNull();
    const choice = before.planChoices[0];
    expect(choice, 'Ana owes enough for a plan').toBeDefined();

    await patient.getByRole('link', { name: 'Set up a payment plan' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Payment plan' }).waitFor();
    // Nothing chosen: the form says what to do.
    await patient.getByRole('button', { name: 'Set up payment plan' }).click();
    await patient.getByText('Choose how many months.').first().waitFor();
    await patient.getByRole('radio', { name: `${choice!.months} months: ${usd(choice!.instalment)} a month` }).check();
    await patient.getByText(`You will pay ${usd(choice!.instalment)} a month for ${choice!.months} months.`, { exact: false }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'payment plan form', 'Payment plan', 'Plan de pagos');
    await patient.getByRole('button', { name: 'Set up payment plan' }).click();
    await patient.getByText('Your payment plan is set up. We will remind you 3 days before each payment is due.').waitFor();
    const schedule = patient.getByRole('table', { name: 'Your monthly payments' });
    // The schedule arrives with the page's next load: wait for its last row before reading them all.
    await schedule.getByRole('rowheader', { name: `Payment ${choice!.months}`, exact: true }).waitFor();
    expect(await schedule.getByRole('rowheader').allTextContents()).toEqual(Array.from({ length: choice!.months }, (_, i) => `Payment ${i + 1}`));
    await schedule.getByRole('cell', { name: usd(choice!.instalment), exact: true }).first().waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'payment plan', 'Payment plan', 'Plan de pagos');
    await expectFitsAt360(patient);

    // A plan splits the bill; it does not change it. Cancel it again (the payment test below starts from no plan).
    const during = await billing(patient);
    expect(cents(during.balanceDue)).toBe(cents(before.balanceDue));
    await patient.getByRole('button', { name: 'Cancel payment plan' }).click();
    await patient.getByRole('button', { name: 'Yes, cancel the plan' }).click();
    await patient.getByText('Your payment plan is canceled.').waitFor();
    expect((await billing(patient)).plan).toBeNull();
    await patient.context().close();
  }, 180_000);

  it('Ana sees her statement, pays $10.00 at the front desk, the front desk posts it, her balance drops by $10.00 and she downloads the receipt', async () => {
    const patient = await newPage(browser);
    patient.setDefaultTimeout(20_000);
    await signIn(patient, baseUrl, 'patient@ourchart.example');

    // 1. Billing from the main menu: the amount due up top and the statement itemized per visit.
    await patient.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
    const before = await billing(patient);
    const ana = before.patient.name;
    // Other specs may share the demo server: everything below is relative to what Ana owes now.
    expect(before.maxPayment).toBeGreaterThanOrEqual(10);
    await patient.getByText(usd(before.balanceDue), { exact: true }).first().waitFor();

    const visit = before.statements.find((v) => v.items.length > 0 && v.status === 'due') ?? before.statements.find((v) => v.items.length > 0);
    expect(visit, 'a visit with charges on the statement').toBeDefined();
    const item = visit!.items[0]!;
    const table = patient.getByRole('table', { name: `Charges for the visit on ${longDate(visit!.date)}` }).first();
    const row = table.getByRole('row').filter({ has: patient.getByRole('rowheader', { name: new RegExp(`^${escape(item.description)}`) }) }).first();
    await row.getByRole('cell', { name: usd(item.charge), exact: true }).first().waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['What was billed', 'Charge', 'Insurance paid', 'Taken off', 'You owe']);
    await expectNoAxeViolationsInBothLanguages(patient, 'billing', BILLING.en, BILLING.es);
    await expectFitsAt360(patient);

    // The statement PDF downloads.
    const [statement] = await Promise.all([patient.waitForEvent('download'), patient.getByRole('link', { name: 'Download statement (PDF)' }).click()]);
    await expectPdf(statement);

    // 2. Pay part of it at the front desk; a typo is caught first.
    await patient.getByRole('link', { name: 'Pay', exact: true }).click();
    await patient.getByRole('heading', { level: 1, name: PAY.en }).waitFor();
    await patient.getByRole('radio', { name: 'Another amount' }).check();
    await patient.getByLabel('Amount in dollars').fill('10.001');
    await patient.getByRole('radio', { name: /^Pay at the front desk/ }).check();
    await patient.getByRole('button', { name: 'Pay' }).click();
    await patient.getByRole('alert').getByText('Enter the amount in dollars and cents, for example 25.00.').first().waitFor();
    await patient.getByLabel('Amount in dollars').fill('10.00');
    await expectNoAxeViolationsInBothLanguages(patient, 'pay form', PAY.en, PAY.es);
    await expectFitsAt360(patient);
    await patient.getByRole('button', { name: 'Pay $10.00' }).click();
    await patient.getByRole('heading', { level: 2, name: 'We told the front desk' }).waitFor();
    await patient.getByText('Your request to pay $10.00 at the front desk is saved.').waitFor();
    await patient.getByText('When they post it, your balance goes down by $10.00.').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'payment requested', PAY.en, PAY.es);
    await expectFitsAt360(patient);

    // Reserved, not paid yet: the balance is unchanged and the payment waits.
    await patient.getByRole('link', { name: 'Back to Billing' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
    const requested = await billing(patient);
    expect(cents(requested.balanceDue)).toBe(cents(before.balanceDue));
    expect(cents(requested.pendingAmount)).toBe(cents(before.pendingAmount) + 1000);
    const mine = requested.payments.find((p) => p.status === 'pending' && cents(p.amount) === 1000 && !before.payments.some((b) => b.id === p.id));
    expect(mine, 'the new pending payment').toBeDefined();

    // 3. The front desk opens Billing work and posts it as cash.
    const desk = await newPage(browser);
    desk.setDefaultTimeout(20_000);
    await signIn(desk, baseUrl, 'frontdesk@ourchart.example');
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await desk.getByRole('heading', { level: 1, name: POST.en }).waitFor();
    await desk.getByRole('navigation', { name: 'Billing work' }).getByRole('link', { name: 'Payments to post' }).waitFor();
    const card = desk.getByRole('article', { name: `${ana}: $10.00` }).first();
    await card.waitFor();
    await expectNoAxeViolationsInBothLanguages(desk, 'payments to post', POST.en, POST.es);
    await expectFitsAt360(desk);
    await card.getByRole('button', { name: `Post payment of $10.00 for ${ana}` }).click();
    await card.getByRole('radio', { name: 'Cash' }).check();
    await card.getByRole('button', { name: 'Post payment', exact: true }).click();
    await desk.getByRole('status').getByText(new RegExp(`^Posted \\$10\\.00 for ${escape(ana)}\\. Receipt \\S+ is on its way to them\\.$`)).waitFor();
    await expectNoAxeViolationsInBothLanguages(desk, 'after posting', POST.en, POST.es);
    await desk.context().close();

    // 4. Ana's balance is lower by exactly $10.00, the payment is paid, and its receipt is a PDF.
    await open(patient, baseUrl, '/billing', 'Billing');
    const after = await billing(patient);
    expect(cents(after.balanceDue)).toBe(cents(before.balanceDue) - 1000);
    const paid = after.payments.find((p) => p.id === mine!.id);
    expect(paid?.status).toBe('succeeded');
    await patient.getByText(usd(after.balanceDue), { exact: true }).first().waitFor();
    const payment = patient.getByRole('article', { name: new RegExp(`^\\$10\\.00 on `) }).filter({ hasText: paid!.receiptNumber! });
    await payment.getByText('Paid', { exact: true }).waitFor();
    const [receipt] = await Promise.all([
      patient.waitForEvent('download'),
      payment.getByRole('link', { name: `Download receipt ${paid!.receiptNumber} (PDF)` }).click(),
    ]);
    await expectPdf(receipt);
    await expectNoAxeViolationsInBothLanguages(patient, 'billing after the payment', BILLING.en, BILLING.es);
    await expectFitsAt360(patient);
    // Two people, six pages, axe in two languages on each: more than the default 90 s on a busy machine.
  }, 240_000);
});
