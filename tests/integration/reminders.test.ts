// Deadline reminders against real PostgreSQL: given 14 and 3 days before the open cycle's
// deadline, once each (also when two runs meet), to the active focal points of expected
// entities that still have commitments to submit, in each person's language; none after the
// deadline; a moved deadline gets its own. Every date is given, never read from the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { reminderThreshold, runDeadlineReminders, unDate } from '@/lib/notifications/reminders';
import { getOverdueList } from '@/lib/notifications/overdue';
import { EXPECTED_ENTITY_KINDS } from '@/lib/cycles/mutations';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDatabase } from '../support/test-database';
import { createClosedCycleWithAcceptance, createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';

process.env.NEXTAUTH_SECRET ??= 'test-secret-of-at-least-16-characters';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let deadline: Date;
const people: Record<string, string> = {};

const DAY = 24 * 60 * 60 * 1000;
/** `days` whole days before the deadline (and `hours` more). */
const before = (days: number, hours = 0, of = deadline) => new Date(of.getTime() - days * DAY - hours * 60 * 60 * 1000);

/** Who has a reminder, by fixture name, with its threshold: "focalMex@14". */
async function given(): Promise<string[]> {
  const names = new Map(Object.entries(people).map(([name, id]) => [id, name]));
  const rows = await db.deadlineReminder.findMany({ select: { userId: true, daysBefore: true, deadline: true } });
  return rows.map((row) => `${names.get(row.userId) ?? row.userId}@${row.daysBefore}${row.deadline.getTime() === deadline.getTime() ? '' : ' (moved)'}`).sort();
}

const deadlineMessages = () =>
  db.notification.findMany({ where: { type: 'DEADLINE_NEAR' }, orderBy: { createdAt: 'asc' }, select: { userId: true, data: true, href: true } });

const deadlineEmails = () =>
  db.outboxEmail.findMany({ where: { template: 'DEADLINE_NEAR' }, orderBy: { createdAt: 'asc' }, select: { userId: true, toEmail: true, subject: true, body: true, locale: true } });

async function report(entityId: string, commitmentId: string, state: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED') {
  await db.statusReport.create({
    data: {
      cycleId: world.cycle.id, entityId, commitmentId, state, status: state === 'DRAFT' ? null : 'IN_PROGRESS', narrative: '[TEST] Synthetic narrative.',
      ...(state === 'ACCEPTED' || state === 'RETURNED' ? { reviewedAt: new Date('2026-06-05T00:00:00Z'), reviewedById: world.users.secretariat.id } : {}),
      ...(state !== 'DRAFT' ? { submittedAt: new Date('2026-06-04T00:00:00Z'), submittedById: world.users.focalMex.id } : {}),
    },
  });
}

async function user(key: string, role: 'FOCAL_POINT' | 'CONTRIBUTOR', entityId: string, extra: { locale?: string; disabled?: boolean } = {}) {
  const created = await db.user.create({ data: { email: `${key}@example.test`, name: key, role, entityId, passwordHash: 'not a real hash', ...extra }, select: { id: true } });
  people[key] = created.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  world = await createStatusWorld(db);
  deadline = (await db.reportingCycle.findUniqueOrThrow({ where: { id: world.cycle.id }, select: { closesAt: true } })).closesAt;
  for (const [name, fixture] of Object.entries(world.users)) people[name] = fixture.id;
  const [a, b, c] = world.commitments;

  // Mexico: one draft, so three commitments still to submit.
  await report(world.entities.MEX, a, 'DRAFT');
  // Nigeria: two submitted or accepted, one returned (still to submit).
  await report(world.entities.NGA, a, 'SUBMITTED');
  await report(world.entities.NGA, b, 'ACCEPTED');
  await report(world.entities.NGA, c, 'RETURNED');
  // UNODC: everything submitted or accepted.
  await report(world.entities.UNODC, a, 'SUBMITTED');
  await report(world.entities.UNODC, b, 'SUBMITTED');
  await report(world.entities.UNODC, c, 'ACCEPTED');

  await user('focalNgaZh', 'FOCAL_POINT', world.entities.NGA, { locale: 'zh' });
  await user('focalUnodc', 'FOCAL_POINT', world.entities.UNODC);
  await user('focalMexDisabled', 'FOCAL_POINT', world.entities.MEX, { disabled: true });
  await user('contributorMex', 'CONTRIBUTOR', world.entities.MEX);
  // An entity the cycle does not expect a report from.
  const outside = await db.reportingEntity.findFirstOrThrow({ where: { kind: { notIn: [...EXPECTED_ENTITY_KINDS] } }, select: { id: true } });
  expect(await db.cycleEntity.count({ where: { cycleId: world.cycle.id, entityId: outside.id } })).toBe(0);
  await user('focalOutside', 'FOCAL_POINT', outside.id);
});

