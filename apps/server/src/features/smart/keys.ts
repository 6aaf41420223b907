import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { AppContext } from '../../context.ts';

/**
 * The authorization server's secrets, generated once and shared by every node through the
 * database (smart_keys), encrypted with the keyring: the RS256 key that signs ID tokens, and the
 * secret that signs its cookies. A second node that races the first keeps the first one's value.
 */
export type SmartKeys = { signingKey: JWK; cookieSecret: string };

async function stored(ctx: AppContext, id: string, make: () => Promise<string>): Promise<string> {
  const read = async () => (await ctx.db.query<{ secret: string }>('SELECT secret FROM smart_keys WHERE id = $1', [id]))[0]?.secret;
  let secret = await read();
  if (!secret) {
    await ctx.db.query('INSERT INTO smart_keys (id, secret) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, ctx.keyring.encrypt(await make(), `smart-key:${id}`)]);
    secret = (await read())!;
  }
  return ctx.keyring.decrypt(secret, `smart-key:${id}`);
}

export async function loadSmartKeys(ctx: AppContext): Promise<SmartKeys> {
  const jwk = await stored(ctx, 'signing-rs256-1', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    return JSON.stringify({ ...(await exportJWK(privateKey)), kid: `rs256-${randomBytes(6).toString('hex')}`, alg: 'RS256', use: 'sig' });
  });
  const cookieSecret = await stored(ctx, 'cookie-1', async () => randomBytes(32).toString('base64url'));
  return { signingKey: JSON.parse(jwk) as JWK, cookieSecret };
}
