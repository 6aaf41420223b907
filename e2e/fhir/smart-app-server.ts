import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

// A tiny third-party SMART app for the e2e tests: two static pages on its own origin
// (http://127.0.0.1:<random port>) using the real SMART Health IT client, fhirclient, as an app
// developer would. launch.html?iss=&clientId=&scope=[&redirect=/index.html] starts a standalone
// launch with PKCE; app.html (also served as /index.html, a path the demo client allows) finishes it, reads the patient and their lab results, and writes what happened into
// <pre id="result"> as JSON for the test to read.

const FHIR_CLIENT = resolve(import.meta.dirname, '../../node_modules/fhirclient/build/fhir-client.js');

const LAUNCH_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test app: connecting</title><script src="/fhir-client.js"></script></head>
<body><main><h1>Connecting to your health record</h1><pre id="result"></pre></main>
<script>
  const params = new URLSearchParams(location.search);
  FHIR.oauth2.authorize({
    iss: params.get('iss'),
    clientId: params.get('clientId'),
    scope: params.get('scope'),
    redirectUri: new URL(params.get('redirect') || '/app.html', location.href).href,
    pkceMode: 'required',
  }).catch((error) => { document.getElementById('result').textContent = JSON.stringify({ launchError: String(error) }); });
</script></body></html>`;

const APP_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test app</title><script src="/fhir-client.js"></script></head>
<body><main><h1>Test app</h1><pre id="result"></pre></main>
<script>
  const show = (value) => { document.getElementById('result').textContent = JSON.stringify(value); };
  FHIR.oauth2.ready().then(async (client) => {
    const token = client.state.tokenResponse;
    const out = { patientId: client.patient.id, scope: token.scope, accessToken: token.access_token, hasRefreshToken: Boolean(token.refresh_token), hasIdToken: Boolean(token.id_token) };
    try {
      const patient = await client.patient.read();
      out.patient = { resourceType: patient.resourceType, id: patient.id, given: patient.name?.[0]?.given ?? [], family: patient.name?.[0]?.family ?? null };
    } catch (error) {
      out.patientStatus = error.status ?? String(error);
    }
    try {
      const bundle = await client.request('Observation?patient=' + encodeURIComponent(client.patient.id) + '&category=laboratory');
      const entries = (bundle.entry ?? []).map((e) => e.resource).filter((r) => r && r.resourceType === 'Observation');
      out.observations = entries.map((o) => ({ id: o.id, subject: o.subject?.reference ?? null, categories: (o.category ?? []).flatMap((c) => (c.coding ?? []).map((x) => x.code)) }));
    } catch (error) {
      out.observationStatus = error.status ?? String(error);
    }
    show(out);
  }).catch((error) => show({ readyError: String(error) }));
</script></body></html>`;

/** The paths app.html answers on. */
export const APP_PATHS = ['/app.html', '/index.html'];

/** Starts the app on 127.0.0.1 on a free port; `origin` is http://127.0.0.1:<port>. */
export async function startSmartTestApp(): Promise<{ origin: string; redirectUri: string; close: () => Promise<void> }> {
  const script = readFileSync(FHIR_CLIENT);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/launch.html') send('text/html; charset=utf-8', LAUNCH_HTML);
    else if (path === '/app.html' || path === '/index.html') send('text/html; charset=utf-8', APP_HTML);
    else if (path === '/fhir-client.js') send('text/javascript; charset=utf-8', script);
    else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    redirectUri: `${origin}/app.html`,
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
}

/** What app.html wrote after the launch. */
export type AppResult = {
  patientId?: string;
  scope?: string;
  accessToken?: string;
  hasRefreshToken?: boolean;
  hasIdToken?: boolean;
  patient?: { resourceType: string; id: string; given: string[]; family: string | null };
  patientStatus?: number | string;
  observations?: { id: string; subject: string | null; categories: string[] }[];
  observationStatus?: number | string;
  launchError?: string;
  readyError?: string;
};
