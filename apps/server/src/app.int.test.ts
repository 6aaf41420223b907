import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createTestApp, type TestApp } from './test/app.ts';
import { testDrivers } from './test/databases.ts';

describe('serving the web app', () => {
  let h: TestApp;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ourchart-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>OurChart</title>');
    const js = 'console.log("hello");'.repeat(100);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), js);
    writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(js));
    h = await createTestApp(testDrivers[0]!);
    app = await buildApp({ ...h.ctx, config: { ...h.ctx.config, webDist: dist } });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('serves client-side routes with index.html, never cached', async () => {
    for (const url of ['/', '/sign-in', '/some/deep/page?x=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends hashed assets precompressed and cacheable forever', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });

  it('answers a missing asset or API route with 404, not the app', async () => {
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/missing' })).headers['content-type']).toMatch(/problem\+json/);
  });
});
