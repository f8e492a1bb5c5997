// Who downloads which evidence file (GET /api/evidence/files/[id], lib/evidence/queries.ts
// getEvidenceFile), against real PostgreSQL. A commitment-level file is everyone's (signed in) once
// its link is accepted; while it awaits review, or once rejected, only its uploader's and the
// reviewers'. A file of a status report is for those who may read the report. Every refusal is the
// 404 of an unknown id, and an id that cannot be one (a NUL, too long) is that 404 too, not a 500.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));

type UserName = keyof StatusWorld['users'];
const EVERYONE: UserName[] = ['focalMex', 'focalMex2', 'secretariat', 'admin', 'focalNga', 'viewer'];

/** A 1x1 PNG. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
const NOW = new Date('2026-06-01T12:00:00Z');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let world: StatusWorld;
let fileRoute: typeof import('@/app/api/evidence/files/[id]/route');
const files = { pending: '', rejected: '', accepted: '', report: '' };

async function status(id: string, user: UserName): Promise<number> {
  signInAs(world.users[user]);
  const response = await fileRoute.GET(new NextRequest(`http://localhost/api/evidence/files/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });
  return response.status;
}

/** Each user's answer, one at a time (the signed-in user is one variable of the harness). */
async function statuses(id: string): Promise<Record<UserName, number>> {
  const result = {} as Record<UserName, number>;
  for (const user of EVERYONE) result[user] = await status(id, user);
  return result;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  fileRoute = await import('@/app/api/evidence/files/[id]/route');
  const { linkFile, decideSuggestion } = await import('@/lib/evidence/mutations');
  const { linkReportFile } = await import('@/lib/status-reports/evidence-mutations');
  const { saveStatusReport } = await import('@/lib/status-reports/mutations');
  const db = database.db;
  world = await createStatusWorld(db);
  const [first, second] = world.commitments as [string, string];
  const fileOf = async (linkId: string) => (await db.evidenceLink.findUniqueOrThrow({ where: { id: linkId }, select: { fileId: true } })).fileId!;

  // A focal point's files wait for the secretariat; the secretariat's are accepted at once.
  files.pending = await fileOf((await linkFile(db, world.users.focalMex, { commitmentId: first, fileName: 'pending.png', bytes: PNG, note: '' })).id);
  const toReject = await linkFile(db, world.users.focalMex, { commitmentId: second, fileName: 'rejected.png', bytes: PNG, note: '' });
  await decideSuggestion(db, world.users.secretariat, { evidenceId: toReject.id, decision: 'reject' });
  files.rejected = await fileOf(toReject.id);
  files.accepted = await fileOf((await linkFile(db, world.users.secretariat, { commitmentId: first, fileName: 'accepted.png', bytes: PNG, note: '' })).id);

  const report = await saveStatusReport(db, world.users.focalMex, {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: first, version: 0, status: 'IN_PROGRESS', narrative: 'Synthetic.', asOf: null, intent: 'save',
  }, NOW);
  files.report = await fileOf((await linkReportFile(db, world.users.focalMex, { reportId: report.id, fileName: 'report.png', bytes: PNG, note: '' }, NOW)).id);
});

beforeEach(() => signInAs(null));

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database.drop();
});

describe('GET /api/evidence/files/[id]', () => {
  it('stores the links in the states under test', async () => {
    const stateOf = async (fileId: string) => (await database.db.evidenceLink.findFirstOrThrow({ where: { fileId }, select: { state: true } })).state;
    expect(await stateOf(files.pending)).toBe('SUGGESTED');
    expect(await stateOf(files.rejected)).toBe('REJECTED');
    expect(await stateOf(files.accepted)).toBe('ACCEPTED');
  });

  it('serves a file awaiting review to its uploader and the reviewers only', async () => {
    expect(await statuses(files.pending)).toEqual({ focalMex: 200, focalMex2: 404, secretariat: 200, admin: 200, focalNga: 404, viewer: 404 });
  });

  it('serves a rejected file to its uploader and the reviewers only', async () => {
    expect(await statuses(files.rejected)).toEqual({ focalMex: 200, focalMex2: 404, secretariat: 200, admin: 200, focalNga: 404, viewer: 404 });
  });

  it('serves an accepted file to every signed-in user', async () => {
    expect(await statuses(files.accepted)).toEqual({ focalMex: 200, focalMex2: 200, secretariat: 200, admin: 200, focalNga: 200, viewer: 200 });
  });

  it("serves a status report's file to those who may read the report", async () => {
    expect(await statuses(files.report)).toEqual({ focalMex: 200, focalMex2: 200, secretariat: 200, admin: 200, focalNga: 404, viewer: 404 });
  });

  it('answers an id that cannot be one (a NUL, a percent sign, too long) with the 404 of an unknown id', async () => {
    for (const id of ['x\u0000y', '\u0000', '%', 'a'.repeat(41), 'no-such-file']) {
      expect(await status(id, 'secretariat')).toBe(404);
    }
  });
});
