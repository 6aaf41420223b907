import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency-key.ts';

// The pattern the server checks (apps/server/src/features/billing/billing.routes.ts), plus the v4 bits.
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('makes a new v4 UUID each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('makes one from random bytes where crypto.randomUUID is missing (plain http)', () => {
    const insecure = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => crypto.getRandomValues(array as Uint8Array) as unknown as T };
    const key = newIdempotencyKey(insecure);
    expect(key).toMatch(UUID_V4);
    expect(newIdempotencyKey(insecure)).not.toBe(key);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    const allOnes = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => { (array as unknown as Uint8Array).fill(0xff); return array; } };
    expect(newIdempotencyKey(allOnes)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
