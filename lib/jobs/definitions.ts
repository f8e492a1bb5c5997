// The job queue's shape, shared by the application that runs it (queue.ts) and the migrations
// that install it (lib/db/migrations.ts): pg-boss's schema and queues are created by the database
// owner with the rest of the schema, so that the application's own role, which owns nothing and
// may create nothing (lib/db/app-role.ts), can run the queue with plain reads and writes.
import PgBoss from 'pg-boss';
import { log } from '@/lib/log';

export const OUTBOX_QUEUE = 'outbox-deliver';
export const REMINDERS_QUEUE = 'deadline-reminders';
export const JOBS_SCHEMA = 'pgboss';
/** Every minute; every hour, on the hour (UTC). */
export const SCHEDULES = { [OUTBOX_QUEUE]: '* * * * *', [REMINDERS_QUEUE]: '0 * * * *' } as const;
export const QUEUES = [OUTBOX_QUEUE, REMINDERS_QUEUE] as const;

/** Retried by the next run (every minute, every hour), not by pg-boss; at most one waiting and one running. */
export const queueOptions = (name: string) => ({ name, policy: 'stately' as const, retryLimit: 0, expireInSeconds: 15 * 60 });

/** Creates (or brings up to date) the queue's schema and its queues, then lets go: no worker runs. */
export async function installJobQueue(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOBS_SCHEMA, application_name: 'tracker-migrate', max: 1, supervise: false, schedule: false });
  boss.on('error', (error) => log.error({ component: 'jobs', err: error }, 'Installing the job queue'));
  await boss.start();
  try {
    for (const name of QUEUES) await boss.createQueue(name, queueOptions(name));
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