afterAll(() => database?.drop());

const sessionOf = (fixture: FixtureUser): SessionUser => ({
  id: fixture.id, email: fixture.email, name: fixture.email, role: fixture.role, entityId: fixture.entityId, entity: null, locale: 'en', seesWholeWorklist: false,
});

/** What notFound() throws. */
const isNotFound = (promise: Promise<unknown>) =>
  promise.then(() => false, (error: unknown) => String((error as { digest?: string })?.digest ?? '').includes('404'));

describe('the threshold reached', () => {
  it('is the smallest of 14 and 3 days that the days left have reached', () => {
    expect([20, 15, 14, 10, 4, 3, 1, 0].map(reminderThreshold)).toEqual([null, null, 14, 14, 14, 3, 3, 3]);
  });

  it('dates the deadline as the United Nations writes it, in each language', () => {
    expect(unDate(new Date('2026-04-19T23:59:59Z'))).toEqual({
      ar: '19 أبريل 2026', zh: '2026年4月19日', en: '19 April 2026', fr: '19 avril 2026', ru: '19 апреля 2026 г.', es: '19 de abril de 2026',
    });
  });
});

describe('deadline reminders', () => {
  it('gives none 20 days before the deadline', async () => {
    expect(await runDeadlineReminders(db, before(20))).toBe(0);
    expect(await given()).toEqual([]);
    expect(await deadlineMessages()).toEqual([]);
  });

  it('gives the 14-day reminder to the active focal points of expected entities with commitments still to submit', async () => {
    expect(await runDeadlineReminders(db, before(14))).toBe(4);
    // Not UNODC (all submitted), nor a disabled account, a contributor, the secretariat, or an entity not expected.
    expect(await given()).toEqual(['focalMex2@14', 'focalMex@14', 'focalNga@14', 'focalNgaZh@14']);

    const messages = await deadlineMessages();
    expect(messages).toHaveLength(4);
    const toMex = messages.find((message) => message.userId === people.focalMex)!;
    expect(toMex.href).toBe('/worklist');
    expect(toMex.data).toMatchObject({ days: 14, unreported: 3, deadline: { en: '31 December 2026', zh: '2026年12月31日' } });
    // A returned report still has to be submitted: Nigeria has one.
    expect(messages.find((message) => message.userId === people.focalNga)!.data).toMatchObject({ days: 14, unreported: 1 });

    const emails = await deadlineEmails();
    expect(emails.map((email) => email.toEmail).sort()).toEqual(['focal-mex-2@example.test', 'focal-mex@example.test', 'focal-nga@example.test', 'focalNgaZh@example.test']);
    const english = emails.find((email) => email.userId === people.focalMex)!;
    expect(english).toMatchObject({ locale: 'en' });
    expect(english.subject).toMatch(/^14 days left to report: /);
    expect(english.body).toContain('31 December 2026');
    expect(english.body).toContain('has not yet submitted 3 commitments');
    const chinese = emails.find((email) => email.userId === people.focalNgaZh)!;
    expect(chinese).toMatchObject({ locale: 'zh' });
    expect(chinese.subject).toMatch(/^距报告截止还有14天：/);
    expect(chinese.body).toContain('2026年12月31日');
    expect(chinese.body).toContain('尚有1项承诺未提交');
  });

  it('gives nothing new at 10 days, nor when run again', async () => {
    expect(await runDeadlineReminders(db, before(10))).toBe(0);
    expect(await runDeadlineReminders(db, before(10, 1))).toBe(0);
    expect(await given()).toHaveLength(4);
    expect(await deadlineMessages()).toHaveLength(4);
    expect(await deadlineEmails()).toHaveLength(4);
  });

  it('gives the 3-day reminder once, even when two runs meet', async () => {
    const results = await Promise.all([runDeadlineReminders(db, before(3)), runDeadlineReminders(db, before(3))]);
    expect(results[0] + results[1]).toBe(4);
    expect(await runDeadlineReminders(db, before(2))).toBe(0);
    expect(await given()).toEqual([
      'focalMex2@14', 'focalMex2@3', 'focalMex@14', 'focalMex@3', 'focalNga@14', 'focalNga@3', 'focalNgaZh@14', 'focalNgaZh@3',
    ]);
    const messages = await deadlineMessages();
    expect(messages).toHaveLength(8);
    for (const id of [people.focalMex, people.focalMex2, people.focalNga, people.focalNgaZh]) {
      expect(messages.filter((message) => message.userId === id).map((message) => (message.data as { days: number }).days)).toEqual([14, 3]);
    }
    expect(await deadlineEmails()).toHaveLength(8);
  });

  it('lists for the secretariat who is behind before the deadline, and who is overdue after it', async () => {
    const list = await getOverdueList(sessionOf(world.users.secretariat), {}, 'en', before(3));
    const expected = await db.cycleEntity.count({ where: { cycleId: world.cycle.id } });
    expect(list.cycle).toMatchObject({ code: world.cycle.code, passed: false, daysLeft: 3, items: 3, expectedEntities: expected });
    // Every expected entity but UNODC, which has submitted everything; the most behind first.
    expect(list.rows).toHaveLength(expected - 1);
    expect(list.rows.some((row) => row.code === 'UNODC')).toBe(false);
    expect(list.rows.at(-1)).toMatchObject({ code: 'NGA' });
    expect(list.rows.find((row) => row.code === 'MEX')).toEqual({
      code: 'MEX', name: 'Mexico', notReported: 2, draft: 1, returned: 0, unreported: 3,
      focalPoints: ['focal-mex-2@example.test', 'focal-mex@example.test'], lastReminder: before(3),
    });
    expect(list.rows.find((row) => row.code === 'NGA')).toEqual({
      code: 'NGA', name: 'Nigeria', notReported: 0, draft: 0, returned: 1, unreported: 1,
      focalPoints: ['focal-nga@example.test', 'focalNgaZh@example.test'], lastReminder: before(3),
    });
    expect(list.rows.find((row) => row.code === 'FRA')).toMatchObject({ notReported: 3, unreported: 3, focalPoints: [], lastReminder: null });

    const after = await getOverdueList(sessionOf(world.users.admin), {}, 'zh', new Date(deadline.getTime() + DAY));
    expect(after.cycle).toMatchObject({ passed: true, daysLeft: -1 });
    expect(after.rows.find((row) => row.code === 'MEX')).toMatchObject({ name: '墨西哥', unreported: 3 });
  });

  it('lists a chosen closed cycle from the items it froze, and is not found by anyone who does not review reports', async () => {
    const [a] = world.commitments;
    const closed = await createClosedCycleWithAcceptance(db, world, 2025, { commitmentId: a, status: 'IN_PROGRESS' });
    const list = await getOverdueList(sessionOf(world.users.secretariat), { cycle: closed.code }, 'en', before(3));
    expect(list.cycle).toMatchObject({ code: '2025', state: 'CLOSED', passed: true, items: 3 });
    expect(list.rows.find((row) => row.code === 'MEX')).toMatchObject({ notReported: 2, draft: 0, returned: 0, unreported: 2, lastReminder: null });
    expect(list.cycles.map((cycle) => cycle.code)).toEqual([world.cycle.code, '2025']);

    for (const person of [world.users.focalMex, world.users.viewer]) {
      expect(await isNotFound(getOverdueList(sessionOf(person), {}, 'en', before(3)))).toBe(true);
    }
  });

  it('gives none once the deadline has passed', async () => {
    expect(await runDeadlineReminders(db, new Date(deadline.getTime() + 1000))).toBe(0);
    expect(await runDeadlineReminders(db, before(-2))).toBe(0);
    expect(await deadlineMessages()).toHaveLength(8);
  });

  it('gives a moved deadline its own reminders', async () => {
    const moved = new Date('2027-01-31T23:59:59Z');
    await db.reportingCycle.update({ where: { id: world.cycle.id }, data: { closesAt: moved } });
    // Nigeria has meanwhile submitted its returned report: nothing left to remind it of.
    await db.statusReport.updateMany({ where: { cycleId: world.cycle.id, entityId: world.entities.NGA, state: 'RETURNED' }, data: { state: 'SUBMITTED' } });

    expect(await runDeadlineReminders(db, before(20, 0, moved))).toBe(0);
    expect(await runDeadlineReminders(db, before(14, 0, moved))).toBe(2);
    expect(await runDeadlineReminders(db, before(14, 0, moved))).toBe(0);
    expect((await given()).filter((row) => row.endsWith('(moved)'))).toEqual(['focalMex2@14 (moved)', 'focalMex@14 (moved)']);
    const latest = (await deadlineMessages()).slice(-2);
    expect(latest.map((message) => message.data)).toEqual([
      expect.objectContaining({ days: 14, deadline: expect.objectContaining({ en: '31 January 2027', zh: '2027年1月31日', fr: '31 janvier 2027' }) }),
      expect.objectContaining({ days: 14, deadline: expect.objectContaining({ en: '31 January 2027', zh: '2027年1月31日', fr: '31 janvier 2027' }) }),
    ]);
  });

  it('gives none when no cycle is open', async () => {
    await db.reportingCycle.update({ where: { id: world.cycle.id }, data: { state: 'CLOSED' } });
    try {
      expect(await runDeadlineReminders(db, before(3, 0, new Date('2027-01-31T23:59:59Z')))).toBe(0);
    } finally {
      await db.reportingCycle.update({ where: { id: world.cycle.id }, data: { state: 'OPEN' } });
    }
  });
});
