import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, signedInPatient, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

/** Opens a page by its address and waits until its live event stream (GET /api/events) has answered. */
async function openLive(page: Page, path: string, heading: string | RegExp) {
  const streaming = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events' && r.status() === 200);
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await streaming;
}

/** Marks the document, so a later check proves the page was updated without a reload. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { __notReloaded: true }));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

describe('care team inbox: live two-browser messaging', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('nurse@ sees a patient message arrive live, claims it and answers with an edited saved reply; patient@ sees the answer and the read receipt live', async () => {
    const subject = `Rash on my arm ${Date.now()}`;

    // Staff land on a page headed "Inbox" after signing in; "Patients" stays in their menu.
    const nurse = await newPage(browser);
    await signIn(nurse, baseUrl, 'nurse@ourchart.example');
    expect(new URL(nurse.url()).pathname).toBe('/inbox');
    await nurse.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await nurse.getByRole('link', { name: 'Patients' }).first().waitFor();

    // The nurse opens Dr. Patel's team, unread only, BEFORE the patient writes.
    await openLive(nurse, '/inbox', 'Inbox');
    const teams = nurse.getByRole('navigation', { name: 'Your teams' });
    await teams.getByRole('link', { name: /^Dr\. Patel's care team/ }).click();
    await nurse.getByRole('radio', { name: /^Unread/ }).check();
    await nurse.waitForURL((url) => url.searchParams.get('pool') === 'care-patel' && url.searchParams.get('filter') === 'unread');
    await nurse.getByRole('heading', { level: 2, name: 'Conversations' }).waitFor();
    // Counts are said in words ("2 conversations"), the digits are only for the eye.
    expect(await nurse.getByRole('radio', { name: /^Unread\s*, \d+ conversations?$/ }).count()).toBe(1);
    await expectNoAxeViolationsInBothLanguages(nurse, 'inbox', 'Inbox', 'Bandeja de entrada');
    await expectFitsAt360(nurse);
    await markPage(nurse);

    // The patient writes with a PNG.
    const patient = await signedInPatient(browser, baseUrl);
    await openLive(patient, '/messages/new', 'New message');
    await patient.getByRole('radio', { name: /^Medical question/ }).check();
    await patient.getByLabel('Subject').fill(subject);
    await patient.getByLabel('Message', { exact: true }).fill('I have a red rash on my arm since Monday. A photo is attached.');
    await patient.getByLabel('Attach photos or PDF files (optional)').setInputFiles({ name: 'rash.png', mimeType: 'image/png', buffer: PNG });
    await patient.getByRole('button', { name: 'Send', exact: true }).click();
    await patient.getByRole('heading', { level: 1, name: subject }).waitFor();
    await patient.getByText('Not read by the care team yet').waitFor();
    await markPage(patient);

    // Live on the nurse's open inbox: the conversation appears and a polite live region says so.
    const list = nurse.getByRole('list', { name: "Conversations in Dr. Patel's care team" });
    const item = list.getByRole('link', { name: new RegExp(`${subject}\\s*, 1 unread message$`) });
    await item.waitFor({ timeout: 15_000 });
    await nurse.getByRole('status').filter({ hasText: `New message from Ana` }).filter({ hasText: subject }).waitFor();
    expect(await nurse.locator('[aria-live="polite"]').filter({ hasText: subject }).count()).toBeGreaterThan(0);
    expect(await stillSamePage(nurse)).toBe(true);

    // Open it: the conversation beside the list, with the photo to download and the patient's lists.
    await item.click();
    const thread = nurse.getByRole('article', { name: subject });
    await thread.getByText('I have a red rash on my arm since Monday. A photo is attached.').waitFor();
    const download = thread.getByRole('link', { name: 'Download rash.png (70 B)' });
    const bytes = await nurse.evaluate(async (href) => (await (await fetch(href)).arrayBuffer()).byteLength, (await download.getAttribute('href'))!);
    expect(bytes).toBe(PNG.length);
    const about = nurse.getByRole('complementary', { name: /^About Ana/ });
    await about.getByRole('heading', { level: 2, name: 'Medications' }).waitFor();
    await about.getByRole('heading', { level: 2, name: 'Allergies' }).waitFor();
    // Her newest results, each value with its flag in words.
    const recent = about.getByRole('region', { name: 'Recent results' });
    await recent.getByRole('listitem').first().waitFor();
    expect(await recent.getByRole('listitem').count()).toBeGreaterThan(1);
    await thread.getByText('Assigned to: nobody yet').waitFor();

    // Claim it.
    await thread.getByRole('button', { name: 'Claim', exact: true }).click();
    await thread.getByRole('status').filter({ hasText: 'You have this conversation now.' }).waitFor();
    await thread.getByText('Assigned to: Emily Nguyen, RN').waitFor();

    // Answer with a saved reply, edited before sending, and mark it waiting on the patient.
    await thread.getByLabel('Saved replies').selectOption({ label: 'We got your message' });
    await thread.getByRole('button', { name: 'Insert reply' }).click();
    const box = thread.getByRole('textbox', { name: 'Your reply' });
    const template = "Thank you for your message. Dr. Patel's team is looking into it and will answer soon.";
    expect(await box.inputValue()).toBe(template);
    const answer = `${template} Please send one more photo tomorrow so we can compare.`;
    await box.fill(answer);
    await thread.getByRole('checkbox', { name: 'Waiting on patient' }).check();
    await expectNoAxeViolationsInBothLanguages(nurse, 'inbox with a conversation open', 'Inbox', 'Bandeja de entrada');
    await expectFitsAt360(nurse);
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await thread.getByRole('status').filter({ hasText: 'Your reply was sent.' }).waitFor();
    await thread.getByText(answer).waitFor();
    await thread.getByRole('listitem').filter({ hasText: /^Waiting on patient$/ }).waitFor();

    // Live on the patient's open conversation: the answer, and the care team's read receipt.
    await patient.getByText(answer).waitFor({ timeout: 15_000 });
    await patient.getByText('Emily Nguyen, RN').waitFor();
    await patient.getByText(/^Read by the care team at /).waitFor();
    expect(await patient.getByText('Not read by the care team yet').count()).toBe(0);
    expect(await stillSamePage(patient)).toBe(true);

    // Close the conversation, after a confirm step: it is documented in the patient's record.
    await thread.getByRole('button', { name: 'Close conversation' }).click();
    const confirm = nurse.getByRole('dialog', { name: /^Close this conversation\?/ });
    await confirm.waitFor();
    await expectNoAxeViolations(nurse, 'close confirm');
    await confirm.getByRole('button', { name: 'Keep it open' }).click();
    await confirm.waitFor({ state: 'detached' });
    await thread.getByRole('button', { name: 'Close conversation' }).click();
    await nurse.getByRole('dialog', { name: /^Close this conversation\?/ }).getByRole('button', { name: 'Yes, close it' }).click();
    await thread.getByRole('status').filter({ hasText: "The conversation is closed and saved in the patient's record." }).waitFor();
    await thread.getByText("This conversation is closed. It is saved in the patient's record.").waitFor();
    await nurse.getByRole('radio', { name: /^Done/ }).check();
    await list.getByRole('link', { name: new RegExp(subject) }).waitFor();

    // A notification's link (/staff/inbox?thread=) opens the conversation beside its own team's list.
    const threadId = new URL(nurse.url()).searchParams.get('thread')!;
    await nurse.goto(`${baseUrl}/staff/inbox?thread=${threadId}`);
    await nurse.getByRole('article', { name: subject }).waitFor();
    expect(await teams.getByRole('link', { name: /^Dr\. Patel's care team/ }).getAttribute('aria-current')).toBe('page');

    await patient.context().close();
    await nurse.context().close();
  });
});
