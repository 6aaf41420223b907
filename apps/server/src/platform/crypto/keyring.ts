import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Application-layer encryption for sensitive columns (DESIGN.md "Sensitive columns"):
 * AES-256-GCM from node:crypto (OpenSSL), a fresh 96-bit IV per value, and the key id stored
 * beside each value so keys can rotate. Format: `v1:<keyId>:<iv>:<ciphertext+tag>` (base64url).
 * `context` is bound as additional authenticated data, so a value copied to another row or
 * column does not decrypt.
 */
export class Keyring {
  readonly activeKeyId: string;
  readonly #keys: Map<string, Buffer>;

  constructor(keys: Map<string, Buffer>, activeKeyId: string) {
    for (const [id, key] of keys) {
      if (key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes (256 bits), got ${key.length}.`);
      if (!/^[\w-]{1,32}$/.test(id)) throw new Error(`Encryption key id "${id}" may only contain letters, digits, "_" and "-".`);
    }
    if (!keys.has(activeKeyId)) throw new Error(`The active encryption key "${activeKeyId}" is not among the configured keys.`);
    this.#keys = keys;
    this.activeKeyId = activeKeyId;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.activeKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1:${this.activeKeyId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
  }

  decrypt(value: string, context: string): string {
    const parts = value.split(':');
    if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('Not an encrypted value.');
    const [, keyId, ivText, bodyText] = parts as [string, string, string, string];
    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`Encryption key "${keyId}" is not configured; it is needed to read data encrypted with it.`);
    const body = Buffer.from(bodyText, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  }

  /** True for a value written by encrypt() (with any key). */
  static isEncrypted(value: unknown): value is string {
    return typeof value === 'string' && /^v1:[\w-]{1,32}:[\w-]+:[\w-]+$/.test(value);
  }

  /** True when the value is encrypted with a key other than the active one. */
  needsRotation(value: string): boolean {
    return Keyring.isEncrypted(value) && value.split(':')[1] !== this.activeKeyId;
  }
}

/** The well-known development key: fine for demos and tests, refused in production. */
export const DEV_KEY_ID = 'dev';
const DEV_KEY = createHash('sha256').update('ourchart-development-key-not-secret').digest();

/** Parses ENCRYPTION_KEYS ("id:base64,id2:base64"); without it, the development key. */
export function keyringFrom(options: { keys: string | undefined; activeKeyId: string | undefined }): Keyring {
  if (!options.keys) return new Keyring(new Map([[DEV_KEY_ID, DEV_KEY]]), DEV_KEY_ID);
  const keys = new Map<string, Buffer>();
  for (const entry of options.keys.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    if (at < 1) throw new Error('ENCRYPTION_KEYS must look like "key1:<base64 of 32 random bytes>,key2:<...>".');
    keys.set(entry.slice(0, at), Buffer.from(entry.slice(at + 1), 'base64'));
  }
  return new Keyring(keys, options.activeKeyId ?? [...keys.keys()].at(-1)!);
}

/** True when the keyring would decrypt with the public development key. */
export function usesDevelopmentKey(keyring: Keyring): boolean {
  return keyring.activeKeyId === DEV_KEY_ID;
}
