import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { ConfigError, loadConfig } from '../../config.ts';
import { vapidKeys } from './push.ts';

describe('VAPID keys', () => {
  it('uses the configured pair, with MAIL_FROM as the default contact', () => {
    const pair = webpush.generateVAPIDKeys();
    const config = loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, MAIL_FROM: 'Clinic <it@clinic.test>' });
    expect(vapidKeys(config)).toEqual({ ...pair, subject: 'mailto:it@clinic.test' });
  });

  it('refuses half a pair or a bad subject, naming the setting', () => {
    const pair = webpush.generateVAPIDKeys();
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY: set both or neither/);
    expect(() => loadConfig({ VAPID_SUBJECT: 'http://clinic.test' })).toThrow(ConfigError);
  });

  it('in development without keys, makes one pair and keeps it in DATA_DIR (private to the server user)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ourchart-vapid-'));
    const keys = vapidKeys(loadConfig({ DATA_DIR: dir }))!;
    expect(keys.publicKey).toMatch(/^[\w-]{87}$/);
    const file = join(dir, 'vapid.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(keys);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(vapidKeys(loadConfig({ DATA_DIR: dir }))).toEqual(keys);
  });

  it('in production without keys, push is off', () => {
    const production = { APP_ENV: 'production', ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`, SMTP_URL: 'smtp://mail.test', PUBLIC_URL: 'https://portal.test' };
    expect(vapidKeys(loadConfig(production))).toBeNull();
  });
});
