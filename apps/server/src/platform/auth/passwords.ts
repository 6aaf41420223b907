import { hash, verify } from '@node-rs/argon2';

/*
 * argon2id (the library's default algorithm) with OWASP's minimum parameters:
 * 19 MiB memory, 2 passes, 1 lane. Parameters live in the PHC string, so raising them later
 * only affects new hashes.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id; returns a PHC string ($argon2id$v=19$...). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash (unknown email, account not activated) it still runs
 * one argon2 verification against a dummy hash, so response time does not reveal whether an
 * account exists.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
