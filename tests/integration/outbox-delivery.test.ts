// Sending the outbox against real PostgreSQL and a real SMTP server (smtp-server on 127.0.0.1):
// each e-mail once, as written; kept when no SMTP server is configured; retried, then FAILED,
// when the server refuses; never re-sent after a sender died mid-send; sent again only when an
// administrator asks (audited). The outbox page's query and action are for administrators only.
// And what announce() writes exists only if its transaction commits.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { announce, recipientSelect } from '@/lib/notifications/announce';
import { inviteContributor } from '@/lib/team/mutations';
import { createMailTransport } from '@/lib/notifications/mailer';
import { deliverOutbox, LEASE_MS, MAX_ATTEMPTS, MAYBE_DELIVERED, requeueOutboxEmail } from '@/lib/notifications/outbox';
import { createTestDatabase } from '../support/test-database';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { message, signInAs } from '../support/action-context';

// The action runs outside a Next request: only the request-scoped parts of Next are supplied.
vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

process.env.NEXTAUTH_SECRET ??= 'test-secret-of-at-least-16-characters';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let sink: SmtpSink;

const FROM = 'Tracker tests <no-reply@example.test>';
const at = (time: string) => new Date(`2026-06-10T${time}Z`);
const minutes = (n: number) => n * 60 * 1000;

/** A new e-mail in the outbox, written as a change writes it (announce, in a transaction). */
async function announceReturned(users: { id: string }[], reference: string): Promise<string[]> {
  const recipients = await db.user.findMany({ where: { id: { in: users.map((user) => user.id) } }, select: recipientSelect });
  const before = new Set((await db.outboxEmail.findMany({ select: { id: true } })).map((row) => row.id));
  await db.$transaction((tx) => announce(tx, recipients, {
    type: 'REPORT_RETURNED',
    href: '/worklist',
    data: { entity: { en: 'Mexico', zh: '墨西哥' }, reference, cycle: { en: '[TEST] 2026 cycle' }, comment: '[TEST] Please add the figures.' },
  }));
  return (await db.outboxEmail.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true } })).map((row) => row.id).filter((id) => !before.has(id));
}

const rowsOf = (ids: string[]) =>
  db.outboxEmail.findMany({
    where: { id: { in: ids } }, orderBy: { createdAt: 'asc' },
    select: { id: true, toEmail: true, subject: true, body: true, state: true, attempts: true, lastError: true, sentAt: true, messageId: true, claimedAt: true },
  });

const receivedIds = () => sink.received.map((mail) => mail.outboxId);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  // lib/env.ts reads these on first use (links in e-mails, MAIL_FROM).
  process.env.DATABASE_URL = database.url;
  world = await createStatusWorld(db);
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
  await database?.drop();
});

