// The job queue: pg-boss, in the application's own PostgreSQL (schema "pgboss"), started with
// the application (instrumentation.ts), so no other service is needed. Two jobs:
//
// - outbox-deliver sends the outbox (lib/notifications/outbox.ts): every minute, and at once
//   when a change has just committed e-mails (requestOutboxDelivery). Requests are coalesced:
//   the queue holds at most one waiting and one running delivery (policy "stately").
// - deadline-reminders gives the reminders due (lib/notifications/reminders.ts): every hour.
//
// Several processes may run the queue on one database; both jobs are safe to run at once.
// Free of Next imports: the process's state is kept on globalThis, because Next bundles
// instrumentation.ts apart from the server actions that call requestOutboxDelivery().
import PgBoss from 'pg-boss';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { createMailTransport, type MailTransport } from '@/lib/notifications/mailer';
import { deliverOutbox } from '@/lib/notifications/outbox';
import { runDeadlineReminders } from '@/lib/notifications/reminders';

import { JOBS_SCHEMA, OUTBOX_QUEUE, QUEUES, queueOptions, REMINDERS_QUEUE, SCHEDULES } from './definitions';
import { log as logger } from '@/lib/log';

export { JOBS_SCHEMA, OUTBOX_QUEUE, REMINDERS_QUEUE, SCHEDULES };
const SINGLETON = { singletonKey: 'tracker' } as const;

export type StartJobsOptions = {
  /** How often idle workers look for jobs, in seconds (at least 0.5). Requests from this process wake the outbox worker at once. */
  pollingIntervalSeconds?: number;
  /** The transport to send with; by default one from SMTP_URL (null: keep e-mails in the outbox). */
  transport?: MailTransport | null;
  /** E-mails a delivery claims at a time. */
  batchSize?: number;
  /** The clock the jobs read (tests). */
  clock?: () => Date;
  log?: (line: string) => void;
};

type Running = {
  boss: PgBoss;
  db: Db;
  transport: MailTransport | null;
  outboxWorker: string;
  /** Tells a delivery in progress to stop between two e-mails. */
  stopping: AbortController;
  /** Handlers in progress, awaited before the database client closes. */
  inFlight: Set<Promise<unknown>>;
  log: (line: string) => void;
};

/**
 * The process's queue. `stop` is there for the HTTP server's own shutdown (scripts/serve.mjs),
 * which may await it before it exits: `await globalThis.__trackerJobs?.stop?.()`.
 */
type Holder = { running?: Running; starting?: Promise<Running>; stopping?: Promise<void>; stop?: () => Promise<void> };
const holder: Holder = ((globalThis as { __trackerJobs?: Holder }).__trackerJobs ??= {});

const defaultLog = (line: string) => logger.info({ component: 'jobs' }, line);

/**
 * The application's start (instrumentation.ts): the queue on DATABASE_URL unless JOBS=0, stopped
 * gracefully on SIGTERM and SIGINT. A failure to start is logged, not thrown: the application
 * still serves, and e-mails wait in the outbox.
 */
export async function startJobsWithApp(): Promise<void> {
  const config = env();
  if (config.JOBS === '0') {
    defaultLog('JOBS=0: this process does not run the job queue; e-mails wait in the outbox for a process that does.');
    return;
  }
  try {
    await startJobs(config.DATABASE_URL);
  } catch (error) {
    logger.error({ component: 'jobs', err: error }, 'The job queue could not start; e-mails stay in the outbox.');
    return;
  }
  const stop = () => void stopJobs().catch((error: unknown) => logger.error({ component: 'jobs', err: error }, 'Stopping the job queue failed.'));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  holder.stop = stopJobs;
}

/** Starts the queue and its workers in this process; a second call while it runs does nothing. */
export async function startJobs(databaseUrl: string, options: StartJobsOptions = {}): Promise<void> {
  if (holder.stopping) await holder.stopping;
  if (holder.running) return;
  holder.starting ??= start(databaseUrl, options).finally(() => { holder.starting = undefined; });
  holder.running = await holder.starting;
}

