import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, PASSWORD, signIn } from '../identity/helpers.ts';
import { APP_PATHS, startSmartTestApp } from './smart-app-server.ts';
import type { AppResult } from './smart-app-server.ts';

// Issue 9: a real SMART app (fhirclient, the SMART Health IT JavaScript client) on another origin
// runs the standalone patient launch against OurChart in Chromium: sign in, the consent screen,
// Allow, then the app reads the patient and searches lab results with its token. A narrower scope
// gets 403 for Observations; removing the app in Connected apps makes its tokens fail with 401.

const baseUrl = inject('baseUrl');
const FHIR_BASE = `${baseUrl}/fhir/R4`;
const FULL_SCOPE = 'launch/patient openid fhirUser offline_access patient/*.rs';

let browser: Browser;
let closeBrowser: () => Promise<void>;
let testApp: Awaited<ReturnType<typeof startSmartTestApp>>;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchChromium());
  testApp = await startSmartTestApp();
});
afterAll(async () => {
  await testApp?.close();
  await closeBrowser?.();
});

const onPortal = (url: URL) => url.origin === new URL(baseUrl).origin;

/** Opens the test app's launch page, which hands the browser to OurChart's /oauth/auth. */
async function launch(page: Page, clientId: string, scope: string, redirect = '/app.html'): Promise<void> {
  const query = new URLSearchParams({ iss: FHIR_BASE, clientId, scope, redirect });
  await page.goto(`${testApp.origin}/launch.html?${query}`);
}

