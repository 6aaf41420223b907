import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { testDrivers } from '../../test/databases.ts';

describe('in-process TLS', () => {
  it('serves HTTPS with the configured certificate and key, with HSTS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ourchart-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    const h = await createTestApp(testDrivers[0]!, { TLS_CERT_FILE: cert, TLS_KEY_FILE: key });
    try {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (h.app.server.address() as { port: number }).port;
      const res = await new Promise<{ status: number; body: string; hsts: string | undefined; protocol: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false }, (r) => {
          let body = '';
          const protocol = (r.socket as { getProtocol?: () => string | null }).getProtocol?.() ?? '';
          r.on('data', (c) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body, hsts: r.headers['strict-transport-security'] as string, protocol }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
      expect(res.hsts).toMatch(/max-age=31536000/);
      expect(res.protocol).toMatch(/^TLSv1\.[23]$/);
    } finally {
      await h.close();
    }
  });
});
