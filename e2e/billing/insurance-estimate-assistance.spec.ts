import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

const INSURANCE = { en: 'Insurance', es: 'Seguro médico' };
const STAFF_INSURANCE = { en: 'Insurance updates', es: 'Cambios de seguro' };
const ESTIMATE = { en: 'Price estimate', es: 'Cálculo de precio' };
const ASSISTANCE = { en: 'Help paying your bill', es: 'Ayuda para pagar su factura' };
const STAFF_ASSISTANCE = { en: 'Financial help applications', es: 'Solicitudes de ayuda financiera' };

/** A real 2x2 PNG, made here (signature, IHDR, IDAT, IEND with their CRCs), so the server's content check and Chromium both see a picture. */
function makePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255]); // filter byte + 2 pixels, twice
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = makePng();

async function patientName(page: Page): Promise<string> {
  return page.evaluate(async () => ((await (await fetch('/api/records/summary')).json()) as { patient: { name: string } }).patient.name);
}

describe('insurance, estimates and financial help', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('Ana sends a new insurance card with photos, the front desk accepts it, Ana sees the new member ID', async () => {
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    const ana = await patientName(patient);
    const memberId = `BPK-${Date.now().toString().slice(-8)}`;

    // 1. Ana sees her coverage (FHIR Coverage) with the copay and coinsurance of her plan.
    await open(patient, baseUrl, '/billing/insurance', INSURANCE.en);
    const onFile = patient.getByRole('region', { name: 'Insurance on file' });
    await onFile.getByText('BPK-88412071').waitFor();
    await onFile.getByText('In use now').waitFor();
    await onFile.getByText('$30.00').waitFor();
    await onFile.getByText('20%').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'insurance', INSURANCE.en, INSURANCE.es);
    await expectFitsAt360(patient);

    // 2. "Update my insurance": sending without photos lists what is missing; then with two PNGs it waits for review.
    await patient.getByRole('button', { name: 'Update my insurance' }).click();
    const form = patient.getByRole('form', { name: 'Update my insurance' });
    await form.getByLabel('Insurance company name').fill('BluePeak Health Plan');
    await form.getByLabel('Member ID').fill(memberId);
    await form.getByLabel('Group number (if the card has one)').fill('RB-EMPLOYEE-4410');
    await form.getByLabel('Name of the plan holder').fill(ana);
    await form.getByLabel('I am the plan holder').check();
    await form.getByRole('button', { name: 'Send for review' }).click();
    await form.getByRole('link', { name: 'Add a photo of the front of the card.' }).waitFor();
    await expectNoAxeViolations(patient, 'insurance update form with problems');
    await form.getByLabel('Photo of the front of the card').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: PNG });
    await form.getByLabel('Photo of the back of the card').setInputFiles({ name: 'back.png', mimeType: 'image/png', buffer: PNG });
    await expectFitsAt360(patient);
    await form.getByRole('button', { name: 'Send for review' }).click();
    await patient.getByRole('status').getByText('We got your new card. It is waiting for review. We will tell you when the clinic has checked it.').waitFor();
    const sent = patient.getByRole('region', { name: 'Insurance changes you sent' });
    await sent.getByText('Waiting for review').waitFor();
    expect(await patient.getByRole('button', { name: 'Update my insurance' }).count()).toBe(0);
    await expectNoAxeViolationsInBothLanguages(patient, 'insurance with an update waiting', INSURANCE.en, INSURANCE.es);

    // 3. The front desk sees both photos and accepts.
    const desk = await newPage(browser);
    await signIn(desk, baseUrl, 'frontdesk@ourchart.example');
    await open(desk, baseUrl, '/staff/billing/insurance', STAFF_INSURANCE.en);
    const card = desk.getByRole('article', { name: ana }).filter({ hasText: memberId });
    const front = card.getByRole('img', { name: 'Front of the insurance card' });
    await front.waitFor();
    await expect.poll(() => front.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
    await expectNoAxeViolationsInBothLanguages(desk, 'staff insurance updates', STAFF_INSURANCE.en, STAFF_INSURANCE.es);
    await expectFitsAt360(desk);
    await card.getByRole('button', { name: 'Accept' }).click();
    await desk.getByText(`Accepted. The insurance on file for ${ana} is updated.`).waitFor();
    await desk.context().close();

    // 4. Ana sees the new member ID in use and the update accepted.
    await open(patient, baseUrl, '/billing/insurance', INSURANCE.en);
    await patient.getByRole('region', { name: 'Insurance on file' }).getByText(memberId).waitFor();
    await patient.getByRole('region', { name: 'Insurance changes you sent' }).getByText('Accepted').first().waitFor();
    await patient.context().close();
  });

  it('Ana gets a price estimate for a visit type with her coverage', async () => {
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    await open(patient, baseUrl, '/billing/estimate', ESTIMATE.en);
    await patient.getByText('This is an estimate, not a bill.', { exact: false }).waitFor();
    await patient.getByLabel('Type of visit').selectOption({ label: 'Sick visit' });
    await patient.getByRole('button', { name: 'Show estimate' }).click();
    const result = patient.getByRole('region', { name: 'Estimate for: Sick visit' });
    await result.waitFor();
    // $30 office-visit copay + 20% of the $25.00 allowed for the strep test.
    const summary = result.locator('dl');
    await summary.getByText('$185.00').waitFor();
    await summary.getByText('$35.00').waitFor();
    await result.getByRole('cell', { name: '$30.00' }).first().waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'estimate', ESTIMATE.en, ESTIMATE.es);
    await expectFitsAt360(patient);
    await patient.context().close();
  });

  it('Ana applies for financial help; the billing office approves a discount; Ana sees it', async () => {
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    await open(patient, baseUrl, '/billing/assistance', ASSISTANCE.en);
    const form = patient.getByRole('form', { name: 'Apply for help paying your bill' });
    await form.getByLabel('How many people live in your home, counting you?').fill('3');
    await form.getByLabel('About how much money does your home get each month, before taxes? (in dollars)').fill('2100');
    await form.getByLabel('No, I do not have health insurance').check();
    await form.getByLabel(/Is there anything else that makes it hard to pay/).fill('I lost my job in March.');
    await expectNoAxeViolationsInBothLanguages(patient, 'financial help form', ASSISTANCE.en, ASSISTANCE.es);
    await expectFitsAt360(patient);
    await form.getByLabel(/What I wrote is true/).check();
    await form.getByRole('button', { name: 'Send my answers' }).click();
    await patient.getByRole('status').getByText('We got your application. The billing office will answer, and we will tell you here.').waitFor();
    await patient.getByRole('region', { name: 'Your applications' }).getByText('Waiting for the billing office').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'financial help sent', ASSISTANCE.en, ASSISTANCE.es);

    const ana = await patientName(patient);
    const office = await newPage(browser);
    await signIn(office, baseUrl, 'admin@ourchart.example');
    await open(office, baseUrl, '/staff/billing/assistance', STAFF_ASSISTANCE.en);
    const card = office.getByRole('article', { name: ana }).first();
    await card.getByText('I lost my job in March.').waitFor();
    await expectNoAxeViolationsInBothLanguages(office, 'staff financial help', STAFF_ASSISTANCE.en, STAFF_ASSISTANCE.es);
    await expectFitsAt360(office);
    await card.getByLabel('Approve with a discount').check();
    await card.getByLabel('Discount (percent, 1 to 100)').fill('50');
    await card.getByRole('button', { name: 'Send decision' }).click();
    await office.getByText(`Decision sent. ${ana} will see it.`).waitFor();
    await office.context().close();

    await open(patient, baseUrl, '/billing/assistance', ASSISTANCE.en);
    const mine = patient.getByRole('region', { name: 'Your applications' });
    await mine.getByText('Approved').waitFor();
    await mine.getByText('50% off').waitFor();
    await patient.context().close();
  });
});
