import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data, demo mode on, 15-minute idle timeout', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, demoMode: true, sessionIdleSeconds: 900, sessionMaxSeconds: 43_200 });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('turns demo mode off by default on PostgreSQL, and lets it be forced', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO_MODE: 'true' }).demoMode).toBe(true);
  });

  it('names every bad setting and says what is wrong', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '0' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/PORT: must be a number/);
    expect(msg).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    expect(msg).toMatch(/SESSION_IDLE_MINUTES/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});

describe('production mode', () => {
  it('refuses to start without real keys, SMTP and a public URL, naming each', () => {
    expect(() => loadConfig({ APP_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' })).toThrow(/ENCRYPTION_KEYS: required[\s\S]*SMTP_URL: required[\s\S]*PUBLIC_URL: required/);
    expect(() => loadConfig({ APP_ENV: 'production', ENCRYPTION_KEYS: 'dev:AAAA', SMTP_URL: 'smtp://m', PUBLIC_URL: 'https://p.example' })).toThrow(/reserved for the public development key/);
  });

  it('accepts a complete production configuration, with demo mode off', () => {
    const c = loadConfig({ APP_ENV: 'production', ENCRYPTION_KEYS: 'k1:' + 'A'.repeat(44), SMTP_URL: 'smtp://m:25', PUBLIC_URL: 'https://portal.example/' });
    expect(c).toMatchObject({ production: true, demoMode: false, publicUrl: 'https://portal.example' });
  });
});
