// The one place that reads process.env. Parsed lazily: `next build` imports server modules
// without a database, and a missing variable must fail with a clear message where it is used.
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is not set: run `npm start`, which provides a database, or set it.'),
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters.'),
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
