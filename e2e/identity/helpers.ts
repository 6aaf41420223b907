import type { Browser, Page } from 'playwright-core';

export const PASSWORD = 'demo-password-2026';

/** A fresh browser context (own cookies) and page, in English. */
export async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  return context.newPage();
}

/** The password step of sign-in. Leaves the page wherever the server sends it next. */
export async function enterPassword(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A fresh context signed in as the demo patient Ana Brooks (patient@), on her home page. */
export async function signedInPatient(browser: Browser, baseUrl: string, width = 1280): Promise<Page> {
  const page = await newPage(browser, width);
  await enterPassword(page, baseUrl, 'patient@ourchart.example');
  await page.getByRole('heading', { level: 1, name: /Hello, Ana/ }).waitFor();
  return page;
}

/** Signs in an account without two-step verification and waits for its first page (home, or the Inbox for staff). */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await enterPassword(page, baseUrl, email);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Opens a signed-in page by its address and waits for its one h1. */
export async function open(page: Page, baseUrl: string, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
}

/** Status of GET /api/me from inside the page: 200 signed in, 401 not. */
export function meStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/me')).status);
}
