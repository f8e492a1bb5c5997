// The state of the database for /api/health: whether it answers and how fast, and whether its
// schema is at the level of this code (the latest migration applied vs the latest in
// prisma/migrations). A load balancer or an orchestrator reads it: "behind" (code newer than the
// database: the migrations have not run) is unhealthy; "ahead" (the database migrated for a newer
// version, during a rolling upgrade) is healthy, since migrations keep the previous version working.
// Never reports an address, a user name or an error message: only states, names and numbers.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '@/lib/db/client';

export type MigrationState = 'current' | 'behind' | 'ahead' | 'unknown';

export type HealthReport = {
  status: 'ok' | 'database unreachable' | 'migrations behind';
  checkedAt: string;
  database: { reachable: boolean; latencyMs: number | null };
  migrations: {
    state: MigrationState;
    /** The latest migration applied to the database (by name, which starts with its time). */
    latestApplied: string | null;
    /** The latest migration this code ships. */
    latestInCode: string | null;
    /** Migrations of this code not applied (or not finished) in the database. */
    pending: number;
  };
};

export type HealthOptions = {
  /** prisma/migrations of the running code. */
  migrationsDir?: string;
  /** How long the database may take to answer before it counts as unreachable. */
  timeoutMs?: number;
  now?: () => Date;
};

const DEFAULT_MIGRATIONS_DIR = () => join(process.cwd(), 'prisma', 'migrations');

/** The migrations the code ships, read once per process and folder: code does not change while it runs. */
const shipped = new Map<string, Promise<string[]>>();

export function migrationsInCode(migrationsDir = DEFAULT_MIGRATIONS_DIR()): Promise<string[]> {
  let names = shipped.get(migrationsDir);
  if (!names) {
    // Read at run time from the deployed code (the Docker image copies prisma/migrations); the
    // bundler need not trace it.
    names = readdir(/* turbopackIgnore: true */ migrationsDir, { withFileTypes: true }).then((entries) =>
      entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort(),
    );
    // A failed read is tried again at the next check.
    names.catch(() => shipped.delete(migrationsDir));
    shipped.set(migrationsDir, names);
  }
  return names;
}

class TimedOut extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function checkHealth(db: Db, options: HealthOptions = {}): Promise<{ healthy: boolean; report: HealthReport }> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const checkedAt = (options.now?.() ?? new Date()).toISOString();
  const code = await migrationsInCode(options.migrationsDir).catch(() => null);
  const latestInCode = code?.at(-1) ?? null;

  const started = performance.now();
  try {
    await within(db.$queryRaw`SELECT 1`, timeoutMs);
  } catch {
    return {
      healthy: false,
      report: {
        status: 'database unreachable', checkedAt,
        database: { reachable: false, latencyMs: null },
        migrations: { state: 'unknown', latestApplied: null, latestInCode, pending: code?.length ?? 0 },
      },
    };
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;

  let applied: string[] | null;
  try {
    const rows = await within(
      db.$queryRaw<{ name: string }[]>`
        SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      timeoutMs,
    );
    applied = rows.map((row) => row.name);
  } catch (error) {
    // No migration table (undefined_table): nothing was ever applied. Anything else: unknown.
    applied = !(error instanceof TimedOut) && /42P01/.test(error instanceof Error ? error.message : String(error)) ? [] : null;
  }

  let state: MigrationState = 'unknown';
  let pending = 0;
  if (applied && code) {
    const done = new Set(applied);
    pending = code.filter((name) => !done.has(name)).length;
    const known = new Set(code);
    state = pending > 0 ? 'behind' : applied.some((name) => !known.has(name)) ? 'ahead' : 'current';
  }
  const healthy = state !== 'behind';
  return {
    healthy,
    report: {
      status: healthy ? 'ok' : 'migrations behind', checkedAt,
      database: { reachable: true, latencyMs },
      migrations: { state, latestApplied: applied?.at(-1) ?? null, latestInCode, pending },
    },
  };
}
