// The job queue (pg-boss in the test database) with a real SMTP server: it delivers the outbox,
// survives being stopped mid-way and started again (a restart of the application) with e-mails
// written while it was down, and every e-mail arrives exactly once. Its schedules are registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createMailTransport } from '@/lib/notifications/mailer';
import { jobsRunning, OUTBOX_QUEUE, REMINDERS_QUEUE, requestOutboxDelivery, SCHEDULES, startJobs, stopJobs } from '@/lib/jobs/queue';
import { createTestDatabase } from '../support/test-database';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

process.env.NEXTAUTH_SECRET ??= 'test-secret-of-at-least-16-characters';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let sink: SmtpSink;
const logged: string[] = [];

let written = 0;
/** `count` e-mails in the outbox, as a committed change leaves them. */
async function writeEmails(count: number): Promise<void> {
  await db.outboxEmail.createMany({
    data: Array.from({ length: count }, () => {
      written += 1;
      return { toEmail: `person-${written}@example.test`, locale: 'en', template: 'REPORT_ACCEPTED', subject: `[TEST] E-mail ${written}`, body: `[TEST] Body ${written}.` };
    }),
  });
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const start = () => startJobs(database.url, { transport: createMailTransport(sink.url), pollingIntervalSeconds: 0.5, log: (line) => logged.push(line) });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  // A slow server, so that the queue is stopped while e-mails are still waiting.
  sink = await startSmtpSink({ delayMs: 40 });
});

afterAll(async () => {
  await stopJobs();
  await sink?.close();
  await database?.drop();
});

describe('the job queue', () => {
  it('delivers every e-mail exactly once across a stop and a restart, with e-mails written while it was down', async () => {
    await writeEmails(15);
    // Starting twice in one process starts it once.
    await Promise.all([start(), start()]);
    expect(jobsRunning()).toBe(true);
    expect(logged.filter((line) => line.startsWith('Job queue started'))).toHaveLength(1);
    expect(logged[0]).toMatch(/e-mails are sent through the SMTP server/);

    await sink.waitFor(3);
    await stopJobs();
    expect(jobsRunning()).toBe(false);
    // Stopped gracefully: nothing is left claimed, and what was claimed and not sent is waiting again.
    expect(await db.outboxEmail.count({ where: { state: { in: ['SENDING', 'FAILED'] } } })).toBe(0);
    const sentBeforeRestart = await db.outboxEmail.count({ where: { state: 'SENT' } });
    expect(sentBeforeRestart).toBe(sink.received.length);
    expect(sentBeforeRestart).toBeGreaterThanOrEqual(3);

    await writeEmails(10);
    await start();
    await waitUntil(async () => (await db.outboxEmail.count({ where: { state: 'SENT' } })) === 25, 'all 25 e-mails are sent');

    const ids = (await db.outboxEmail.findMany({ select: { id: true } })).map((row) => row.id).sort();
    expect(ids).toHaveLength(25);
    expect(sink.received.map((mail) => mail.outboxId).sort()).toEqual(ids);
    expect(await db.outboxEmail.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });

  it('sends at once when asked after a commit', async () => {
    const received = sink.received.length;
    await writeEmails(1);
    await requestOutboxDelivery();
    await sink.waitFor(received + 1);
    expect(sink.received.at(-1)!.subject).toBe(`[TEST] E-mail ${written}`);
  });

  it('registers the outbox every minute and the deadline reminders every hour', async () => {
    const schedules = await db.$queryRaw<{ name: string; cron: string }[]>`SELECT "name", "cron" FROM "pgboss"."schedule" ORDER BY "name"`;
    expect(schedules).toEqual([
      { name: REMINDERS_QUEUE, cron: SCHEDULES[REMINDERS_QUEUE] },
      { name: OUTBOX_QUEUE, cron: SCHEDULES[OUTBOX_QUEUE] },
    ]);
    expect(SCHEDULES).toEqual({ [OUTBOX_QUEUE]: '* * * * *', [REMINDERS_QUEUE]: '0 * * * *' });
  });

  it('keeps e-mails in the outbox when no SMTP server is configured, and says so', async () => {
    await stopJobs();
    logged.length = 0;
    await startJobs(database.url, { transport: null, pollingIntervalSeconds: 0.5, log: (line) => logged.push(line) });
    expect(logged[0]).toMatch(/no SMTP server is configured \(SMTP_URL\), so e-mails are kept in the outbox/);
    await writeEmails(1);
    const [email] = await db.outboxEmail.findMany({ where: { state: 'PENDING' }, select: { id: true } });
    const [{ since }] = await db.$queryRaw<{ since: Date }[]>`SELECT now() AS "since"`;
    await requestOutboxDelivery();
    // A delivery that started after the e-mail was written has run to its end without claiming it.
    await waitUntil(async () => {
      const [row] = await db.$queryRaw<{ done: number }[]>`
        SELECT COUNT(*)::int AS "done" FROM "pgboss"."job"
        WHERE "name" = ${OUTBOX_QUEUE} AND "state" = 'completed' AND "started_on" > ${since}`;
      return row.done > 0;
    }, 'a delivery has run');
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: email.id }, select: { state: true, attempts: true } })).toEqual({ state: 'PENDING', attempts: 0 });
    await stopJobs();
  });
});
