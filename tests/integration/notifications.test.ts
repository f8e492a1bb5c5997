// Notifications and their e-mails, against real PostgreSQL: who hears of a returned or accepted
// report and of a cycle opening, in whose language; acceptances adding up into one message;
// nothing written unless the change commits; and a person's own inbox (count, list, read).
// Every text here is synthetic; dates are inside the open 2026 cycle, so nothing depends on the clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { getURLFromRedirectError } from 'next/dist/client/components/redirect';
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { log } from '@/lib/log';
import { appUrl } from '@/lib/env';
import { changeCycleState, createCycle } from '@/lib/cycles/mutations';
import { announce, recipientSelect } from '@/lib/notifications/announce';
import { markAllNotificationsRead, openNotification } from '@/lib/notifications/inbox-mutations';
import { unDate } from '@/lib/notifications/reminders';
import { reportPath } from '@/lib/status-reports/paths';
import { acceptStatusReports, reviewStatusReport, saveStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import { acceptInvitation, assignCommitments, inviteContributor } from '@/lib/team/mutations';
import { message, signInAs } from '../support/action-context';
import { createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

// The inbox's queries read the app's own client (lib/db.ts); its actions read a session. Only the
// request-scoped parts of Next are supplied (tests/support/action-context.ts).
vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

type InboxQueries = typeof import('@/lib/notifications/inbox-queries');
type InboxActions = typeof import('@/lib/notifications/inbox-actions');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let inbox: InboxQueries;
let inboxActions: InboxActions;

/** People besides the fixture's: a disabled MEX focal point, a MEX contributor, a second NGA focal point (Chinese). */
let disabledFocalMex: FixtureUser;
let focalNga2: FixtureUser;
let contributor: FixtureUser & { name: string };
let names: { MEX: Record<string, string>; NGA: Record<string, string> };

/** A moment inside the open cycle (2026), so that no test depends on the clock. */
const on = (day: string) => new Date(`2026-${day}T12:00:00Z`);
const NOW = on('06-01');

let counter = 0;
/** A fresh commitment in the open cycle's scope, so that each test has reports of its own. */
async function newCommitment(): Promise<string> {
  counter += 1;
  const instrument = await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } });
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const commitment = await db.commitment.create({
    data: {
      instrumentId: instrument.id, thematicAreaId: area.id, reference: `8(${counter})`, kind: 'OPERATIONAL_RECOMMENDATION', order: 300 + counter,
      texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${counter}.`, sourceName: 'test fixture' }] },
    },
    select: { id: true },
  });
  return commitment.id;
}

/** A submitted report of `entity` on a fresh commitment, written through the mutations. */
async function submitted(entity: 'MEX' | 'NGA', commitmentId?: string) {
  const id = commitmentId ?? (await newCommitment());
  const actor: ReportActor = entity === 'MEX' ? world.users.focalMex : world.users.focalNga;
  const result = await saveStatusReport(db, actor, {
    cycleId: world.cycle.id, entityId: world.entities[entity], commitmentId: id, version: 0,
    status: 'IN_PROGRESS', narrative: '[TEST] Synthetic narrative.', asOf: null, intent: 'submit',
  }, NOW);
  return { reportId: result.id, version: result.version, commitmentId: id };
}

/** What `run` adds to the notifications and the outbox. */
async function written(run: () => Promise<unknown>) {
  const [notificationsBefore, emailsBefore] = await Promise.all([
    db.notification.findMany({ select: { id: true } }), db.outboxEmail.findMany({ select: { id: true } }),
  ]);
  await run();
  const oldNotifications = new Set(notificationsBefore.map((row) => row.id));
  const oldEmails = new Set(emailsBefore.map((row) => row.id));
  const notifications = (await db.notification.findMany({ select: { id: true, userId: true, type: true, data: true, href: true, readAt: true, groupKey: true } }))
    .filter((row) => !oldNotifications.has(row.id));
  const emails = (await db.outboxEmail.findMany({ select: { id: true, userId: true, toEmail: true, locale: true, template: true, subject: true, body: true, state: true } }))
    .filter((row) => !oldEmails.has(row.id));
  return { notifications, emails };
}

const sorted = (ids: string[]) => [...ids].sort();

/** A reader as the session gives it. */
const sessionOf = (user: FixtureUser, locale = 'en'): SessionUser =>
  ({ id: user.id, email: user.email, name: user.email, role: user.role, entityId: user.entityId, entity: null, locale, seesWholeWorklist: false });

async function newUser(key: string, role: FixtureUser['role'], entityId: string | null, extra: { locale?: string; disabled?: boolean } = {}): Promise<FixtureUser> {
  const email = `${key}@example.test`;
  const created = await db.user.create({ data: { email, name: key, role, entityId, passwordHash: 'not a real hash', ...extra }, select: { id: true } });
  return { id: created.id, email, role, entityId };
}

const totals = async () => ({ notifications: await db.notification.count(), emails: await db.outboxEmail.count(), audit: await db.auditEvent.count() });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  // lib/db.ts and lib/env.ts read these on first use: set them before importing the app's code.
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  world = await createStatusWorld(db);
  inbox = await import('@/lib/notifications/inbox-queries');
  inboxActions = await import('@/lib/notifications/inbox-actions');

  // One MEX focal point reads Chinese.
  await db.user.update({ where: { id: world.users.focalMex2.id }, data: { locale: 'zh' } });
  disabledFocalMex = await newUser('focal-mex-disabled', 'FOCAL_POINT', world.entities.MEX, { disabled: true });
  focalNga2 = await newUser('focal-nga-2', 'FOCAL_POINT', world.entities.NGA, { locale: 'zh' });
  const invited = await inviteContributor(db, world.users.focalMex, { entityId: world.entities.MEX, email: 'contributor@example.test', name: '[TEST] Contributor', locale: 'en' }, NOW);
  const body = (await db.outboxEmail.findFirstOrThrow({ where: { userId: invited.id, template: 'INVITATION' }, select: { body: true } })).body;
  await acceptInvitation(db, { token: /\/invitations\/([A-Za-z0-9_-]+)/.exec(body)![1]!, name: '[TEST] Contributor', password: '[TEST] synthetic password' }, NOW);
  contributor = { id: invited.id, email: 'contributor@example.test', role: 'CONTRIBUTOR', entityId: world.entities.MEX, name: '[TEST] Contributor' };
  const entities = await db.reportingEntity.findMany({ where: { id: { in: [world.entities.MEX, world.entities.NGA] } }, select: { code: true, name: true } });
  names = Object.fromEntries(entities.map((row) => [row.code, row.name])) as typeof names;
});

beforeEach(() => signInAs(null));

afterAll(async () => {
  const { db: appDb } = await import('@/lib/db');
  await appDb.$disconnect();
  await database.drop();
});

// ---------------------------------------------------------------------------------------------

describe('returning a report', () => {
  it("tells every active focal point of the entity and the report's contributor, each in their language, with the comment", async () => {
    const commitmentId = await newCommitment();
    await assignCommitments(db, world.users.focalMex, { entityId: world.entities.MEX, cycleId: world.cycle.id, commitmentId: [commitmentId], assigneeId: contributor.id }, NOW);
    const report = await submitted('MEX', commitmentId);
    const comment = '[TEST] Please add the synthetic figures.';

    const { notifications, emails } = await written(() =>
      reviewStatusReport(db, world.users.secretariat, { reportId: report.reportId, version: report.version, decision: 'return', comment }, on('06-02')));

    const told = [world.users.focalMex.id, world.users.focalMex2.id, contributor.id];
    const href = reportPath(world.cycle.code, 'MEX', commitmentId);
    expect(sorted(notifications.map((row) => row.userId))).toEqual(sorted(told));
    for (const row of notifications) {
      expect(row).toMatchObject({ type: 'REPORT_RETURNED', href, readAt: null, groupKey: null, data: { comment, entity: names.MEX } });
    }
    // Not the disabled focal point, not Nigeria's, not the reviewer.
    for (const user of [disabledFocalMex, world.users.focalNga, focalNga2, world.users.secretariat]) {
      expect(notifications.some((row) => row.userId === user.id)).toBe(false);
    }

    expect(sorted(emails.map((row) => row.userId!))).toEqual(sorted(told));
    const emailOf = (userId: string) => emails.find((row) => row.userId === userId)!;
    for (const userId of told) {
      expect(emailOf(userId)).toMatchObject({ template: 'REPORT_RETURNED', state: 'PENDING' });
      expect(emailOf(userId).body).toContain(comment);
    }
    const english = emailOf(world.users.focalMex.id);
    expect(english).toMatchObject({ toEmail: world.users.focalMex.email, locale: 'en' });
    expect(english.subject).toMatch(new RegExp(`^Returned for revision: ${names.MEX.en}, TEST/1 `));
    expect(english.body).toContain(appUrl(`/en${href}`));
    const chinese = emailOf(world.users.focalMex2.id);
    expect(chinese).toMatchObject({ toEmail: world.users.focalMex2.email, locale: 'zh' });
    expect(chinese.subject.startsWith(`退回修改：${names.MEX.zh}，TEST/1 `)).toBe(true);
    expect(chinese.body).toContain(appUrl(`/zh${href}`));
    expect(chinese.body).toContain('请修改后重新提交');
    expect(emailOf(contributor.id)).toMatchObject({ toEmail: contributor.email, locale: 'en' });
  });

  it('tells nobody but the focal points of an entity when the report is nobody\'s, and never a disabled contributor', async () => {
    const report = await submitted('NGA');
    const { notifications, emails } = await written(() =>
      reviewStatusReport(db, world.users.admin, { reportId: report.reportId, version: report.version, decision: 'return', comment: '[TEST] Say more.' }, on('06-02')));
    expect(sorted(notifications.map((row) => row.userId))).toEqual(sorted([world.users.focalNga.id, focalNga2.id]));
    expect(sorted(emails.map((row) => row.userId!))).toEqual(sorted([world.users.focalNga.id, focalNga2.id]));
    expect(emails.find((row) => row.userId === focalNga2.id)!.subject.startsWith(`退回修改：${names.NGA.zh}`)).toBe(true);

    // A contributor disabled after the assignment is not told.
    const gone = await newUser('contributor-disabled', 'CONTRIBUTOR', world.entities.MEX);
    const commitmentId = await newCommitment();
    await assignCommitments(db, world.users.focalMex, { entityId: world.entities.MEX, cycleId: world.cycle.id, commitmentId: [commitmentId], assigneeId: gone.id }, NOW);
    await db.user.update({ where: { id: gone.id }, data: { disabled: true } });
    const mex = await submitted('MEX', commitmentId);
    const after = await written(() =>
      reviewStatusReport(db, world.users.secretariat, { reportId: mex.reportId, version: mex.version, decision: 'return', comment: '[TEST] Again.' }, on('06-02')));
    expect(sorted(after.notifications.map((row) => row.userId))).toEqual(sorted([world.users.focalMex.id, world.users.focalMex2.id]));
    expect(after.emails).toHaveLength(2);
  });
});

describe('accepting several reports of an entity', () => {
  const group = () => `accepted:${world.cycle.id}:${world.entities.NGA}`;
  const acceptedOf = (userId: string) =>
    db.notification.findMany({ where: { userId, type: 'REPORT_ACCEPTED' }, orderBy: { createdAt: 'asc' }, select: { id: true, data: true, readAt: true, href: true } });
  const pendingOf = (userId: string) =>
    db.outboxEmail.findMany({ where: { userId, template: 'REPORT_ACCEPTED', state: 'PENDING' }, select: { id: true, subject: true, body: true, locale: true } });

  it('gives each focal point one message saying how many; once read, the next acceptance starts a new one', async () => {
    const reports = [await submitted('NGA'), await submitted('NGA'), await submitted('NGA')];
    const focalNga = world.users.focalNga;

    const batch = await written(async () => {
      expect(await acceptStatusReports(db, world.users.secretariat, reports.map(({ reportId, version }) => ({ reportId, version })), on('06-03')))
        .toEqual({ accepted: 3, skipped: [] });
    });
    // One notification and one e-mail a person, not three.
    expect(sorted(batch.notifications.map((row) => row.userId))).toEqual(sorted([focalNga.id, focalNga2.id]));
    expect(sorted(batch.emails.map((row) => row.userId!))).toEqual(sorted([focalNga.id, focalNga2.id]));
    for (const user of [focalNga, focalNga2]) {
      const rows = await acceptedOf(user.id);
      expect(rows).toEqual([{ id: expect.any(String), data: expect.objectContaining({ count: 3, entity: names.NGA }), readAt: null, href: '/worklist?state=ACCEPTED' }]);
      expect(await pendingOf(user.id)).toHaveLength(1);
    }
    expect((await pendingOf(focalNga.id))[0]!.subject).toMatch(new RegExp(`^3 reports accepted: ${names.NGA.en} `));
    expect((await pendingOf(focalNga.id))[0]!.body).toContain('accepted 3 reports of');
    expect((await pendingOf(focalNga2.id))[0]!.subject.startsWith(`已接受3份报告：${names.NGA.zh}`)).toBe(true);
    // Mexico's people hear nothing of Nigeria's acceptances.
    expect(await db.notification.count({ where: { groupKey: group(), userId: { notIn: [focalNga.id, focalNga2.id] } } })).toBe(0);

    // The first focal point reads it; the second does not.
    const [first] = await acceptedOf(focalNga.id);
    expect(await openNotification(db, focalNga.id, first!.id, on('06-04'))).toEqual({ found: true, href: '/worklist?state=ACCEPTED' });
    const another = await submitted('NGA');
    await acceptStatusReports(db, world.users.secretariat, [{ reportId: another.reportId, version: another.version }], on('06-05'));

    expect((await acceptedOf(focalNga.id)).map((row) => [(row.data as { count: number }).count, row.readAt])).toEqual([[3, on('06-04')], [1, null]]);
    expect((await acceptedOf(focalNga2.id)).map((row) => [(row.data as { count: number }).count, row.readAt])).toEqual([[4, null]]);
    // The e-mail not sent yet still adds up: one e-mail each, now saying 4.
    for (const user of [focalNga, focalNga2]) {
      const pending = await pendingOf(user.id);
      expect(pending).toHaveLength(1);
      expect(pending[0]!.body).toMatch(user.id === focalNga.id ? /accepted 4 reports of/ : /4份报告/);
    }

    // Once an e-mail has gone, the next acceptance writes a new one saying 1.
    const sentId = (await pendingOf(focalNga.id))[0]!.id;
    await db.outboxEmail.update({ where: { id: sentId }, data: { state: 'SENT', sentAt: on('06-05') } });
    const last = await submitted('NGA');
    await acceptStatusReports(db, world.users.secretariat, [{ reportId: last.reportId, version: last.version }], on('06-06'));
    const fresh = await pendingOf(focalNga.id);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.id).not.toBe(sentId);
    expect(fresh[0]!.subject).toMatch(/^1 report accepted: /);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: sentId }, select: { body: true } })).toMatchObject({ body: expect.stringContaining('accepted 4 reports of') });
  });
});

describe('two reviewers accepting one State\'s reports at the same time', () => {
  it('lose no count: one message a focal point, saying how many in all', async () => {
    const focalNga = world.users.focalNga;
    // A fresh start: what earlier tests left is read, or sent.
    await db.notification.updateMany({ where: { userId: { in: [focalNga.id, focalNga2.id] }, readAt: null }, data: { readAt: on('06-07') } });
    await db.outboxEmail.updateMany({ where: { userId: { in: [focalNga.id, focalNga2.id] }, state: 'PENDING' }, data: { state: 'SENT', sentAt: on('06-07') } });
    const reports = [];
    for (let index = 0; index < 10; index += 1) reports.push(await submitted('NGA'));
    await Promise.all(reports.map((report, index) => reviewStatusReport(
      db, index % 2 ? world.users.admin : world.users.secretariat, { reportId: report.reportId, version: report.version, decision: 'accept', comment: '' }, on('06-08'),
    )));
    for (const user of [focalNga, focalNga2]) {
      const unread = await db.notification.findMany({ where: { userId: user.id, type: 'REPORT_ACCEPTED', readAt: null }, select: { data: true } });
      expect(unread.map((row) => (row.data as { count: number }).count)).toEqual([10]);
      const pending = await db.outboxEmail.findMany({ where: { userId: user.id, template: 'REPORT_ACCEPTED', state: 'PENDING' }, select: { groupData: true } });
      expect(pending.map((row) => (row.groupData as { count: number }).count)).toEqual([10]);
    }
  });
});

describe('written only when the change commits', () => {
  // Inserts into "AuditEvent" fail while "TestPoison" holds a text the new row contains: a
  // failure forced after the announcement, inside the same transaction.
  beforeAll(async () => {
    await db.$executeRaw`CREATE TABLE "TestPoison" ("marker" TEXT NOT NULL)`;
    await db.$executeRaw`CREATE FUNCTION "test_refuse_poison"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "TestPoison" p WHERE strpos(row_to_json(NEW)::text, p."marker") > 0) THEN
          RAISE EXCEPTION 'test: insert refused';
        END IF;
        RETURN NEW;
      END $$`;
    await db.$executeRaw`CREATE TRIGGER "AuditEvent_test_poison" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "test_refuse_poison"()`;
  });

  async function withFailingAudit(marker: string, run: () => Promise<void>) {
    await db.$executeRaw`INSERT INTO "TestPoison" ("marker") VALUES (${marker})`;
    try {
      await run();
    } finally {
      await db.$executeRaw`DELETE FROM "TestPoison"`;
    }
  }

  it('a return whose audit row fails leaves no notification and no e-mail', async () => {
    const report = await submitted('MEX');
    const review = () => reviewStatusReport(db, world.users.secretariat, { reportId: report.reportId, version: report.version, decision: 'return', comment: '[TEST] Poisoned.' }, on('06-02'));
    const before = await totals();
    await withFailingAudit(report.reportId, async () => {
      await expect(review()).rejects.toThrow(/insert refused/);
    });
    expect(await totals()).toEqual(before);
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: report.reportId }, select: { state: true, version: true } }))
      .toEqual({ state: 'SUBMITTED', version: report.version });

    // The same return, unhindered, writes them: the check above could see them.
    const { notifications, emails } = await written(review);
    expect(notifications.length).toBeGreaterThan(0);
    expect(emails.length).toBe(notifications.length);
  });

  it('an acceptance and an assignment whose audit row fails leave nothing either', async () => {
    const report = await submitted('NGA');
    const before = await totals();
    // The batch logs the unexpected failure of one report, and goes on.
    const logged = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    await withFailingAudit(report.reportId, async () => {
      await expect(acceptStatusReports(db, world.users.secretariat, [{ reportId: report.reportId, version: report.version }], on('06-02')))
        .resolves.toMatchObject({ accepted: 0, skipped: [{ reportId: report.reportId, error: { key: 'statusReports.acceptFailed' } }] });
      expect(logged).toHaveBeenCalledTimes(1);
    }).finally(() => logged.mockRestore());
    const commitmentId = await newCommitment();
    await withFailingAudit(contributor.email, async () => {
      await expect(assignCommitments(db, world.users.focalMex, { entityId: world.entities.MEX, cycleId: world.cycle.id, commitmentId: [commitmentId], assigneeId: contributor.id }, NOW))
        .rejects.toThrow(/insert refused/);
    });
    expect(await totals()).toEqual(before);
    expect(await db.assignment.count({ where: { commitmentId } })).toBe(0);
  });

  it('announce() inside a transaction that then fails writes nothing', async () => {
    const recipients = await db.user.findMany({ where: { id: { in: [world.users.focalMex.id, world.users.focalMex2.id] } }, select: recipientSelect });
    const announcement = {
      type: 'REPORT_ACCEPTED' as const, href: '/worklist', group: '[TEST] rollback group',
      data: { entity: names.MEX, cycle: { en: '[TEST] Cycle' }, count: 2 },
    };
    const before = await totals();
    await expect(db.$transaction(async (tx) => {
      await announce(tx, recipients, announcement);
      // Inside the transaction they exist.
      expect(await tx.notification.count({ where: { groupKey: '[TEST] rollback group' } })).toBe(2);
      expect(await tx.outboxEmail.count({ where: { groupKey: '[TEST] rollback group' } })).toBe(2);
      throw new Error('[TEST] rolled back');
    })).rejects.toThrow('[TEST] rolled back');
    expect(await totals()).toEqual(before);
    expect(await db.notification.count({ where: { groupKey: '[TEST] rollback group' } })).toBe(0);

    // Committed, they stay.
    await db.$transaction((tx) => announce(tx, recipients, announcement));
    expect(await db.notification.count({ where: { groupKey: '[TEST] rollback group' } })).toBe(2);
    expect(await db.outboxEmail.count({ where: { groupKey: '[TEST] rollback group' } })).toBe(2);
  });
});

describe('the inbox', () => {
  let reader: FixtureUser;
  let stranger: FixtureUser;
  /** The reader's notifications, oldest first. */
  let ids: string[];
  const cycleName = { en: '[TEST] Inbox cycle', zh: '[TEST] 收件箱周期' };

  beforeAll(async () => {
    reader = await newUser('inbox-reader', 'VIEWER', null, { locale: 'zh' });
    stranger = await newUser('inbox-stranger', 'VIEWER', null);
    const people = await db.user.findMany({ where: { id: { in: [reader.id, stranger.id] } }, select: recipientSelect });
    const readerOnly = people.filter((person) => person.id === reader.id);
    await db.$transaction((tx) => announce(tx, readerOnly, {
      type: 'CYCLE_OPENED', href: '/worklist', email: false, data: { cycle: cycleName, deadline: unDate(new Date('2026-12-31T23:59:59Z')) },
    }));
    await db.$transaction((tx) => announce(tx, readerOnly, {
      type: 'REPORT_ACCEPTED', href: '/worklist?state=ACCEPTED', email: false, group: '[TEST] inbox', data: { entity: names.MEX, cycle: cycleName, count: 5 },
    }));
    await db.$transaction((tx) => announce(tx, people, {
      type: 'REPORT_RETURNED', href: '/reports/x', email: false, data: { entity: names.NGA, cycle: cycleName, reference: 'TEST/1 1(a)', comment: '[TEST] Inbox comment.' },
    }));
    // Distinct times, so that "newest first" is the order written.
    const rows = await db.notification.findMany({ where: { userId: reader.id }, select: { id: true, type: true } });
    const order = ['CYCLE_OPENED', 'REPORT_ACCEPTED', 'REPORT_RETURNED'];
    ids = order.map((type) => rows.find((row) => row.type === type)!.id);
    for (const [index, id] of ids.entries()) await db.notification.update({ where: { id }, data: { createdAt: on(`06-1${index}`) } });
  });

  const auditOf = (action: string, entityId: string) => db.auditEvent.findMany({ where: { action, entityId }, select: { actorId: true, after: true } });

  it('counts unread and lists newest first, in the reader\'s language', async () => {
    expect(await inbox.unreadNotificationCount(reader.id)).toBe(3);
    expect(await inbox.unreadNotificationCount(stranger.id)).toBe(1);

    const chinese = await inbox.listNotifications(sessionOf(reader, 'zh'), 1, 'zh');
    expect(chinese).toMatchObject({ total: 3, unread: 3, page: 1, pages: 1 });
    expect(chinese.rows.map((row) => row.id)).toEqual([...ids].reverse());
    expect(chinese.rows.map((row) => row.text)).toEqual([
      `${names.NGA.zh}，TEST/1 1(a)（${cycleName.zh}）已退回修改：[TEST] Inbox comment.`,
      `${names.MEX.zh}的5份报告已被接受（${cycleName.zh}）`,
      `${cycleName.zh}已开放；截止日期为2026年12月31日`,
    ]);
    expect(chinese.rows.map((row) => [row.type, row.href, row.read])).toEqual([
      ['REPORT_RETURNED', '/reports/x', false], ['REPORT_ACCEPTED', '/worklist?state=ACCEPTED', false], ['CYCLE_OPENED', '/worklist', false],
    ]);
    const english = await inbox.listNotifications(sessionOf(reader), 1, 'en');
    expect(english.rows.map((row) => row.text)).toEqual([
      `${names.NGA.en}, TEST/1 1(a) (${cycleName.en}) was returned for revision: [TEST] Inbox comment.`,
      `5 reports of ${names.MEX.en} accepted (${cycleName.en})`,
      `The ${cycleName.en} is open; the deadline is 31 December 2026`,
    ]);
    // Nobody else's.
    expect((await inbox.listNotifications(sessionOf(stranger), 1, 'en')).rows.map((row) => row.type)).toEqual(['REPORT_RETURNED']);
  });

  it("opens only the owner's notification, once, audited", async () => {
    const target = ids[1]!;
    const row = () => db.notification.findUniqueOrThrow({ where: { id: target }, select: { readAt: true, data: true } });
    const before = await row();

    expect(await openNotification(db, stranger.id, target, on('07-01'))).toEqual({ found: false, href: null });
    expect(await openNotification(db, stranger.id, 'no-such-notification', on('07-01'))).toEqual({ found: false, href: null });
    expect(await row()).toEqual(before);
    expect(await auditOf('notification.read', target)).toEqual([]);

    expect(await openNotification(db, reader.id, target, on('07-02'))).toEqual({ found: true, href: '/worklist?state=ACCEPTED' });
    expect((await row()).readAt).toEqual(on('07-02'));
    expect(await auditOf('notification.read', target)).toEqual([{ actorId: reader.id, after: null }]);
    // Opening it again leads there again, and changes nothing.
    expect(await openNotification(db, reader.id, target, on('07-03'))).toEqual({ found: true, href: '/worklist?state=ACCEPTED' });
    expect((await row()).readAt).toEqual(on('07-02'));
    expect(await auditOf('notification.read', target)).toHaveLength(1);

    expect(await inbox.unreadNotificationCount(reader.id)).toBe(2);
    const list = await inbox.listNotifications(sessionOf(reader), 1, 'en');
    expect(list.unread).toBe(2);
    expect(list.rows.find((entry) => entry.id === target)!.read).toBe(true);
  });

  it('through the action: a stranger is told it does not exist; the owner is sent where it leads', async () => {
    const target = ids[2]!;
    signInAs(stranger);
    expect(await inboxActions.openNotificationAction(null, (() => { const data = new FormData(); data.append('id', target); return data; })()))
      .toStrictEqual({ ok: false, message: message('errors', 'notifications.unknown'), fieldErrors: {} });
    expect(await db.notification.findUniqueOrThrow({ where: { id: target }, select: { readAt: true } })).toEqual({ readAt: null });

    signInAs(reader);
    const data = new FormData();
    data.append('id', target);
    const error = await inboxActions.openNotificationAction(null, data).then(() => null, (caught: unknown) => caught);
    expect(isRedirectError(error)).toBe(true);
    expect(getURLFromRedirectError(error as never)).toBe('/en/reports/x');
    expect(await db.notification.findUniqueOrThrow({ where: { id: target }, select: { readAt: true } })).toEqual({ readAt: expect.any(Date) });
  });

  it("marks all of the reader's own as read, audited once; nobody else's", async () => {
    const unread = await inbox.unreadNotificationCount(reader.id);
    expect(unread).toBeGreaterThan(0);
    expect(await markAllNotificationsRead(db, reader.id, on('07-04'))).toBe(unread);
    expect(await inbox.unreadNotificationCount(reader.id)).toBe(0);
    expect(await db.notification.findUniqueOrThrow({ where: { id: ids[0]! }, select: { readAt: true } })).toEqual({ readAt: on('07-04') });
    expect(await auditOf('notification.read-all', reader.id)).toEqual([{ actorId: reader.id, after: { count: unread } }]);
    expect(await inbox.unreadNotificationCount(stranger.id)).toBe(1);
    // Nothing left to mark: no second audit row.
    expect(await markAllNotificationsRead(db, reader.id, on('07-05'))).toBe(0);
    expect(await auditOf('notification.read-all', reader.id)).toHaveLength(1);

    signInAs(stranger);
    expect(await inboxActions.markAllNotificationsReadAction(null, new FormData())).toEqual({ ok: true, data: { count: 1 } });
    expect(await inbox.unreadNotificationCount(stranger.id)).toBe(0);
  });
});

// Last: it closes the open cycle.
describe('opening a planned cycle', () => {
  it('tells the focal points of the entities the cycle expects, and only them, each in their language', async () => {
    const { admin } = world.users;
    await changeCycleState(db, admin, 'close', { code: world.cycle.code, reason: '' });
    const cycle = await createCycle(db, admin, {
      code: '2027', nameEn: '[TEST] 2027 cycle', nameZh: '[TEST] 2027 周期', periodStart: '2027-01-01', periodEnd: '2027-12-31',
      opensOn: '2027-01-01', deadline: '2027-10-31', instruments: [],
    });
    // Narrowed: Nigeria is not expected this time.
    await db.cycleEntity.delete({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: world.entities.NGA } } });
    // A focal point of an entity the cycle expects by default (a UN entity).
    const focalUnodc = await newUser('focal-unodc', 'FOCAL_POINT', world.entities.UNODC);

    const { notifications, emails } = await written(() => changeCycleState(db, admin, 'open', { code: '2027', reason: '' }));

    const told = [world.users.focalMex.id, world.users.focalMex2.id, focalUnodc.id];
    expect(sorted(notifications.map((row) => row.userId))).toEqual(sorted(told));
    const deadline = unDate(new Date('2027-10-31T23:59:59Z'));
    for (const row of notifications) {
      expect(row).toMatchObject({ type: 'CYCLE_OPENED', href: '/worklist', data: { cycle: { en: '[TEST] 2027 cycle', zh: '[TEST] 2027 周期' }, deadline } });
    }
    expect(sorted(emails.map((row) => row.userId!))).toEqual(sorted(told));
    expect(emails.find((row) => row.userId === world.users.focalMex2.id)).toMatchObject({ locale: 'zh', subject: '报告周期已开放：[TEST] 2027 周期' });
    expect(emails.find((row) => row.userId === world.users.focalMex.id)).toMatchObject({ locale: 'en', subject: 'Reporting cycle open: [TEST] 2027 cycle' });
    expect(emails.find((row) => row.userId === world.users.focalMex.id)!.body).toContain('31 October 2027');
    // Not Nigeria's, not a disabled account, not contributors, staff or viewers.
    for (const user of [world.users.focalNga, focalNga2, disabledFocalMex, contributor, world.users.secretariat, world.users.admin, world.users.viewer]) {
      expect(notifications.some((row) => row.userId === user.id)).toBe(false);
    }
    expect(await db.auditEvent.count({ where: { action: 'cycle.open', entityId: cycle.id } })).toBe(1);

    // Closing and reopening announce nothing.
    const quiet = await written(async () => {
      await changeCycleState(db, admin, 'close', { code: '2027', reason: '' });
      await changeCycleState(db, admin, 'reopen', { code: '2027', reason: '[TEST] Reopened.' });
    });
    expect(quiet).toEqual({ notifications: [], emails: [] });
  });
});
