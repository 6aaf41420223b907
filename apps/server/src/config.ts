import { z } from 'zod';
import { resolve } from 'node:path';

/**
 * The one place that reads process.env. Every setting is documented here and in the README.
 * A bad value stops the process with a message naming the variable and what is wrong.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  /** Interface to bind. 127.0.0.1 keeps the portal local; 0.0.0.0 exposes it. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded database (PGlite) keeps its files when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection string. Unset: embedded PGlite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Seed the demo clinic and demo accounts on first start. Default: on for the embedded database, off for PostgreSQL. */
  DEMO_MODE: bool.optional(),
  /** Session idle timeout in minutes (HIPAA automatic logoff). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  /** Absolute session lifetime in hours. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Send cookies with the Secure flag. Browsers accept Secure cookies on http://localhost; turn off only for plain-HTTP testing on another host name. */
  COOKIE_SECURE: bool.default(true),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Directory of the built web app; empty disables static serving (API only). */
  WEB_DIST: z.string().optional(),
  /** development or production. Production refuses unsafe settings (development key, no SMTP). */
  APP_ENV: z.enum(['development', 'production']).default('development'),
  /** The address people use to reach the portal: links in emails, and the WebAuthn origin. */
  PUBLIC_URL: z.string().url('must be a full URL such as https://portal.example.org').optional(),
  /** SMTP relay, e.g. smtp://user:pass@mail.example.org:587. Unset in development: emails are saved under DATA_DIR/mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** Sender of the portal's emails. */
  MAIL_FROM: z.string().min(3).default('OurChart <no-reply@ourchart.example>'),
  /** Encryption keys for sensitive columns: "id:<base64 of 32 random bytes>,..."; the last is active unless ENCRYPTION_KEY_ID says otherwise. */
  ENCRYPTION_KEYS: z.string().optional(),
  ENCRYPTION_KEY_ID: z.string().optional(),
  /** Serve HTTPS directly (small installs): paths to a PEM certificate chain and private key. */
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  /**
   * Multiplies the per-address limits on sign-in and code routes (and the per-address failure
   * lock). Raise it where many people share one address: clinic kiosks, carrier NAT, tests.
   */
  RATE_LIMIT_SCALE: z.coerce.number().min(1).max(1000).default(1),
  /** Requests per minute one app (SMART client id) may make to the FHIR API at /fhir/R4, per node. */
  FHIR_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  /** Join link of video visits; {id} is replaced by the appointment id. Default: PUBLIC_URL/video/{id}. */
  VIDEO_VISIT_URL: z.string().url('must be a full URL such as https://video.example.org/room/{id}').optional(),
  /** Behind a reverse proxy: true, or the number of proxy hops, so client IPs come from X-Forwarded-For. */
  TRUST_PROXY: z.union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)]).default('false'),
  /** Web push (VAPID) key pair, base64url as `npx web-push generate-vapid-keys` prints it. Unset in development: a pair is kept in DATA_DIR/vapid.json; unset in production: no web push. */
  VAPID_PUBLIC_KEY: z.string().regex(/^[\w-]{80,100}$/, 'must be the base64url public key from web-push generate-vapid-keys').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[\w-]{40,50}$/, 'must be the base64url private key from web-push generate-vapid-keys').optional(),
  /** Who push services can contact about this server's pushes: mailto: or https: URL. Default: mailto: with the MAIL_FROM address. */
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://').optional(),
  /** Let any SMART app register itself (RFC 7591 dynamic client registration at /oauth/reg). Always on in demo mode. */
  SMART_OPEN_REGISTRATION: bool.default(false),
  /** Stripe card payments (issue 8): secret key (sk_...), webhook signing secret (whsec_...) and publishable key (pk_...) for the web. Unset: only front-desk payments. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_\w+$/, 'must be a Stripe secret key (sk_live_... or sk_test_...)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_...)').optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_\w+$/, 'must be a Stripe publishable key (pk_live_... or pk_test_...)').optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoMode: boolean;
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
  cookieSecure: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  webDist: string | null;
  production: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  encryptionKeys: string | undefined;
  encryptionKeyId: string | undefined;
  tls: { certFile: string; keyFile: string } | null;
  trustProxy: boolean | number;
  rateLimitScale: number;
  /** FHIR API requests per minute per app (features/fhir-api); 300 when unset. */
  fhirRateLimitPerMinute?: number;
  /** Video visit join link template ({id} = appointment id); unset means `${publicUrl}/video/{id}`. */
  videoVisitUrl?: string | undefined;
  /** Web push keys from VAPID_*; null when not set (see platform/notifications/push.ts). */
  vapid: { publicKey: string; privateKey: string; subject: string } | null;
  vapidSubject: string;
  /** SMART apps may register themselves at /oauth/reg (SMART_OPEN_REGISTRATION; always on in demo mode). */
  smartOpenRegistration?: boolean;
  /** Stripe card payments; null unless all three STRIPE_* settings are set (features/billing/stripe-gateway.ts). */
  stripe?: { secretKey: string; webhookSecret: string; publishableKey: string } | null;
};

export class ConfigError extends Error {}

/** Parses settings from an environment object (process.env by default). Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) problems.push('  VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY: set both or neither');
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) problems.push('  TLS_CERT_FILE and TLS_KEY_FILE: set both or neither');
  const stripeSet = [e.STRIPE_SECRET_KEY, e.STRIPE_WEBHOOK_SECRET, e.STRIPE_PUBLISHABLE_KEY].filter(Boolean).length;
  if (stripeSet !== 0 && stripeSet !== 3) problems.push('  STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY: set all three or none');
  if (e.APP_ENV === 'production') {
    if (!e.ENCRYPTION_KEYS) problems.push('  ENCRYPTION_KEYS: required in production (generate one with: openssl rand -base64 32)');
    if (e.ENCRYPTION_KEYS && /(^|,)\s*dev:/.test(e.ENCRYPTION_KEYS)) problems.push('  ENCRYPTION_KEYS: the "dev" key id is reserved for the public development key');
    if (!e.SMTP_URL) problems.push('  SMTP_URL: required in production (password resets and codes are sent by email)');
    if (!e.PUBLIC_URL) problems.push('  PUBLIC_URL: required in production (links in emails, passkeys)');
    if (e.DEMO_MODE === true) problems.push('  DEMO_MODE: demo accounts with a published password are not allowed in production');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  const production = e.APP_ENV === 'production';
  const vapidSubject = e.VAPID_SUBJECT ?? `mailto:${/<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoMode: e.DEMO_MODE ?? (!e.DATABASE_URL && !production),
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionMaxSeconds: e.SESSION_MAX_HOURS * 3600,
    cookieSecure: e.COOKIE_SECURE,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST === undefined ? resolve(import.meta.dirname, '../../web/dist') : e.WEB_DIST || null,
    production,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    encryptionKeys: e.ENCRYPTION_KEYS,
    encryptionKeyId: e.ENCRYPTION_KEY_ID,
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: resolve(e.TLS_CERT_FILE), keyFile: resolve(e.TLS_KEY_FILE) } : null,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY,
    rateLimitScale: e.RATE_LIMIT_SCALE,
    fhirRateLimitPerMinute: e.FHIR_RATE_LIMIT_PER_MINUTE,
    videoVisitUrl: e.VIDEO_VISIT_URL,
    vapidSubject,
    smartOpenRegistration: e.SMART_OPEN_REGISTRATION,
    vapid: e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: vapidSubject } : null,
    stripe: e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET && e.STRIPE_PUBLISHABLE_KEY
      ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, publishableKey: e.STRIPE_PUBLISHABLE_KEY } : null,
  };
}
