// Fixed-window counters in PostgreSQL, so every instance of the app shares them.
import type { Db } from '@/lib/db/client';

export type Limit = { max: number; windowSeconds: number };

/** Sign-in failures allowed before an account or an address must wait. */
export const SIGN_IN_LIMITS = {
  account: { max: 5, windowSeconds: 15 * 60 },
  address: { max: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

/** Counts one attempt and tells whether the key is now over its limit. Atomic. */
export async function hitRateLimit(db: Db, key: string, limit: Limit): Promise<{ blocked: boolean; retryAfterSeconds: number }> {
  const rows = await db.$queryRaw<{ count: number; retry: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" < now() - make_interval(secs => ${limit.windowSeconds})
                     THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitCounter"."windowStart" < now() - make_interval(secs => ${limit.windowSeconds})
                     THEN now() ELSE "RateLimitCounter"."windowStart" END
    RETURNING "count",
      CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${limit.windowSeconds}) - now())))::int AS "retry"`;
  const row = rows[0]!;
  // Counters of addresses and e-mails tried once and never again would pile up: now and then,
  // clear those whose window ended long ago.
  if (Math.random() < 0.02) await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "windowStart" < now() - interval '1 day'`;
  return { blocked: row.count > limit.max, retryAfterSeconds: Math.max(row.retry, 1) };
}

/** Takes back one counted attempt (a success is not held against an address). */
export async function releaseRateLimit(db: Db, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitCounter" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${key}`;
}
