import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring, keyringFrom } from './keyring.ts';

const key = () => randomBytes(32);

describe('Keyring (AES-256-GCM with key ids)', () => {
  it('round-trips, never repeats a ciphertext, and hides the plaintext', () => {
    const k = new Keyring(new Map([['k1', key()]]), 'k1');
    const a = k.encrypt('123-45-6789', 'ssn:p1');
    const b = k.encrypt('123-45-6789', 'ssn:p1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:k1:/);
    expect(a).not.toContain('6789');
    expect(k.decrypt(a, 'ssn:p1')).toBe('123-45-6789');
  });

  it('refuses a value moved to another context or tampered with', () => {
    const k = new Keyring(new Map([['k1', key()]]), 'k1');
    const v = k.encrypt('secret', 'totp:user-a');
    expect(() => k.decrypt(v, 'totp:user-b')).toThrow();
    const tampered = v.slice(0, -2) + (v.endsWith('A') ? 'B' : 'A') + v.slice(-1);
    expect(() => k.decrypt(tampered, 'totp:user-a')).toThrow();
  });

  it('reads old values after rotation to a new active key', () => {
    const k1 = key();
    const old = new Keyring(new Map([['k1', k1]]), 'k1').encrypt('x', 'c');
    const rotated = keyringFrom({ keys: `k1:${k1.toString('base64')},k2:${key().toString('base64')}`, activeKeyId: undefined });
    expect(rotated.activeKeyId).toBe('k2');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.decrypt(old, 'c')).toBe('x');
    expect(rotated.needsRotation(rotated.encrypt('x', 'c'))).toBe(false);
  });

  it('rejects keys of the wrong size with a clear message', () => {
    expect(() => keyringFrom({ keys: 'short:AAAA', activeKeyId: undefined })).toThrow(/32 bytes/);
  });
});