describe('sending the outbox', () => {
  it('sends each e-mail once, from MAIL_FROM to its recipient, with its subject, body and outbox id', async () => {
    const ids = await announceReturned([world.users.focalMex, world.users.focalMex2, world.users.focalNga], '1(a)');
    expect(ids).toHaveLength(3);
    const transport = createMailTransport(sink.url)!;

    const result = await deliverOutbox(db, transport, { now: at('10:00:00'), batchSize: 2, from: FROM });
    expect(result).toEqual({ sent: 3, retried: 0, failed: 0, abandoned: 0 });
    const rows = await rowsOf(ids);
    for (const row of rows) {
      expect(row).toMatchObject({ state: 'SENT', attempts: 1, lastError: null, sentAt: at('10:00:00') });
      expect(row.messageId).toBeTruthy();
      const mail = sink.received.filter((received) => received.outboxId === row.id);
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ to: [row.toEmail], from: 'no-reply@example.test', subject: row.subject, text: row.body });
    }
    expect(rows.map((row) => row.subject)).toEqual(Array(3).fill('Returned for revision: Mexico, 1(a) ([TEST] 2026 cycle)'));

    // Nothing is sent twice.
    expect(await deliverOutbox(db, transport, { now: at('10:01:00'), from: FROM })).toEqual({ sent: 0, retried: 0, failed: 0, abandoned: 0 });
    expect(receivedIds().filter((id) => ids.includes(id!))).toHaveLength(3);
  });

  it('keeps an invitation link in the outbox until it is sent, and not after', async () => {
    const { id: userId } = await inviteContributor(db, world.users.focalMex, {
      entityId: world.entities.MEX, email: 'outbox-invitee@example.test', name: '[TEST] Invitee', locale: 'en',
    }, at('09:00:00'));
    const pending = await db.outboxEmail.findFirstOrThrow({ where: { userId, template: 'INVITATION' }, select: { id: true, body: true } });
    const link = /\/en\/invitations\/[A-Za-z0-9_-]{20,}/.exec(pending.body)?.[0];
    expect(link).toBeTruthy();
    await deliverOutbox(db, createMailTransport(sink.url), { now: at('09:01:00'), from: FROM });
    // The person received the link; the outbox keeps the e-mail without its token.
    expect(sink.received.find((mail) => mail.outboxId === pending.id)?.text).toContain(link);
    const kept = await db.outboxEmail.findUniqueOrThrow({ where: { id: pending.id }, select: { state: true, body: true } });
    expect(kept.state).toBe('SENT');
    expect(kept.body).not.toContain(link);
    expect(kept.body).toContain('/en/invitations/…');
  });

  it('keeps e-mails PENDING in the outbox when no SMTP server is configured', async () => {
    const ids = await announceReturned([world.users.focalNga], '1(b)');
    const received = sink.received.length;
    expect(await deliverOutbox(db, null, { now: at('10:02:00'), from: FROM })).toEqual({ sent: 0, retried: 0, failed: 0, abandoned: 0 });
    expect(await rowsOf(ids)).toMatchObject([{ state: 'PENDING', attempts: 0, claimedAt: null }]);
    expect(sink.received.length).toBe(received);

    // Once a server is configured, it goes out.
    await deliverOutbox(db, createMailTransport(sink.url), { now: at('10:03:00'), from: FROM });
    expect(await rowsOf(ids)).toMatchObject([{ state: 'SENT', attempts: 1 }]);
    expect(receivedIds().filter((id) => id === ids[0])).toHaveLength(1);
  });

  it('counts the attempts while the SMTP server refuses, and gives up after five', async () => {
    const [id] = await announceReturned([world.users.focalMex], '1(c)');
    const transport = createMailTransport(sink.url);
    sink.refusing = true;
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const result = await deliverOutbox(db, transport, { now: at(`11:0${attempt}:00`), from: FROM });
        const [row] = await rowsOf([id]);
        expect(row.attempts).toBe(attempt);
        expect(row.lastError).toMatch(/550/);
        expect(row.state).toBe(attempt < MAX_ATTEMPTS ? 'PENDING' : 'FAILED');
        expect(result).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1, failed: 0 } : { retried: 0, failed: 1 });
      }
      // A FAILED e-mail is not tried again.
      await deliverOutbox(db, transport, { now: at('11:30:00'), from: FROM });
      expect(await rowsOf([id])).toMatchObject([{ state: 'FAILED', attempts: MAX_ATTEMPTS }]);
    } finally {
      sink.refusing = false;
    }
    expect(receivedIds()).not.toContain(id);
  });

  it('never re-sends an e-mail left SENDING by a sender that died; after the lease it is FAILED, "maybe delivered"', async () => {
    const [stale, recent] = await announceReturned([world.users.focalMex, world.users.focalNga], '2(a)');
    const now = at('12:00:00');
    await db.outboxEmail.update({ where: { id: stale }, data: { state: 'SENDING', attempts: 1, claimedAt: new Date(now.getTime() - LEASE_MS - minutes(1)) } });
    await db.outboxEmail.update({ where: { id: recent }, data: { state: 'SENDING', attempts: 1, claimedAt: new Date(now.getTime() - minutes(5)) } });

    const result = await deliverOutbox(db, createMailTransport(sink.url), { now, from: FROM });
    expect(result).toMatchObject({ sent: 0, abandoned: 1 });
    const rows = new Map((await rowsOf([stale, recent])).map((row) => [row.id, row]));
    expect(rows.get(stale)).toMatchObject({ state: 'FAILED', attempts: 1, lastError: MAYBE_DELIVERED, sentAt: null });
    expect(rows.get(recent)).toMatchObject({ state: 'SENDING', attempts: 1 });
    expect(receivedIds()).not.toContain(stale);
    expect(receivedIds()).not.toContain(recent);

    // Still in doubt within the lease; given up once it has passed; never sent.
    await deliverOutbox(db, createMailTransport(sink.url), { now: new Date(now.getTime() + LEASE_MS), from: FROM });
    expect(await rowsOf([recent])).toMatchObject([{ state: 'FAILED', lastError: MAYBE_DELIVERED }]);
    expect(receivedIds()).not.toContain(recent);
  });

  it('sends each e-mail once when two senders run at the same time', async () => {
    const ids = [
      ...(await announceReturned([world.users.focalMex, world.users.focalMex2, world.users.focalNga], '3(a)')),
      ...(await announceReturned([world.users.focalMex, world.users.focalMex2, world.users.focalNga], '3(b)')),
    ];
    const results = await Promise.all([
      deliverOutbox(db, createMailTransport(sink.url), { now: at('13:00:00'), from: FROM }),
      deliverOutbox(db, createMailTransport(sink.url), { now: at('13:00:00'), from: FROM, batchSize: 2 }),
    ]);
    expect(results[0].sent + results[1].sent).toBe(6);
    expect((await rowsOf(ids)).every((row) => row.state === 'SENT' && row.attempts === 1)).toBe(true);
    for (const id of ids) expect(receivedIds().filter((received) => received === id)).toHaveLength(1);
  });

  it('stops between two e-mails when told to, and puts back what it claimed but did not send', async () => {
    const ids = await announceReturned([world.users.focalMex, world.users.focalMex2, world.users.focalNga], '4(a)');
    const stop = new AbortController();
    const transport = createMailTransport(sink.url)!;
    // The signal goes up while the first e-mail is being sent.
    const stopping = { sendMail: async (message: Parameters<typeof transport.sendMail>[0]) => { stop.abort(); return transport.sendMail(message); } };
    const result = await deliverOutbox(db, stopping, { now: at('14:00:00'), from: FROM, batchSize: 3, signal: stop.signal });
    expect(result.sent).toBe(1);
    const rows = await rowsOf(ids);
    expect(rows.map((row) => row.state).sort()).toEqual(['PENDING', 'PENDING', 'SENT']);
    expect(rows.filter((row) => row.state === 'PENDING').every((row) => row.attempts === 0)).toBe(true);

    await deliverOutbox(db, transport, { now: at('14:01:00'), from: FROM });
    for (const id of ids) expect(receivedIds().filter((received) => received === id)).toHaveLength(1);
  });
});

