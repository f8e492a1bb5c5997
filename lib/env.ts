// The one place that reads process.env. Parsed lazily: `next build` imports server modules
// without a database, and a missing variable must fail with a clear message where it is used.
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is not set: run `npm start`, which provides a database, or set it.'),
  // Counted in bytes, as the secret is used: 32 random bytes in base64url are 43 characters.
  NEXTAUTH_SECRET: z.string().refine((value) => Buffer.byteLength(value, 'utf8') >= 32, {
    error: 'NEXTAUTH_SECRET must be at least 32 bytes: generate one with node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64url\'))".',
  }),
  /** Hours without a request after which a session ends (it ends 30 days after sign-in whatever the activity). */
  SESSION_IDLE_HOURS: z.coerce.number({ error: 'SESSION_IDLE_HOURS must be a number of hours, such as 8.' })
    .positive('SESSION_IDLE_HOURS must be more than 0.').max(720, 'SESSION_IDLE_HOURS must be at most 720 (30 days).').default(8),
  /** Requests a minute the open-data API answers per client (per account when signed in, else per address). */
  OPEN_DATA_REQUESTS_PER_MINUTE: z.coerce.number({ error: 'OPEN_DATA_REQUESTS_PER_MINUTE must be a whole number of requests, such as 600.' })
    .int('OPEN_DATA_REQUESTS_PER_MINUTE must be a whole number of requests, such as 600.').min(1, 'OPEN_DATA_REQUESTS_PER_MINUTE must be at least 1.').default(600),
  /** Read by scripts/serve.mjs; here only to warn when requests come through a proxy it does not trust. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /** The address people reach the application at; links in e-mails start with it. */
  /** Single sign-on through an OpenID Connect provider (Microsoft Entra ID, for one): all three, or none. */
  OIDC_ISSUER: z.url('OIDC_ISSUER must be the provider\'s issuer address, such as https://login.microsoftonline.com/<tenant>/v2.0.').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button. */
  OIDC_NAME: z.string().min(1).max(80).default('single sign-on'),
  /** "1" when the provider itself requires a second factor: then it stands for two-step sign-in here too. */
  OIDC_ENFORCES_MFA: z.enum(['0', '1']).default('0'),
  NEXTAUTH_URL: z.url('NEXTAUTH_URL must be an address such as https://tracker.example.org.').default('http://localhost:3000'),
  /** Where e-mails are sent (smtp://user:password@host:587, smtps://…). Without it, they stay in the outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://.').optional(),
  MAIL_FROM: z.string().min(3).default('Drug Policy Commitments Tracker <no-reply@localhost>'),
  /** "0" keeps this process from running the job queue's workers (e-mail, reminders). */
  JOBS: z.enum(['0', '1']).default('1'),
  /** Set by `npm start` when it runs on the embedded database with demo data. */
  DEMO_MODE: z.enum(['0', '1']).default('0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

export function isDemoMode(): boolean {
  return env().DEMO_MODE === '1';
}

/** How much the logger says: LOG_LEVEL, else "info" (tests: "silent", unless LOG_LEVEL says otherwise). */
/**
 * The roles that must sign in with a second factor: MFA_REQUIRED_ROLES (comma-separated), by
 * default the administrators and the secretariat. Read at each use (tests change it).
 */
export function mfaRequiredRoles(): string[] {
  const value = process.env.MFA_REQUIRED_ROLES;
  return (value === undefined ? 'ADMIN,SECRETARIAT' : value).split(',').map((role) => role.trim().toUpperCase()).filter(Boolean);
}

/** The key that seals TOTP secrets at rest: MFA_ENCRYPTION_KEY, else NEXTAUTH_SECRET. */
export function mfaSealingKey(): string {
  return process.env.MFA_ENCRYPTION_KEY || env().NEXTAUTH_SECRET;
}

export function logLevel(): string {
  const level = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().safeParse(process.env.LOG_LEVEL);
  return (level.success && level.data) || (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
}

/**
 * An absolute address in the application, for links that leave it (e-mails). Needs only
 * NEXTAUTH_URL, not the rest of the environment: mutations run from scripts and tests too.
 */
export function appUrl(path: string): string {
  return new URL(path, schema.shape.NEXTAUTH_URL.parse(process.env.NEXTAUTH_URL)).toString();
}
