import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';

/**
 * oidc-provider's storage on our database (table oidc_models, migration 0019), for PGlite and
 * PostgreSQL alike. Tokens are stored under a SHA-256 of their value and without the value in the
 * payload, so the table never holds a usable bearer token; client secrets are encrypted.
 */

/** Models whose id is a bearer secret. */
const SECRET_IDS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'RegistrationAccessToken', 'ClientCredentials', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PushedAuthorizationRequest']);

/**
 * While set, adapter statements run on this transaction instead of the pool, so portal rows and
 * provider models written by one use case commit together (PGlite has one connection: a statement
 * outside the open transaction would wait forever).
 */
const inTransaction = new AsyncLocalStorage<Queryable>();

/** Runs fn with every oidc-provider read and write inside one database transaction (handed to fn too). */
export function withProviderTransaction<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction((tx) => inTransaction.run(tx, () => fn(tx)));
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

type Row = { payload: AdapterPayload; consumed_at: Date | null; expires_at: Date | null };

/** The adapter class oidc-provider instantiates once per model name. */
export function adapterFor(db: Db, keyring: Keyring): new (name: string) => Adapter {
  const q = (): Queryable => inTransaction.getStore() ?? db;
  return class OidcAdapter implements Adapter {
    readonly name: string;
    constructor(name: string) {
      this.name = name;
    }

    #key(id: string) {
      return SECRET_IDS.has(this.name) ? digest(id) : id;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      const stored: AdapterPayload = { ...payload };
      if (SECRET_IDS.has(this.name)) delete stored.jti;
      if (this.name === 'Client' && typeof stored.client_secret === 'string') {
        stored.client_secret = keyring.encrypt(stored.client_secret, `oidc-client:${id}`);
      }
      await q().query(
        `INSERT INTO oidc_models (model, id, payload, grant_id, uid, user_code, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid,
           user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`,
        [this.name, this.#key(id), JSON.stringify(stored), payload.grantId ?? null, payload.uid ?? null, payload.userCode ?? null,
          typeof expiresIn === 'number' && expiresIn > 0 ? Math.ceil(expiresIn) : null],
      );
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const [row] = await q().query<Row>(
        'SELECT payload, consumed_at, expires_at FROM oidc_models WHERE model = $1 AND id = $2 AND (expires_at IS NULL OR expires_at > now())',
        [this.name, this.#key(id)],
      );
      return row ? this.#toPayload(id, row) : undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const [row] = await q().query<Row & { id: string }>(
        'SELECT id, payload, consumed_at, expires_at FROM oidc_models WHERE model = $1 AND uid = $2 AND (expires_at IS NULL OR expires_at > now())',
        [this.name, uid],
      );
      return row ? this.#toPayload(row.id, row) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const [row] = await q().query<Row & { id: string }>(
        'SELECT id, payload, consumed_at, expires_at FROM oidc_models WHERE model = $1 AND user_code = $2 AND (expires_at IS NULL OR expires_at > now())',
        [this.name, userCode],
      );
      return row ? this.#toPayload(row.id, row) : undefined;
    }

    async consume(id: string) {
      await q().query('UPDATE oidc_models SET consumed_at = now() WHERE model = $1 AND id = $2', [this.name, this.#key(id)]);
    }

    async destroy(id: string) {
      await q().query('DELETE FROM oidc_models WHERE model = $1 AND id = $2', [this.name, this.#key(id)]);
    }

    async revokeByGrantId(grantId: string) {
      await q().query('DELETE FROM oidc_models WHERE grant_id = $1', [grantId]);
    }

    #toPayload(id: string, row: Row): AdapterPayload {
      const payload: AdapterPayload = { ...row.payload };
      // Secret-keyed rows are found by the token value itself, which is their jti.
      if (SECRET_IDS.has(this.name)) payload.jti = id;
      if (this.name === 'Client' && typeof payload.client_secret === 'string') {
        payload.client_secret = keyring.decrypt(payload.client_secret, `oidc-client:${id}`);
      }
      if (row.consumed_at) payload.consumed = Math.floor(row.consumed_at.getTime() / 1000);
      return payload;
    }
  }
}

/** Deletes every model and token of one grant (the app connection), and the grant itself. */
export async function deleteGrantModels(q: Queryable, grantId: string): Promise<void> {
  await q.query("DELETE FROM oidc_models WHERE grant_id = $1 OR (model = 'Grant' AND id = $1)", [grantId]);
}

/** Removes rows past their expiry (the provider already ignores them); run now and then. */
export async function deleteExpiredModels(q: Queryable): Promise<number> {
  const rows = await q.query('DELETE FROM oidc_models WHERE expires_at < now() - interval \'1 day\' RETURNING 1');
  return rows.length;
}
