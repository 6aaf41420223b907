import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchChromium } from '../browser.ts';
import { newPage, PASSWORD } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

/** What has keyboard focus now: its tag, role, accessible text and whether it sits in the main nav. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', text: '', label: '', inNav: false };
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText || (el as HTMLInputElement).value || '').trim(),
      label: el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() ?? '' : ''),
      inNav: !!el.closest('nav'),
    };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, limit = 150) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('one full path by keyboard only', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('signs in, opens a result, reads its trend table and downloads a PDF without a mouse', async () => {
    const page = await newPage(browser, 1280);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();

    await tabTo(page, (f) => f.tag === 'input' && f.label.startsWith('Email'), 'the email field');
    await page.keyboard.type('patient@ourchart.example');
    await tabTo(page, (f) => f.tag === 'input' && f.label.startsWith('Password'), 'the password field');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Hello, Ana/ }).waitFor();

    await tabTo(page, (f) => f.inNav && f.text === 'Test results', 'the Test results link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Test results' }).waitFor();
    await page.getByRole('status').filter({ hasText: /\d+ results\./ }).waitFor();

    // The first report whose summary says it has a value outside the range: open it with Enter.
    await tabTo(page, (f) => f.tag === 'summary' && /outside/i.test(f.text), 'a report with a value outside its range');
    await page.keyboard.press('Enter');
    await page.locator('.result-report > details[open]').first().waitFor();
    await tabTo(page, (f) => f.tag === 'a' && f.label.startsWith('See trend for'), 'a See trend link');
    const testName = (await focused(page)).label.replace('See trend for ', '');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Trend: / }).waitFor();

    // The table screen readers get: one row per value, each with a date header and the normal range.
    const table = page.getByRole('table', { name: /every value, oldest first/ });
    await table.waitFor();
    expect(await table.getByRole('columnheader', { name: 'Normal range' }).count()).toBe(1);
    expect(await table.getByRole('rowheader').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(testName);
    await expectNoAxeViolations(page, 'trend reached by keyboard');

    await tabTo(page, (f) => f.inNav && f.text === 'Documents', 'the Documents link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    // Defaults: the last year, as a PDF. Tab to Download and press Enter.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Download', 'the Download button');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/^health-record-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText(/is downloading/).waitFor();
    await page.context().close();
  });
});
