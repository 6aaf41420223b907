import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Launches Debian's Chromium headless with the flags this offline machine needs (Playwright gives it a fresh profile). */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** Runs axe (WCAG 2.0-2.2 A and AA) on the page and fails with the rule ids and targets of any violation. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations on ${label}`).toEqual([]);
}

/** True when the page scrolls sideways (content wider than the viewport). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Runs axe in English, then in Spanish (waiting for the Spanish h1), then switches back to English. */
export async function expectNoAxeViolationsInBothLanguages(page: Page, label: string, english: string | RegExp, spanish: string | RegExp) {
  await expectNoAxeViolations(page, `${label} (en)`);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: spanish }).waitFor();
  await expectNoAxeViolations(page, `${label} (es)`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: english }).waitFor();
}

/** Fails when the page scrolls sideways at 360 px wide; puts the viewport back after. */
export async function expectFitsAt360(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await hasHorizontalScroll(page), `sideways scroll at 360 px on ${page.url()}`).toBe(false);
  await page.setViewportSize(size);
}