describe('sending a failed e-mail again', () => {
  it('is for administrators: puts it back in the queue with an audit row, and it is sent once', async () => {
    const [id] = await announceReturned([world.users.focalNga], '5(a)');
    await db.outboxEmail.update({ where: { id }, data: { state: 'FAILED', attempts: MAX_ATTEMPTS, lastError: '550 Mailbox unavailable' } });
    const audit = () => db.auditEvent.findMany({ where: { entityType: 'OutboxEmail', entityId: id }, select: { action: true, actorId: true, before: true, after: true } });

    for (const person of [world.users.secretariat, world.users.focalNga, world.users.viewer]) {
      expect(await requeueOutboxEmail(db, person, id)).toBe('forbidden');
    }
    expect(await rowsOf([id])).toMatchObject([{ state: 'FAILED', attempts: MAX_ATTEMPTS }]);
    expect(await audit()).toEqual([]);

    expect(await requeueOutboxEmail(db, world.users.admin, id)).toBe('requeued');
    expect(await rowsOf([id])).toMatchObject([{ state: 'PENDING', attempts: 0, lastError: null }]);
    expect(await audit()).toEqual([{
      action: 'outbox.requeue', actorId: world.users.admin.id,
      before: { state: 'FAILED', attempts: MAX_ATTEMPTS, lastError: '550 Mailbox unavailable' }, after: { state: 'PENDING', attempts: 0 },
    }]);
    // Twice (two administrators at once, or a second click) requeues it once.
    expect(await requeueOutboxEmail(db, world.users.admin, id)).toBe('not-failed');
    expect(await requeueOutboxEmail(db, world.users.admin, 'no-such-email')).toBe('not-found');
    expect(await audit()).toHaveLength(1);

    await deliverOutbox(db, createMailTransport(sink.url), { now: at('15:00:00'), from: FROM });
    expect(await rowsOf([id])).toMatchObject([{ state: 'SENT', attempts: 1 }]);
    expect(receivedIds().filter((received) => received === id)).toHaveLength(1);
  });

  it('requeues once when two administrators ask at the same time', async () => {
    const [id] = await announceReturned([world.users.focalNga], '5(b)');
    await db.outboxEmail.update({ where: { id }, data: { state: 'FAILED', attempts: 1, lastError: MAYBE_DELIVERED } });
    const outcomes = await Promise.all([requeueOutboxEmail(db, world.users.admin, id), requeueOutboxEmail(db, world.users.admin, id)]);
    expect(outcomes.sort()).toEqual(['not-failed', 'requeued']);
    expect(await db.auditEvent.count({ where: { entityType: 'OutboxEmail', entityId: id } })).toBe(1);
  });
});

