import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, hasHorizontalScroll, launchChromium } from '../browser.ts';
import { readMail } from '../mailbox.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');

async function spanish(page: Page, heading: string | RegExp) {
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function english(page: Page, heading: string | RegExp) {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('Documents: download, send and share the record (ONC 170.315(e)(1))', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('downloads a PDF, shares a link that a signed-out browser opens, and revokes it', async () => {
    const page = await newPage(browser);
    // Fail at the step that hangs, not at the test's overall limit.
    page.setDefaultTimeout(25_000);
    await signIn(page, baseUrl, 'patient@ourchart.example');
    await open(page, baseUrl, '/documents', 'Documents and sharing');
    await page.getByRole('region', { name: 'Your documents' }).waitFor();
    await expectNoAxeViolations(page, 'documents (en)');

    // Download: a whole decade as a PDF, by the browser's own download.
    const download = page.getByRole('region', { name: 'Download your record' });
    await download.getByLabel('From', { exact: true }).fill('2016-01-01');
    await download.getByLabel('To', { exact: true }).fill('2026-12-31');
    await download.getByRole('radio', { name: /^PDF/ }).check();
    const [file] = await Promise.all([page.waitForEvent('download'), download.getByRole('button', { name: 'Download' }).click()]);
    expect(file.suggestedFilename()).toBe('health-record-2016-01-01-to-2026-12-31.pdf');
    expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await download.getByText(/is downloading/).waitFor();
    // The same decade as a C-CDA, from the demo clinic's real history.
    await download.getByRole('radio', { name: /Health record file \(C-CDA\)/ }).check();
    const [ccda] = await Promise.all([page.waitForEvent('download'), download.getByRole('button', { name: 'Download' }).click()]);
    expect(ccda.suggestedFilename()).toBe('health-record-2016-01-01-to-2026-12-31.xml');
    const xml = readFileSync((await ccda.path())!, 'utf8');
    expect(xml).toContain('<ClinicalDocument');
    expect(xml).toContain('Brooks');

    // A bad range is explained next to the field.
    await download.getByLabel('From', { exact: true }).fill('2026-12-31');
    await download.getByLabel('To', { exact: true }).fill('2016-01-01');
    await download.getByRole('button', { name: 'Download' }).click();
    await download.getByText('The first day must be on or before the last day.').waitFor();
    await expectNoAxeViolations(page, 'documents with a range error (en)');

    // Share link for Dr. Lee.
    const shares = page.getByRole('region', { name: 'Share links' });
    await shares.getByLabel(/Who is it for/).fill('Dr. Lee');
    await shares.getByLabel('From', { exact: true }).fill('2025-01-01');
    await shares.getByLabel('To', { exact: true }).fill('2026-12-31');
    await shares.getByRole('button', { name: 'Make a share link' }).click();
    const url = await shares.getByLabel('Share link', { exact: true }).inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl}/shared#[A-Za-z0-9_-]{43}$`));
    const row = shares.getByRole('row').filter({ hasText: 'Dr. Lee' });
    await row.getByText(/Active until/).waitFor();
    await expectNoAxeViolations(page, 'documents with a new share link (en)');

    // Someone else, signed out, opens it.
    const visitor = await newPage(browser);
    await visitor.goto(url);
    await visitor.getByRole('heading', { level: 1, name: 'Shared health record' }).waitFor();
    await visitor.getByText('Ana Brooks').first().waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Allergies' }).waitFor();
    await visitor.getByText('Penicillin', { exact: false }).first().waitFor();
    const [fhir] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: 'Download FHIR data file' }).click()]);
    const bundle = JSON.parse(readFileSync((await fhir.path())!, 'utf8'));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry[0].resource.resourceType).toBe('Patient');
    await expectNoAxeViolations(visitor, 'shared record (en)');
    await spanish(visitor, 'Historial de salud compartido');
    await visitor.getByRole('heading', { level: 2, name: 'Alergias' }).waitFor();
    await expectNoAxeViolations(visitor, 'shared record (es)');
    await english(visitor, 'Shared health record');

    // The patient sees the view, then turns the link off, after confirming.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Documents and sharing' }).waitFor();
    const viewed = page.getByRole('region', { name: 'Share links' }).getByRole('row').filter({ hasText: 'Dr. Lee' }).first();
    // Switching language in the viewer is not another view.
    await viewed.getByText(/1 time, last on/).waitFor();
    await viewed.getByRole('button', { name: 'Turn off the link for Dr. Lee' }).click();
    await viewed.getByText(/Anyone who has it will no longer be able to see your record/).waitFor();
    await expectNoAxeViolations(page, 'documents confirming a revoke (en)');
    await viewed.getByRole('button', { name: 'Yes, turn it off' }).click();
    await page.getByRole('region', { name: 'Share links' }).getByText('Turned off', { exact: true }).first().waitFor();

    await visitor.reload();
    await visitor.getByText('This link was turned off by the person who shared it.', { exact: false }).waitFor();
    await expectNoAxeViolations(visitor, 'shared record revoked (en)');
    await spanish(visitor, 'Historial de salud compartido');
    await visitor.getByText('La persona que compartió este enlace lo desactivó.', { exact: false }).waitFor();
    await expectNoAxeViolations(visitor, 'shared record revoked (es)');
    await visitor.context().close();

    // The activity list names the recipient.
    await open(page, baseUrl, '/account/activity', 'Who looked at your record');
    await page.getByText('Made a share link for Dr. Lee', { exact: false }).first().waitFor();
    await page.getByText('Turned off the share link for Dr. Lee').first().waitFor();
    await page.getByText('Dr. Lee (someone with a share link)').first().waitFor();
    await page.getByText(/Downloaded the record as a PDF/).first().waitFor();
    await page.context().close();
  }, 240_000);

  it('sends the record by email after a confirm step, and the mailbox gets a link without health information', async () => {
    const page = await newPage(browser);
    await signIn(page, baseUrl, 'patient@ourchart.example');
    await open(page, baseUrl, '/documents', 'Documents and sharing');
    await spanish(page, 'Documentos y compartir');
    await expectNoAxeViolations(page, 'documents (es)');
    await english(page, 'Documents and sharing');

    const send = page.getByRole('region', { name: 'Send your record' });
    const to = `dr-${Date.now()}@clinic.example`;
    await send.getByLabel('Their email address').fill(to);
    await send.getByRole('radio', { name: /Health record file \(C-CDA\)/ }).check();
    await send.getByRole('button', { name: 'Review what will be sent' }).click();
    await send.getByRole('heading', { name: 'Check before you send' }).waitFor();
    await send.getByText(new RegExp(`We will email ${to.replace('.', '\\.')} a link to your health record from .*\\. They can read it on screen and save it as Health record file \\(C-CDA\\)\\. The link works for 7 days`)).waitFor();
    await expectNoAxeViolations(page, 'documents send confirm (en)');
    const since = Date.now() - 1000;
    await send.getByRole('button', { name: 'Send the link' }).click();
    await send.getByText(`Sent. ${to} will get an email with the link.`, { exact: false }).waitFor();

    const mail = await readMail(mailDir, to, /shared health records/, { since });
    expect(mail.text).toContain('Someone has shared health records with you using OurChart');
    expect(mail.text).toMatch(new RegExp(`${baseUrl}/shared#[A-Za-z0-9_-]{43}`));
    for (const phi of ['Ana', 'Brooks', 'Penicillin']) expect(mail.text + mail.subject).not.toContain(phi);
    await page.getByRole('region', { name: 'Share links' }).getByText(`Email to ${to}`).waitFor();
    await page.context().close();
  }, 180_000);

  it('asks for the access code, says how many tries are left, then shows the record', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(25_000);
    await signIn(page, baseUrl, 'patient@ourchart.example');
    await open(page, baseUrl, '/documents', 'Documents and sharing');
    const shares = page.getByRole('region', { name: 'Share links' });
    await shares.getByLabel(/Who is it for/).fill('Coach Rivera');
    await shares.getByRole('checkbox', { name: /Also ask for a 6-digit access code/ }).check();
    await shares.getByRole('button', { name: 'Make a share link' }).click();
    const url = await shares.getByLabel('Share link', { exact: true }).inputValue();
    const code = (await shares.locator('.share-result__code').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await page.context().close();

    const visitor = await newPage(browser);
    visitor.setDefaultTimeout(25_000);
    await visitor.goto(url);
    await visitor.getByRole('heading', { level: 2, name: 'Enter the access code' }).waitFor();
    await expectNoAxeViolations(visitor, 'shared record asks for a code (en)');
    await visitor.getByRole('textbox', { name: 'Access code' }).fill(code === '000000' ? '111111' : '000000');
    await visitor.getByRole('button', { name: 'Open the record' }).click();
    await visitor.getByRole('alert').filter({ hasText: /That access code is not right\. You have 4 tries left\./ }).waitFor();
    await expectNoAxeViolations(visitor, 'shared record wrong code (en)');
    await spanish(visitor, 'Historial de salud compartido');
    await visitor.getByRole('heading', { level: 2, name: 'Escriba el código de acceso' }).waitFor();
    await expectNoAxeViolations(visitor, 'shared record asks for a code (es)');
    await english(visitor, 'Shared health record');
    await visitor.getByRole('textbox', { name: 'Access code' }).fill(code);
    await visitor.getByRole('button', { name: 'Open the record' }).click();
    await visitor.getByRole('heading', { level: 2, name: 'About this record' }).waitFor();
    await visitor.getByText('Ana Brooks').first().waitFor();
    await visitor.context().close();
  }, 180_000);

  it('fits 360 px without sideways scrolling, signed in and in the viewer', async () => {
    const page = await newPage(browser, 360);
    await signIn(page, baseUrl, 'patient@ourchart.example');
    await open(page, baseUrl, '/documents', 'Documents and sharing');
    await page.getByRole('region', { name: 'Share links' }).getByRole('table').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    const shares = page.getByRole('region', { name: 'Share links' });
    await shares.getByRole('button', { name: 'Make a share link' }).click();
    const url = await shares.getByLabel('Share link', { exact: true }).inputValue();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.context().close();

    const visitor = await newPage(browser, 360);
    await visitor.goto(url);
    await visitor.getByRole('heading', { level: 2, name: 'About this record' }).waitFor();
    expect(await hasHorizontalScroll(visitor)).toBe(false);
    await expectNoAxeViolations(visitor, 'shared record at 360 px (en)');
    await visitor.context().close();

    const broken = await newPage(browser, 360);
    await broken.goto(`${baseUrl}/shared#not-a-token`);
    await broken.getByText('This link is not complete.', { exact: false }).waitFor();
    await expectNoAxeViolations(broken, 'shared record without a token (en)');
    await broken.context().close();
  }, 180_000);
});