async function start(databaseUrl: string, options: StartJobsOptions): Promise<Running> {
  const log = options.log ?? defaultLog;
  const clock = options.clock ?? (() => new Date());
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
  const transport = options.transport !== undefined ? options.transport : createMailTransport();

  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOBS_SCHEMA, application_name: 'tracker-jobs', max: 4 });
  boss.on('error', (error) => logger.error({ component: 'jobs', err: error }, 'Job queue error'));
  const db = createPrismaClient(databaseUrl);
  try {
    await boss.start();
    for (const name of QUEUES) {
      // Installed with the migrations; here it changes nothing unless they were skipped.
      await boss.createQueue(name, queueOptions(name));
      await boss.schedule(name, SCHEDULES[name], {}, { ...SINGLETON, tz: 'UTC' });
    }
    const stopping = new AbortController();
    const inFlight = new Set<Promise<unknown>>();
    const track = (work: () => Promise<unknown>) => async () => {
      const promise = work();
      inFlight.add(promise);
      try {
        return await promise;
      } finally {
        inFlight.delete(promise);
      }
    };
    const deliver = track(() => deliverOutbox(db, transport, { now: clock(), batchSize: options.batchSize, signal: stopping.signal }));
    const remind = track(async () => {
      const reminded = await runDeadlineReminders(db, clock());
      if (reminded > 0) log(`Deadline reminders given to ${reminded} ${reminded === 1 ? 'person' : 'people'}.`);
    });
    const outboxWorker = await boss.work(OUTBOX_QUEUE, polling, deliver);
    await boss.work(REMINDERS_QUEUE, polling, remind);
    // What accumulated while the application was down goes out now, and a reminder due now is given.
    await boss.send(OUTBOX_QUEUE, {}, SINGLETON);
    await boss.send(REMINDERS_QUEUE, {}, SINGLETON);
    log(transport
      ? 'Job queue started: e-mails are sent through the SMTP server (SMTP_URL); deadline reminders every hour.'
      : 'Job queue started: no SMTP server is configured (SMTP_URL), so e-mails are kept in the outbox (/en/outbox) and not sent; deadline reminders every hour.');
    return { boss, db, transport, outboxWorker, stopping, inFlight, log };
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    await db.$disconnect();
    transport?.close?.();
    throw error;
  }
}

/**
 * Stops the workers gracefully: no new job is fetched, a delivery in progress stops after the
 * e-mail it is sending (the others it claimed go back to PENDING), then the connections close.
 */
export async function stopJobs(): Promise<void> {
  if (holder.starting) await holder.starting.catch(() => {});
  const running = holder.running;
  if (!running) return holder.stopping;
  holder.running = undefined;
  holder.stopping = (async () => {
    running.stopping.abort();
    await running.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    await Promise.allSettled([...running.inFlight]);
    running.transport?.close?.();
    await running.db.$disconnect();
    running.log('Job queue stopped.');
  })().finally(() => { holder.stopping = undefined; });
  return holder.stopping;
}

/** Whether this process runs the queue. */
export function jobsRunning(): boolean {
  return Boolean(holder.running);
}

/**
 * Asks for the outbox to be sent now, after a transaction that wrote e-mails has committed.
 * Does nothing when this process does not run the queue (the every-minute run sends them); a
 * failure to ask is logged, never thrown: the change it follows has already happened.
 */
export async function requestOutboxDelivery(): Promise<void> {
  const running = holder.running;
  if (!running) return;
  try {
    await running.boss.send(OUTBOX_QUEUE, {}, SINGLETON);
    running.boss.notifyWorker(running.outboxWorker);
  } catch (error) {
    logger.error({ component: 'jobs', err: error }, 'Could not request the delivery of the outbox; the next scheduled run will send it.');
  }
}