describe('the outbox page', () => {
  const sessionOf = (fixture: StatusWorld['users']['admin']): SessionUser => ({
    id: fixture.id, email: fixture.email, name: fixture.email, role: fixture.role, entityId: fixture.entityId, entity: null, locale: 'en', seesWholeWorklist: false,
  });
  const isNotFound = (promise: Promise<unknown>) =>
    promise.then(() => false, (error: unknown) => String((error as { digest?: string })?.digest ?? '').includes('404'));

  it('lists the e-mails newest first, 50 a page, filtered by state, for administrators only', async () => {
    const { listOutbox } = await import('@/lib/notifications/outbox-queries');
    const admin = sessionOf(world.users.admin);
    const total = await db.outboxEmail.count();
    const all = await listOutbox(admin, {});
    expect(all).toMatchObject({ smtpConfigured: false, total, page: 1, pages: Math.ceil(total / 50) });
    const newest = await db.outboxEmail.findFirstOrThrow({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } });
    expect(all.rows[0].id).toBe(newest.id);
    expect(Object.values(all.counts).reduce((sum, count) => sum + count, 0)).toBe(total);

    const failed = await listOutbox(admin, { state: 'FAILED' });
    expect(failed.rows.length).toBe(all.counts.FAILED);
    expect(failed.rows.every((row) => row.state === 'FAILED')).toBe(true);

    await db.outboxEmail.createMany({ data: Array.from({ length: 60 }, (_, index) => ({ toEmail: `bulk-${index}@example.test`, locale: 'en', template: 'REPORT_ACCEPTED', subject: `[TEST] ${index}`, body: '[TEST]' })) });
    const second = await listOutbox(admin, { page: 2 });
    expect(second.rows).toHaveLength(Math.min(50, total + 60 - 50));
    expect(second.page).toBe(2);

    for (const person of [world.users.secretariat, world.users.focalMex, world.users.viewer]) {
      expect(await isNotFound(listOutbox(sessionOf(person), {}))).toBe(true);
    }
  });

  it('sends a failed e-mail again through its action only when an administrator asks', async () => {
    const { requeueOutboxEmailAction } = await import('@/lib/notifications/outbox-actions');
    const [id] = await announceReturned([world.users.focalNga], '6(a)');
    await db.outboxEmail.update({ where: { id }, data: { state: 'FAILED', attempts: MAX_ATTEMPTS, lastError: '550 Mailbox unavailable' } });
    const form = (value: string) => {
      const data = new FormData();
      data.set('id', value);
      return data;
    };

    for (const person of [null, world.users.secretariat, world.users.focalNga, world.users.viewer]) {
      signInAs(person);
      const state = await requeueOutboxEmailAction(null, form(id));
      expect(state).toMatchObject({ ok: false, message: message('actions', person ? 'forbidden' : 'signedOut') });
    }
    expect(await rowsOf([id])).toMatchObject([{ state: 'FAILED' }]);

    signInAs(world.users.admin);
    expect(await requeueOutboxEmailAction(null, form(id))).toEqual({ ok: true, data: { outcome: 'requeued' } });
    expect(await requeueOutboxEmailAction(null, form(id))).toEqual({ ok: true, data: { outcome: 'not-failed' } });
    expect(await rowsOf([id])).toMatchObject([{ state: 'PENDING', attempts: 0 }]);
    expect(await db.auditEvent.findMany({ where: { entityType: 'OutboxEmail', entityId: id }, select: { action: true, actorId: true } }))
      .toEqual([{ action: 'outbox.requeue', actorId: world.users.admin.id }]);
    signInAs(null);
  });
});

describe('announce()', () => {
  it('writes nothing when the transaction it is part of rolls back', async () => {
    const before = { notifications: await db.notification.count(), emails: await db.outboxEmail.count() };
    const recipients = await db.user.findMany({ where: { id: { in: [world.users.focalMex.id, world.users.focalNga.id] } }, select: recipientSelect });
    const failure = new Error('forced failure after announce');
    await expect(db.$transaction(async (tx) => {
      await announce(tx, recipients, { type: 'REPORT_ACCEPTED', href: '/worklist', data: { count: 2, entity: { en: 'Mexico' }, cycle: { en: '[TEST] 2026' } } });
      // It did write, inside the transaction.
      expect(await tx.outboxEmail.count()).toBe(before.emails + 2);
      throw failure;
    })).rejects.toBe(failure);
    expect({ notifications: await db.notification.count(), emails: await db.outboxEmail.count() }).toEqual(before);
  });
});
