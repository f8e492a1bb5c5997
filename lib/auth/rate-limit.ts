// Counters in PostgreSQL, so every instance of the app shares them: fixed windows for the
// open-data API (hitRateLimit), and growing delays between sign-in attempts (admitSignIn).
import type { Db } from '@/lib/db/client';

export type Limit = { max: number; windowSeconds: number };

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

/**
 * Sign-in throttles. Never a lock: after `free` failures, each further attempt must wait a
 * delay that doubles from `baseDelaySeconds` up to `maxDelaySeconds`, and one failure is
 * forgiven every `leakSeconds`. They count per (account, address) pair, so that failures
 * from elsewhere never keep an account's owner out, and per address, so that one address
 * trying many accounts slows down. Only attempts whose password was checked count.
 */
export type Throttle = { free: number; leakSeconds: number; baseDelaySeconds: number; maxDelaySeconds: number };

export const SIGN_IN_THROTTLES = {
  pair: { free: 5, leakSeconds: 15 * 60, baseDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
  address: { free: 30, leakSeconds: 60, baseDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
} satisfies Record<string, Throttle>;

/** A throttle's stored state: failures counted, and when the last counted attempt was made. */
export type ThrottleRow = { count: number; lastAt: Date };

/** Failures still held against a key at `now`, and how long its next attempt must wait (seconds). */
export function throttleState(throttle: Throttle, row: ThrottleRow | null, now: Date): { failures: number; waitSeconds: number } {
  if (!row) return { failures: 0, waitSeconds: 0 };
  const elapsed = Math.max(0, (now.getTime() - row.lastAt.getTime()) / 1000);
  const failures = Math.max(0, row.count - Math.floor(elapsed / throttle.leakSeconds));
  if (failures < throttle.free) return { failures, waitSeconds: 0 };
  const delay = Math.min(throttle.baseDelaySeconds * 2 ** (failures - throttle.free), throttle.maxDelaySeconds);
  return { failures, waitSeconds: Math.max(0, Math.ceil(delay - elapsed)) };
}

export type SignInKeys = { pair: string; address: string };

export function signInKeys(email: string, address: string): SignInKeys {
  return { pair: `sign-in:pair:${email}|${address}`, address: `sign-in:address:${address}` };
}

export type Admission =
  | { admitted: true; at: Date; previous: Record<keyof SignInKeys, ThrottleRow>; counted: Record<keyof SignInKeys, number> }
  | { admitted: false; retryAfterSeconds: number };

/**
 * Lets one sign-in attempt through, counting it in advance against both keys, or says how long to
 * wait without counting anything. Atomic across servers: concurrent attempts are admitted one at
 * a time, so a burst gets no more password checks than the allowance.
 */
export async function admitSignIn(db: Db, keys: SignInKeys, now: Date): Promise<Admission> {
  const kinds = (Object.keys(keys) as (keyof SignInKeys)[]).sort((a, b) => keys[a].localeCompare(keys[b]));
  const admission = await db.$transaction(async (tx): Promise<Admission> => {
    // Rows are created and locked in one order (by key), so that two attempts never deadlock.
    for (const kind of kinds) {
      await tx.$executeRaw`INSERT INTO "RateLimitCounter" ("key", "count", "windowStart") VALUES (${keys[kind]}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`;
    }
    const rows = await tx.$queryRaw<{ key: string; count: number; windowStart: Date }[]>`
      SELECT "key", "count", "windowStart" FROM "RateLimitCounter" WHERE "key" IN (${keys.pair}, ${keys.address}) ORDER BY "key" FOR UPDATE`;
    const previous = Object.fromEntries(kinds.map((kind) => {
      const row = rows.find((candidate) => candidate.key === keys[kind])!;
      return [kind, { count: row.count, lastAt: row.windowStart }];
    })) as Record<keyof SignInKeys, ThrottleRow>;
    const states = Object.fromEntries(kinds.map((kind) => [kind, throttleState(SIGN_IN_THROTTLES[kind], previous[kind], now)])) as Record<keyof SignInKeys, { failures: number; waitSeconds: number }>;
    const wait = Math.max(...kinds.map((kind) => states[kind].waitSeconds));
    if (wait > 0) return { admitted: false, retryAfterSeconds: wait };
    const counted = Object.fromEntries(kinds.map((kind) => [kind, states[kind].failures + 1])) as Record<keyof SignInKeys, number>;
    for (const kind of kinds) {
      await tx.$executeRaw`UPDATE "RateLimitCounter" SET "count" = ${counted[kind]}, "windowStart" = ${now} WHERE "key" = ${keys[kind]}`;
    }
    return { admitted: true, at: now, previous, counted };
  });
  // Keys of addresses and e-mails tried once and never again would pile up: now and then, clear
  // those untouched for a day (every throttle has forgiven everything by then).
  if (Math.random() < 0.02) {
    const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
    await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" LIKE 'sign-in:%' AND "windowStart" < ${dayAgo}`;
  }
  return admission;
}

/**
 * After a right password: the pair's failures are forgotten, and the address gets back the
 * attempt it was charged (unless other attempts were counted since, it is as it was before).
 * A success never erases the address's earlier failures: an address that signs in to an account
 * of its own between guesses at others must not reset its count.
 */
export async function settleSuccessfulSignIn(db: Db, keys: SignInKeys, admission: Extract<Admission, { admitted: true }>): Promise<void> {
  const { previous, counted, at } = admission;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${keys.pair}`;
    await tx.$executeRaw`
      UPDATE "RateLimitCounter" SET
        "count" = CASE WHEN "count" = ${counted.address} AND "windowStart" = ${at} THEN ${previous.address.count} ELSE GREATEST("count" - 1, 0) END,
        "windowStart" = CASE WHEN "count" = ${counted.address} AND "windowStart" = ${at} THEN ${previous.address.lastAt} ELSE "windowStart" END
      WHERE "key" = ${keys.address}`;
  });
}