/** The sign-in page OurChart shows a signed-out person on the way to the consent screen. */
async function signInOnTheWay(page: Page, email: string): Promise<void> {
  await page.waitForURL((url) => onPortal(url) && url.pathname === '/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in to OurChart' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const consentHeading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** What the app wrote after the browser came back to app.html. */
async function appResult(page: Page): Promise<AppResult> {
  await page.waitForURL((url) => url.origin === testApp.origin && APP_PATHS.includes(url.pathname), { timeout: 30_000 });
  await page.waitForFunction(() => (document.getElementById('result')?.textContent ?? '') !== '', undefined, { timeout: 30_000 });
  return JSON.parse((await page.locator('#result').textContent())!) as AppResult;
}

/** Allow on the consent screen, then the app's result. */
async function allow(page: Page): Promise<AppResult> {
  await page.getByRole('button', { name: 'Allow', exact: true }).click();
  return appResult(page);
}

/** GET /fhir/R4/Patient/:id with a bearer token, from outside the browser (as the app's server would). */
async function readPatientStatus(token: string, patientId: string): Promise<number> {
  const response = await fetch(`${FHIR_BASE}/Patient/${encodeURIComponent(patientId)}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' } });
  await response.body?.cancel();
  return response.status;
}

/** An admin registers an app on "Connected apps setup" and reads its client id (and secret) from the page. */
async function registerApp(page: Page, name: string, kind: 'Public' | 'Confidential, with a client secret'): Promise<{ clientId: string; clientSecret: string | null }> {
  const form = page.getByRole('form', { name: 'Register an app' });
  await form.getByLabel('App name').fill(name);
  await form.getByLabel('Redirect addresses').fill(`${testApp.redirectUri}\n`);
  await form.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
  await form.getByRole('button', { name: 'Register the app' }).click();
  const created = page.getByRole('region', { name: `${name} is registered` });
  await created.waitFor();
  const clientId = await created.getByRole('textbox', { name: 'Client ID' }).inputValue();
  const secretBox = created.getByRole('textbox', { name: 'Client secret' });
  const clientSecret = (await secretBox.count()) > 0 ? await secretBox.inputValue() : null;
  return { clientId, clientSecret };
}

/** Registers a public app through the admin API (as the admin page does), for tests about something else. */
async function registerPublicAppByApi(name: string): Promise<string> {
  const admin = await newPage(browser);
  await signIn(admin, baseUrl, 'admin@ourchart.example');
  const created = await admin.evaluate(async (body) => {
    const response = await fetch('/api/admin/apps', { method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { clientId: string } };
  }, { name, redirectUris: [testApp.redirectUri], kind: 'public' });
  expect(created.status).toBe(201);
  await admin.context().close();
  return created.body.clientId;
}

describe('SMART on FHIR standalone launch with fhirclient (issue 9)', () => {
  it('admin registers a public app; Ana connects it, it reads her record and lab results; a narrower scope gets 403; after Remove its tokens get 401', async () => {
    const appName = `Glucose Diary ${randomBytes(3).toString('hex')}`;

    // 1. An admin registers the app (public: a browser app keeps no secret).
    const admin = await newPage(browser);
    await signIn(admin, baseUrl, 'admin@ourchart.example');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connected apps setup' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Connected apps setup' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(admin, 'connected apps setup', 'Connected apps setup', 'Configurar aplicaciones conectadas');
    // Nothing filled in: the page says what is missing, before asking the server.
    await admin.getByRole('button', { name: 'Register the app' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Enter the app’s name.' }).waitFor();
    await admin.getByRole('alert').filter({ hasText: 'Enter at least one redirect address.' }).waitFor();
    expect(await admin.getByLabel('App name').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(admin, 'register form with problems');
    const { clientId, clientSecret } = await registerApp(admin, appName, 'Public');
    expect(clientId).toMatch(/\S{8,}/);
    expect(clientSecret).toBeNull();
    await admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { level: 3, name: appName, exact: true }) }).getByText(testApp.redirectUri).waitFor();
    await expectNoAxeViolations(admin, 'connected apps setup with a registered app');
    await expectFitsAt360(admin);

    // 2. Ana, signed out, starts the app: OurChart asks her to sign in, then shows the consent screen.
    const ana = await newPage(browser);
    await launch(ana, clientId, FULL_SCOPE);
    await signInOnTheWay(ana, 'patient@ourchart.example');
    await consentHeading(ana, `${appName} wants to see your health record`).waitFor();
    expect(new URL(ana.url()).pathname).toBe('/smart/authorize');
    const what = ana.getByRole('region', { name: 'What it will see' });
    for (const line of ['Everything in your record', 'Who you are', 'Keep access until you remove it']) {
      await what.getByRole('listitem').filter({ hasText: line }).waitFor();
    }
    await ana.getByText('You can remove its access at any time in Connected apps.').waitFor();
    await expectNoAxeViolationsInBothLanguages(ana, 'consent screen', `${appName} wants to see your health record`, `${appName} quiere ver su expediente de salud`);
    await expectFitsAt360(ana);

    // 3. Allow: back in the app, which reads Ana's Patient and her lab Observations with its token.
    const first = await allow(ana);
    expect(first.readyError ?? first.launchError).toBeUndefined();
    expect(first.patient).toMatchObject({ resourceType: 'Patient', id: first.patientId, family: 'Brooks' });
    expect(first.patient!.given[0]).toBe('Ana');
    expect(first.hasRefreshToken).toBe(true);
    expect(first.hasIdToken).toBe(true);
    expect(first.observations!.length).toBeGreaterThan(0);
    for (const o of first.observations!) {
      expect(o.subject).toBe(`Patient/${first.patientId}`);
      expect(o.categories).toContain('laboratory');
    }
    expect(await readPatientStatus(first.accessToken!, first.patientId!)).toBe(200);

    // 4. The same app asking only for the Patient resource: its Observation search is refused with 403.
    await launch(ana, clientId, 'launch/patient patient/Patient.rs');
    // Each authorization asks again (the portal session is the only sign-in; consent is per request).
    await consentHeading(ana, `${appName} wants to see your health record`).waitFor();
    const narrowWhat = ana.getByRole('region', { name: 'What it will see' });
    await narrowWhat.getByRole('listitem').filter({ hasText: 'Your name, birth date and contact details' }).waitFor();
    expect(await narrowWhat.getByText('Everything in your record').count()).toBe(0);
    await narrowWhat.getByText('Access for about one hour at a time').waitFor();
    const narrow = await allow(ana);
    expect(narrow.patient?.given[0]).toBe('Ana');
    expect(narrow.observationStatus).toBe(403);
    expect(narrow.observations).toBeUndefined();

    // 5. Connected apps lists the app; Remove (confirmed) ends its access at once.
    await open(ana, baseUrl, '/account/apps', 'Connected apps');
    const items = ana.getByRole('listitem').filter({ has: ana.getByRole('heading', { level: 3, name: appName, exact: true }) });
    await items.first().waitFor();
    await items.first().getByText(/Ana/).first().waitFor();
    await expectNoAxeViolationsInBothLanguages(ana, 'connected apps', 'Connected apps', 'Aplicaciones conectadas');
    await expectFitsAt360(ana);
    for (let left = await items.count(); left > 0; left -= 1) {
      await items.first().getByRole('button', { name: new RegExp(`^Remove ${appName} for Ana`) }).click();
      await items.first().getByText(new RegExp(`^Remove ${appName}\\? It will stop seeing Ana.*’s record right away\\.$`)).waitFor();
      if (left === 1) await expectNoAxeViolations(ana, 'connected apps, confirming Remove');
      await items.first().getByRole('button', { name: 'Yes, remove' }).click();
      await ana.getByRole('status').filter({ hasText: new RegExp(`^${appName} can no longer see Ana.*’s record\\.$`) }).waitFor();
      await expect.poll(() => items.count()).toBe(left - 1);
    }
    expect(await readPatientStatus(first.accessToken!, first.patientId!)).toBe(401);
    if (narrow.accessToken) expect(await readPatientStatus(narrow.accessToken, first.patientId!)).toBe(401);

    await admin.context().close();
    await ana.context().close();
  }, 240_000);

  it('a confidential app gets its client secret shown once; an admin removes an app', async () => {
    const appName = `Clinic Sync ${randomBytes(3).toString('hex')}`;
    const admin = await newPage(browser);
    await signIn(admin, baseUrl, 'admin@ourchart.example');
    await open(admin, baseUrl, '/admin/apps', 'Connected apps setup');
    const { clientId, clientSecret } = await registerApp(admin, appName, 'Confidential, with a client secret');
    expect(clientId).toMatch(/\S{8,}/);
    expect(clientSecret).toMatch(/\S{16,}/);
    await admin.getByText('Copy the client secret now and keep it somewhere safe. We show it only once.').waitFor();
    await admin.getByRole('button', { name: 'I copied it' }).click();
    await admin.getByRole('region', { name: `${appName} is registered` }).waitFor({ state: 'detached' });
    expect(await admin.getByText(clientSecret!).count()).toBe(0);

    const item = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { level: 3, name: appName, exact: true }) });
    await item.getByText('Confidential (secret)').waitFor();
    await item.getByRole('button', { name: `Remove ${appName}` }).click();
    await item.getByRole('button', { name: 'Yes, remove' }).click();
    await admin.getByRole('status').filter({ hasText: `${appName} was removed.` }).waitFor();
    await item.waitFor({ state: 'detached' });
    await admin.context().close();
  }, 120_000);

  it('a parent chooses whose record the app may see, and the app gets that child’s record', async () => {
    const appName = `Family Vaccines ${randomBytes(3).toString('hex')}`;
    const clientId = await registerPublicAppByApi(appName);
    const david = await newPage(browser);
    await launch(david, clientId, 'launch/patient openid fhirUser patient/Patient.rs');
    await signInOnTheWay(david, 'parent@ourchart.example');
    await consentHeading(david, /wants to see a health record$/).waitFor();
    const whose = david.getByRole('group', { name: 'Whose record can it see?' });
    await whose.getByRole('radio', { name: /^David .*\(you\)$/ }).waitFor();
    // Allow before choosing: the page asks for a choice.
    await david.getByRole('button', { name: 'Allow', exact: true }).click();
    await whose.getByText('Choose whose record the app can see.').waitFor();
    await expectNoAxeViolations(david, 'consent screen for a proxy, with a problem');
    await whose.getByRole('radio', { name: /^Lily/ }).check();
    const result = await allow(david);
    expect(result.patient?.given[0]).toBe('Lily');
    expect(result.patientId).toBe(result.patient?.id);
    // Connected apps says whose record the app sees.
    await open(david, baseUrl, '/account/apps', 'Connected apps');
    const item = david.getByRole('listitem').filter({ has: david.getByRole('heading', { level: 3, name: appName, exact: true }) });
    await item.getByText(/^Lily/).waitFor();
    await david.context().close();
  }, 120_000);

  it('a parent connects an app to a teenager’s record: the consent screen says it sees only what the parent may see, and it gets no test results', async () => {
    const appName = `Teen Vaccines ${randomBytes(3).toString('hex')}`;
    const clientId = await registerPublicAppByApi(appName);
    const david = await newPage(browser);
    await signIn(david, baseUrl, 'parent@ourchart.example');
    await launch(david, clientId, 'launch/patient openid fhirUser patient/*.rs');
    await consentHeading(david, `${appName} wants to see a health record`).waitFor();
    // Ethan is 15: with the default rules his parents see his vaccines, messages, appointments and bills, not the rest.
    const limit = /^Only what you can see of Ethan.* Chen’s record: vaccines, messages, appointments, and bills\.$/;
    const ethan = david.getByRole('group', { name: 'Whose record can it see?' }).getByRole('radio', { name: /^Ethan/ });
    await ethan.waitFor();
    await david.getByText(limit).first().waitFor();
    await ethan.check();
    await david.getByRole('region', { name: 'What it will see' }).getByText(limit).waitFor();
    await expectNoAxeViolationsInBothLanguages(david, 'consent screen for a parent of a teenager', `${appName} wants to see a health record`, `${appName} quiere ver un expediente de salud`);
    await expectFitsAt360(david);
    const result = await allow(david);
    expect(result.patient?.given[0]).toBe('Ethan');
    // Lab results are outside what a parent sees of a teenager: the search discloses none.
    expect(result.observations).toEqual([]);
    await open(david, baseUrl, '/account/apps', 'Connected apps');
    const item = david.getByRole('listitem').filter({ has: david.getByRole('heading', { level: 3, name: appName, exact: true }) });
    await item.getByText(/^Ethan/).waitFor();
    await item.getByRole('button', { name: new RegExp(`^Remove ${appName} for Ethan`) }).click();
    await item.getByRole('button', { name: 'Yes, remove' }).click();
    await item.waitFor({ state: 'detached' });
    expect(await readPatientStatus(result.accessToken!, result.patientId!)).toBe(401);
    await david.context().close();
  }, 120_000);

  it('the demo client ourchart-demo-app connects from a loopback address on any port', async () => {
    const ana = await newPage(browser);
    await signIn(ana, baseUrl, 'patient@ourchart.example');
    // The demo client allows http://127.0.0.1/index.html (and a few more paths) on any port (RFC 8252).
    await launch(ana, 'ourchart-demo-app', 'launch/patient patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory', '/index.html');
    await consentHeading(ana, /wants to see your health record$/).waitFor();
    await ana.getByRole('region', { name: 'What it will see' }).getByRole('listitem').filter({ hasText: 'Test results (lab only)' }).waitFor();
    const result = await allow(ana);
    // Only lab results: the Patient resource itself is outside this scope.
    expect(result.patientStatus).toBe(403);
    expect(result.observations!.length).toBeGreaterThan(0);
    await ana.context().close();
  }, 120_000);

  it('Don’t allow sends the person back to the app with access_denied, and nothing is connected', async () => {
    const appName = `Step Counter ${randomBytes(3).toString('hex')}`;
    const clientId = await registerPublicAppByApi(appName);
    const ana = await newPage(browser);
    await signIn(ana, baseUrl, 'patient@ourchart.example');
    await launch(ana, clientId, 'launch/patient patient/Observation.rs');
    await consentHeading(ana, `${appName} wants to see your health record`).waitFor();
    await ana.getByRole('button', { name: 'Don’t allow', exact: true }).click();
    const result = await appResult(ana);
    expect(result.readyError).toMatch(/access_denied/);
    await open(ana, baseUrl, '/account/apps', 'Connected apps');
    await ana.getByRole('heading', { level: 2, name: 'Your apps' }).waitFor();
    await ana.getByRole('status').filter({ hasText: 'Loading your connected apps…' }).waitFor({ state: 'detached' });
    expect(await ana.getByRole('heading', { level: 3, name: appName }).count()).toBe(0);
    await ana.context().close();
  }, 120_000);
});
