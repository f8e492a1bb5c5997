// Builds a Prisma client for a connection string. The app uses the singleton in lib/db.ts;
// scripts and tests build their own for the database they were given.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { withAuditLog } from '@/lib/audit/record';
import { log } from '@/lib/log';

function newClient(connectionString: string) {
  return new PrismaClient({
    // A database that accepts connections and never answers must not pile requests up forever.
    // No parallel workers: the application's queries take milliseconds, and under concurrent
    // requests a worker process started per query (seen in the benchmark) costs more than it saves.
    adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 10_000, options: '-c max_parallel_workers_per_gather=0' }, {
      // A connection the server dropped (a restart) is replaced at the next query; say so, once.
      onPoolError: (error) => log.warn({ err: error }, 'database connection lost'),
    }),
    // Secrets never leave the database layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true, totpSecret: true } },
  });
}

export type Db = ReturnType<typeof newClient>;

export function createPrismaClient(connectionString: string): Db {
  const client = newClient(connectionString);
  // Every transaction logs its audited changes once it has committed (lib/audit/record.ts).
  const transaction = ((...args: Parameters<Db['$transaction']>) =>
    withAuditLog(() => (client.$transaction as (...all: unknown[]) => Promise<unknown>)(...args))) as Db['$transaction'];
  return new Proxy(client, {
    get(target, property) {
      if (property === '$transaction') return transaction;
      const value = Reflect.get(target, property, target);
      // The client's own methods keep the client as `this` (it has private state).
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
