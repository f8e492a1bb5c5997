// The server-action sweep: for every action of the application (found in the sources by
// tests/support/server-actions.ts), plausible fields aimed at entity B's resources, who may call
// it (from the one permission table, lib/auth/permissions.ts, wherever the action uses it), and a
// call by an allowed person that proves the fields reach the action's work (the control). The
// sweep calls each action as everyone else and compares a fingerprint of the whole database
// before and after each call.
//
// Used by tests/security/action-sweep.test.ts (nobody who may not changes anything) and
// tests/security/strict-schemas.test.ts (no action takes a field it does not declare). Both test
// files wire the request-scoped parts of Next through tests/support/action-context.ts.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { ActionState } from '@/lib/action-state';
import { can, type Action, type Actor } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { checksumOf } from '@/lib/catalogue/checksum';
import { relateCommitments } from '@/lib/catalogue/mutations';
import { createCycle } from '@/lib/cycles/mutations';
import { stageDocumentImport } from '@/lib/documents/staged-import';
import {
  decideSuggestion, linkUrl, mayRemoveEvidence, mayRequestEvidenceRemoval, mayRestoreEvidence, removeEvidence, requestEvidenceRemoval,
} from '@/lib/evidence/mutations';
import { previewWorklistUpload } from '@/lib/offline-reporting/mutations';
import { getWorkbookData, mayUploadWorklist } from '@/lib/offline-reporting/queries';
import { buildWorklistWorkbook } from '@/lib/offline-reporting/worklist-workbook';
import { linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import { reviewStatusReport, saveStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import { publishSummaries } from '@/lib/summaries/mutations';
import { generate } from 'otplib';
import { confirmMfaEnrolment, startMfaEnrolment } from '@/lib/mfa/mutations';
import { hashInvitationToken } from '@/lib/team/invitations';
import { assignCommitments, inviteContributor } from '@/lib/team/mutations';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { plantSweepWorld, type SweepWorld } from './access-sweep-world';
import { changedTables, snapshotter, type Snapshotter } from './database-snapshot';
import { createAppTestDatabase } from './test-database';
import { signInAs } from './action-context';
import { ROOT } from './server-actions';

export type Fields = Record<string, string | string[] | File>;
export type AnyAction = (previous: null, formData: FormData) => Promise<ActionState<unknown>>;

// ---------------------------------------------------------------------------------------------
// Who calls.

export const CALLERS = [
  'anonymous', 'viewer', 'contributorA', 'focalA', 'contributorB', 'focalB', 'reviewer', 'admin', 'disabledFocalB', 'staleFocalB',
] as const;
export type CallerName = (typeof CALLERS)[number];

export type Caller = {
  name: CallerName;
  /** What signInAs gets (null: nobody signed in). */
  session: { id: string; sessionVersion: number } | null;
  /** What the permission table sees; null when no session is valid (anonymous, disabled, stale). */
  actor: (NonNullable<Actor> & { id: string }) | null;
};

export type ActionWorld = SweepWorld & {
  db: Db;
  callers: Record<CallerName, Caller>;
  instrumentCode: string;
  otherInstrument: { code: string; references: string[] };
  paragraph: { id: string; symbol: string; number: number };
  /** Commitments of the open cycle's scope nobody has reported on yet: each target takes its own. */
  freshCommitment(): string;
  /** A report of B on a fresh commitment, assigned to B's contributor, in the given state. */
  reportOfB(state: 'DRAFT' | 'SUBMITTED' | 'RETURNED'): Promise<{ id: string; version: number; commitmentId: string }>;
  sessionUser(user: { id: string }): Promise<SessionUser>;
};

const FRESH_COMMITMENTS = 80;

/** Reference data, two synthetic instruments, entity A (MEX) and B (NGA) with B's planted data. */
export async function createActionWorld(db: Db): Promise<ActionWorld> {
  await seedReferenceData(db, { now: new Date('2026-06-01T00:00:00Z') });
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const instrument = async (code: string, count: number) => {
    const created = await db.instrument.create({
      data: { code, symbol: `${code}/1`, title: { en: `[TEST] ${code} instrument (synthetic)` }, adoptedYear: 2026, adoptedBy: { en: 'Tests' } },
      select: { id: true },
    });
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const commitment = await db.commitment.create({
        data: {
          instrumentId: created.id, thematicAreaId: area.id, reference: String(index + 1), kind: 'OPERATIONAL_RECOMMENDATION', order: index + 1,
          texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${code} ${index + 1} about gadget calibration.`, sourceName: 'test fixture' }] },
        },
        select: { id: true },
      });
      ids.push(commitment.id);
    }
    return ids;
  };
  const commitments = await instrument('SWEEP', FRESH_COMMITMENTS + 3);
  await instrument('SWEEPTWO', 3);
  const planted = await plantSweepWorld(db, {
    prefix: '[TEST]', entityA: 'MEX', entityB: 'NGA', commitments: [commitments[0]!, commitments[1]!, commitments[2]!], emailTag: 'actions', withPasswords: false,
  });
  const document = await db.sourceDocument.create({
    data: { symbol: 'X/SWEEP/1', title: '[TEST] Synthetic document', language: 'en', kind: 'OTHER', checksum: 'synthetic-sweep' },
    select: { id: true },
  });
  const paragraph = await db.paragraph.create({
    data: { documentId: document.id, number: 1, sectionPath: '1', text: '[TEST] An invented paragraph about gadget calibration.', footnoteRefs: [] },
    select: { id: true },
  });

  // Accounts of B's focal point that signed in and were then disabled, or signed out elsewhere.
  const twin = async (change: 'disabled' | 'stale') => {
    const created = await db.user.create({
      data: { email: `sweep-actions-focal-b-${change}@example.test`, name: `[TEST] ${change} focal point B`, role: 'FOCAL_POINT', entityId: planted.entities.B.id, passwordHash: 'not a real hash' },
      select: { id: true },
    });
    await db.user.update({ where: { id: created.id }, data: change === 'disabled' ? { disabled: true } : { sessionVersion: { increment: 1 } } });
    return created.id;
  };
  const disabledId = await twin('disabled');
  const staleId = await twin('stale');

  const { users } = planted;
  const caller = (name: CallerName, user: { id: string; role: Role; entityId: string | null } | null): Caller => ({
    name, session: user && { id: user.id, sessionVersion: 0 }, actor: user && { id: user.id, role: user.role, entityId: user.entityId, seesWholeWorklist: false },
  });
  const callers: Record<CallerName, Caller> = {
    anonymous: caller('anonymous', null),
    viewer: caller('viewer', users.viewer),
    contributorA: caller('contributorA', users.contributorA),
    focalA: caller('focalA', users.focalA),
    contributorB: caller('contributorB', { id: users.contributorB.id, role: 'CONTRIBUTOR', entityId: planted.entities.B.id }),
    focalB: caller('focalB', users.focalB),
    reviewer: caller('reviewer', users.reviewer),
    admin: caller('admin', users.admin),
    // Signed in before the change: the session is refused, so the permission table never sees them.
    disabledFocalB: { name: 'disabledFocalB', session: { id: disabledId, sessionVersion: 0 }, actor: null },
    staleFocalB: { name: 'staleFocalB', session: { id: staleId, sessionVersion: 0 }, actor: null },
  };

  let next = 3;
  const freshCommitment = () => {
    if (next >= commitments.length) throw new Error('The sweep world has run out of fresh commitments: raise FRESH_COMMITMENTS');
    return commitments[next++]!;
  };
  const asActor = (user: { id: string; role: Role; entityId: string | null }): ReportActor => ({ id: user.id, role: user.role, entityId: user.entityId });

  const world: ActionWorld = {
    ...planted,
    db,
    callers,
    instrumentCode: 'SWEEP',
    otherInstrument: { code: 'SWEEPTWO', references: ['1', '2', '3'] },
    paragraph: { id: paragraph.id, symbol: 'X/SWEEP/1', number: 1 },
    freshCommitment,
    async reportOfB(state) {
      const commitmentId = freshCommitment();
      const B = planted.entities.B.id;
      await assignCommitments(db, asActor(users.focalB), { entityId: B, cycleId: planted.cycle.id, commitmentId: [commitmentId], assigneeId: users.contributorB.id });
      const saved = await saveStatusReport(db, asActor(users.focalB), {
        cycleId: planted.cycle.id, entityId: B, commitmentId, version: 0, status: 'IN_PROGRESS',
        narrative: `[TEST] Report of entity B in state ${state}.`, asOf: null, intent: state === 'DRAFT' ? 'save' : 'submit',
      });
      if (state !== 'RETURNED') return { id: saved.id, version: saved.version, commitmentId };
      const returned = await reviewStatusReport(db, asActor(users.reviewer), { reportId: saved.id, version: saved.version, decision: 'return', comment: '[TEST] Say more.' });
      return { id: returned.id, version: returned.version, commitmentId };
    },
    async sessionUser(user) {
      const row = await db.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { id: true, email: true, name: true, role: true, entityId: true, locale: true, seesWholeWorklist: true, entity: { select: { code: true, name: true } } },
      });
      return row;
    },
  };
  return world;
}

// ---------------------------------------------------------------------------------------------
// What each action is called with, and who may call it.

export type Prepared = {
  /** Aimed at entity B's resources (or at staff-only work). */
  fields: Fields;
  /** What the control sends, when the others must be sent something else (a wrong token). */
  controlFields?: Fields;
  /** Puts back what the control changed that later targets need (the open cycle). */
  cleanup?: () => Promise<void>;
};

export type Variant = {
  what: string;
  /** Who may: the rule the action applies, from the permission table wherever it has one. */
  allowed: (caller: Caller, world: ActionWorld) => boolean;
  /** Who proves that the fields reach the action's work; must be allowed (or the token holder). */
  control: CallerName;
  /** The control's answer: success (default), or Next's redirect (actions that navigate). */
  controlOutcome?: 'ok' | 'redirect';
  prepare: (world: ActionWorld) => Promise<Prepared>;
};

const permitted = (permission: Action, resource: (world: ActionWorld) => { entityId?: string | null; assigneeId?: string | null } = () => ({})) =>
  (caller: Caller, world: ActionWorld) => can(caller.actor, permission, resource(world));

/** A report of B assigned to B's contributor, as the permission table sees it. */
const reportOfBResource = (world: ActionWorld) => ({ entityId: world.entities.B.id, assigneeId: world.users.contributorB.id });

const signedIn = (caller: Caller) => caller.actor !== null;
const only = (name: CallerName) => (caller: Caller) => caller.name === name;
const nobody = () => false;

const textFile = (name: string, text: string) => new File([text], name, { type: 'text/plain' });
const fixture = (path: string) => readFileSync(join(ROOT, 'tests', 'fixtures', path), 'utf8');
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

async function openCycleOnly(world: ActionWorld, code: string | null) {
  // One open cycle at a time: the world's, or the one a cycle row is about.
  await world.db.reportingCycle.updateMany({ where: { state: 'OPEN' }, data: { state: 'CLOSED' } });
  if (code) await world.db.reportingCycle.update({ where: { code }, data: { state: 'OPEN' } });
}

async function plannedCycle(world: ActionWorld) {
  const code = `S${unique()}`;
  await createCycle(world.db, world.users.admin, {
    code, nameEn: '[TEST] Sweep cycle', nameZh: '', periodStart: '2031-01-01', periodEnd: '2031-12-31', opensOn: '2031-01-01', deadline: '2031-12-31', instruments: ['SWEEP'],
  });
  return code;
}

async function workbookOfB(world: ActionWorld): Promise<File> {
  const lookup = await getWorkbookData(world.db, await world.sessionUser(world.users.focalB), world.entities.B.code, 'en');
  if (!lookup.ok) throw new Error(`B's worklist workbook: ${lookup.reason}`);
  const bytes = await buildWorklistWorkbook(lookup.data, 'en');
  return new File([new Uint8Array(bytes)], `worklist-${world.entities.B.code}.xlsx`, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function invitedToB(world: ActionWorld) {
  const { id } = await inviteContributor(world.db, world.users.focalB, {
    entityId: world.entities.B.id, email: `sweep-invitee-${unique()}@example.test`, name: '[TEST] Sweep invitee of B', locale: 'en',
  });
  return id;
}

/** A focal point of B of its own (an account a user-management call may change without harm). */
async function accountOfB(world: ActionWorld) {
  const user = await world.db.user.create({
    data: { email: `sweep-account-${unique()}@example.test`, name: '[TEST] Sweep account of B', role: 'FOCAL_POINT', entityId: world.entities.B.id, passwordHash: 'not a real hash' },
    select: { id: true },
  });
  return user.id;
}

const proposalOfB = async (world: ActionWorld) =>
  (await linkUrl(world.db, world.users.focalB, { commitmentId: world.freshCommitment(), url: `https://example.org/sweep-${unique()}`, title: '[TEST] Proposed by B', note: '' })).id;

/** B's proposal, accepted by the secretariat: evidence only the secretariat removes. */
const acceptedOfB = async (world: ActionWorld) => {
  const evidenceId = await proposalOfB(world);
  await decideSuggestion(world.db, world.users.reviewer, { evidenceId, decision: 'accept' });
  return evidenceId;
};

/** B's accepted evidence whose removal B's focal point asked for. */
const removalRequestedByB = async (world: ActionWorld) => {
  const evidenceId = await acceptedOfB(world);
  await requestEvidenceRemoval(world.db, world.users.focalB, { evidenceId, reason: '[TEST] Asked by the sweep.' });
  return evidenceId;
};

/** By "file#name", every action of the application. A new action must be added here, or the sweep fails. */
export const ACTION_SPECS: Record<string, Variant[]> = {
  // --- status reports --------------------------------------------------------------------------
  'lib/status-reports/actions.ts#saveStatusReportAction': [
    {
      what: "save B's draft", allowed: permitted('status-report.edit', reportOfBResource), control: 'focalB',
      async prepare(world) {
        const report = await world.reportOfB('DRAFT');
        return { fields: { cycleId: world.cycle.id, entityId: world.entities.B.id, commitmentId: report.commitmentId, version: String(report.version), status: 'FULLY_IMPLEMENTED', narrative: '[TEST] Overwritten.', asOf: '', intent: 'save' } };
      },
    },
    {
      what: "submit B's draft", allowed: permitted('status-report.submit', reportOfBResource), control: 'focalB',
      async prepare(world) {
        const report = await world.reportOfB('DRAFT');
        return { fields: { cycleId: world.cycle.id, entityId: world.entities.B.id, commitmentId: report.commitmentId, version: String(report.version), status: 'FULLY_IMPLEMENTED', narrative: '[TEST] Submitted.', asOf: '', intent: 'submit' } };
      },
    },
    {
      what: "write B's first report on a commitment", allowed: permitted('status-report.edit', (world) => ({ entityId: world.entities.B.id, assigneeId: null })), control: 'focalB',
      async prepare(world) {
        return { fields: { cycleId: world.cycle.id, entityId: world.entities.B.id, commitmentId: world.freshCommitment(), version: '0', status: 'NOT_STARTED', narrative: '[TEST] First.', asOf: '', intent: 'save' } };
      },
    },
  ],
  'lib/status-reports/actions.ts#withdrawStatusReportAction': [{
    what: "withdraw B's submission", allowed: permitted('status-report.submit', reportOfBResource), control: 'focalB',
    async prepare(world) {
      const report = await world.reportOfB('SUBMITTED');
      return { fields: { reportId: report.id, version: String(report.version) } };
    },
  }],
  'lib/status-reports/actions.ts#markStatusReportReadyAction': [{
    what: "hand B's draft over", allowed: permitted('status-report.mark-ready', reportOfBResource), control: 'contributorB',
    async prepare(world) {
      const report = await world.reportOfB('DRAFT');
      return { fields: { reportId: report.id, version: String(report.version) } };
    },
  }],
  'lib/status-reports/actions.ts#reviewStatusReportAction': [
    {
      what: "accept B's submission", allowed: permitted('status-report.review', reportOfBResource), control: 'reviewer',
      async prepare(world) {
        const report = await world.reportOfB('SUBMITTED');
        return { fields: { reportId: report.id, version: String(report.version), decision: 'accept', comment: '' } };
      },
    },
    {
      what: "return B's submission", allowed: permitted('status-report.review', reportOfBResource), control: 'reviewer',
      async prepare(world) {
        const report = await world.reportOfB('SUBMITTED');
        return { fields: { reportId: report.id, version: String(report.version), decision: 'return', comment: '[TEST] Returned by the sweep.' } };
      },
    },
  ],
  'lib/status-reports/actions.ts#acceptStatusReportsAction': [{
    what: "accept B's submissions in a batch", allowed: permitted('status-report.review'), control: 'reviewer',
    async prepare(world) {
      const [first, second] = [await world.reportOfB('SUBMITTED'), await world.reportOfB('SUBMITTED')];
      return { fields: { reports: [`${first.id}:${first.version}`, `${second.id}:${second.version}`] } };
    },
  }],
  'lib/status-reports/actions.ts#linkReportParagraphAction': [{
    what: "link a paragraph to B's draft", allowed: permitted('status-report.edit', reportOfBResource), control: 'focalB',
    async prepare(world) {
      const report = await world.reportOfB('DRAFT');
      return { fields: { reportId: report.id, paragraphId: world.paragraph.id, note: '[TEST] Sweep note.' } };
    },
  }],
  'lib/status-reports/actions.ts#linkReportUrlAction': [{
    what: "link a web page to B's draft", allowed: permitted('status-report.edit', reportOfBResource), control: 'focalB',
    async prepare(world) {
      const report = await world.reportOfB('DRAFT');
      return { fields: { reportId: report.id, url: 'https://example.org/sweep-page', title: '[TEST] Sweep page', note: '' } };
    },
  }],
  'lib/status-reports/actions.ts#linkReportFileAction': [{
    what: "attach a file to B's draft", allowed: permitted('status-report.edit', reportOfBResource), control: 'focalB',
    async prepare(world) {
      const report = await world.reportOfB('DRAFT');
      return { fields: { reportId: report.id, file: textFile('sweep-evidence.txt', '[TEST] Sweep evidence.\n'), note: '' } };
    },
  }],
  'lib/status-reports/actions.ts#removeReportEvidenceAction': [{
    what: "remove evidence from B's draft", allowed: permitted('status-report.edit', reportOfBResource), control: 'focalB',
    async prepare(world) {
      const report = await world.reportOfB('DRAFT');
      const link = await linkReportUrl(world.db, world.users.focalB, { reportId: report.id, url: 'https://example.org/sweep-remove', title: '[TEST] To remove', note: '' });
      return { fields: { reportId: report.id, evidenceId: link.id } };
    },
  }],
  'lib/status-reports/actions.ts#searchReportParagraphsAction': [{
    what: "search paragraphs for B's draft", allowed: permitted('status-report.edit', reportOfBResource), control: 'focalB',
    async prepare(world) {
      const report = await world.reportOfB('DRAFT');
      return { fields: { reportId: report.id, q: 'gadget' } };
    },
  }],

  // --- cycles ------------------------------------------------------------------------------------
  'lib/cycles/actions.ts#createCycleAction': [{
    what: 'create a cycle', allowed: permitted('cycle.manage'), control: 'admin',
    async prepare() {
      return { fields: { code: `S${unique()}`, nameEn: '[TEST] Sweep cycle', nameZh: '', periodStart: '2032-01-01', periodEnd: '2032-12-31', opensOn: '2032-01-01', deadline: '2032-12-31', instruments: 'SWEEP' } };
    },
  }],
  'lib/cycles/actions.ts#openCycleAction': [{
    what: 'open a planned cycle', allowed: permitted('cycle.manage'), control: 'admin',
    async prepare(world) {
      const code = await plannedCycle(world);
      await openCycleOnly(world, null);
      return { fields: { code, reason: '' }, cleanup: () => openCycleOnly(world, world.cycle.code) };
    },
  }],
  'lib/cycles/actions.ts#closeCycleAction': [{
    what: 'close the open cycle', allowed: permitted('cycle.manage'), control: 'admin',
    async prepare(world) {
      return { fields: { code: world.cycle.code, reason: '' }, cleanup: () => openCycleOnly(world, world.cycle.code) };
    },
  }],
  'lib/cycles/actions.ts#reopenCycleAction': [{
    what: 'reopen a closed cycle', allowed: permitted('cycle.manage'), control: 'admin',
    async prepare(world) {
      const code = await plannedCycle(world);
      await world.db.reportingCycle.update({ where: { code }, data: { state: 'CLOSED' } });
      await openCycleOnly(world, null);
      return { fields: { code, reason: '[TEST] Reopened by the sweep.' }, cleanup: () => openCycleOnly(world, world.cycle.code) };
    },
  }],

  // --- catalogue -----------------------------------------------------------------------------------
  'lib/catalogue/actions.ts#editCommitmentTextAction': [{
    what: "edit a commitment's wording", allowed: permitted('catalogue.edit'), control: 'reviewer',
    async prepare(world) {
      const commitmentId = world.freshCommitment();
      const text = await world.db.commitmentText.findFirstOrThrow({ where: { commitmentId, locale: 'en' }, select: { text: true } });
      return { fields: { commitmentId, locale: 'en', text: '[TEST] Edited by the sweep.', baseChecksum: checksumOf(text.text) } };
    },
  }],
  'lib/catalogue/actions.ts#relateCommitmentsAction': [{
    what: 'relate two commitments', allowed: permitted('catalogue.edit'), control: 'reviewer',
    async prepare(world) {
      return { fields: { commitmentId: world.freshCommitment(), instrumentCode: world.otherInstrument.code, reference: world.otherInstrument.references[0]! } };
    },
  }],
  'lib/catalogue/actions.ts#unrelateCommitmentsAction': [{
    what: 'unrelate two commitments', allowed: permitted('catalogue.edit'), control: 'reviewer',
    async prepare(world) {
      const commitmentId = world.freshCommitment();
      const other = await world.db.commitment.findFirstOrThrow({ where: { instrument: { code: world.otherInstrument.code }, reference: world.otherInstrument.references[1]! }, select: { id: true } });
      await relateCommitments(world.db, world.users.reviewer.id, commitmentId, { instrumentCode: world.otherInstrument.code, reference: world.otherInstrument.references[1]! });
      return { fields: { commitmentId, otherId: other.id } };
    },
  }],
  'lib/catalogue/actions.ts#previewInstrumentImportAction': [{
    what: 'preview an instrument import', allowed: permitted('catalogue.import'), control: 'reviewer',
    async prepare() {
      return { fields: { instrumentCode: 'SWEEP', language: 'en', sourceName: 'sweep.txt', text: fixture('instruments/resolution.en.txt') } };
    },
  }],

  // --- documents -----------------------------------------------------------------------------------
  'lib/documents/actions.ts#previewDocumentImportAction': [{
    what: 'preview a document import', allowed: permitted('document.import'), control: 'reviewer',
    async prepare() {
      return { fields: { symbol: `X/SWEEP/${unique()}`, language: 'en', publishedOn: '', sourceName: 'sweep.txt', text: fixture('reports/report.en.txt') } };
    },
  }],
  'lib/documents/actions.ts#confirmDocumentImportAction': [{
    // A preview is its author's: not even another importer confirms it.
    what: "confirm the reviewer's document import", allowed: only('reviewer'), control: 'reviewer',
    async prepare(world) {
      const { stagedId } = await stageDocumentImport(world.db, world.users.reviewer.id, {
        symbol: `X/SWEEP/${unique()}`, language: 'en', sourceName: 'sweep.txt', text: fixture('reports/report.en.txt'), publishedOn: null,
      });
      return { fields: { stagedId } };
    },
  }],

  // --- commitment-level evidence ------------------------------------------------------------------
  'lib/evidence/actions.ts#linkParagraphAction': [{
    // Open to the secretariat and every focal point, for their own entity.
    what: 'link a paragraph to a commitment', allowed: (caller) => can(caller.actor, 'evidence.link', { entityId: caller.actor?.entityId }), control: 'focalB',
    async prepare(world) {
      return { fields: { commitmentId: world.freshCommitment(), symbol: world.paragraph.symbol, number: String(world.paragraph.number), note: '' } };
    },
  }],
  'lib/evidence/actions.ts#linkUrlAction': [{
    what: 'link a web page to a commitment', allowed: (caller) => can(caller.actor, 'evidence.link', { entityId: caller.actor?.entityId }), control: 'focalB',
    async prepare(world) {
      return { fields: { commitmentId: world.freshCommitment(), url: `https://example.org/sweep-${unique()}`, title: '[TEST] Sweep page', note: '' } };
    },
  }],
  'lib/evidence/actions.ts#linkFileAction': [{
    what: 'attach a file to a commitment', allowed: (caller) => can(caller.actor, 'evidence.link', { entityId: caller.actor?.entityId }), control: 'focalB',
    async prepare(world) {
      return { fields: { commitmentId: world.freshCommitment(), file: textFile('sweep-commitment.txt', '[TEST] Sweep evidence.\n'), note: '' } };
    },
  }],
  'lib/evidence/actions.ts#linkParagraphToCommitmentAction': [{
    // From the paragraph's page: the same rule as linking by symbol and number.
    what: 'link a paragraph to a commitment from its page', allowed: (caller) => can(caller.actor, 'evidence.link', { entityId: caller.actor?.entityId }), control: 'focalB',
    async prepare(world) {
      return { fields: { commitmentId: world.freshCommitment(), paragraphId: world.paragraph.id, note: '' } };
    },
  }],
  'lib/evidence/actions.ts#searchCommitmentsToLinkAction': [{
    what: 'find commitments to link a paragraph to', allowed: (caller) => can(caller.actor, 'evidence.link', { entityId: caller.actor?.entityId }), control: 'focalB',
    async prepare(world) {
      return { fields: { paragraphId: world.paragraph.id, q: 'gadget' } };
    },
  }],
  'lib/evidence/actions.ts#removeEvidenceAction': [
    {
      // While it waits for review: B's focal points, and the secretariat.
      what: "remove B's proposed evidence",
      allowed: (caller, world) => mayRemoveEvidence(caller.actor, { addedById: world.users.focalB.id, entityId: world.entities.B.id, state: 'SUGGESTED' }),
      control: 'focalB',
      async prepare(world) {
        return { fields: { evidenceId: await proposalOfB(world) } };
      },
    },
    {
      // Once accepted, only the secretariat removes it; B's focal point asks for it.
      what: "remove B's accepted evidence", allowed: permitted('evidence.review'), control: 'reviewer',
      async prepare(world) {
        return { fields: { evidenceId: await acceptedOfB(world) } };
      },
    },
  ],
  'lib/evidence/actions.ts#restoreEvidenceAction': [{
    // Whoever removed it, just after; the secretariat at any time.
    what: "restore the evidence B's focal point just removed",
    allowed: (caller, world) => mayRestoreEvidence(caller.actor, { removedById: world.users.focalB.id, removedAt: new Date() }),
    control: 'focalB',
    async prepare(world) {
      const evidenceId = await proposalOfB(world);
      await removeEvidence(world.db, world.users.focalB, { evidenceId });
      return { fields: { evidenceId } };
    },
  }],
  'lib/evidence/actions.ts#requestEvidenceRemovalAction': [{
    what: "ask for the removal of B's accepted evidence",
    allowed: (caller, world) => mayRequestEvidenceRemoval(caller.actor, { addedById: world.users.focalB.id, entityId: world.entities.B.id, state: 'ACCEPTED' }),
    control: 'focalB',
    async prepare(world) {
      return { fields: { evidenceId: await acceptedOfB(world), reason: '[TEST] No longer relevant.' } };
    },
  }],
  'lib/evidence/actions.ts#decideRemovalRequestAction': [
    {
      what: "keep B's evidence whose removal B asked for", allowed: permitted('evidence.review'), control: 'reviewer',
      async prepare(world) {
        return { fields: { evidenceId: await removalRequestedByB(world), decision: 'keep', comment: '[TEST] Still relevant.' } };
      },
    },
    {
      what: "remove B's evidence as B asked", allowed: permitted('evidence.review'), control: 'reviewer',
      async prepare(world) {
        return { fields: { evidenceId: await removalRequestedByB(world), decision: 'remove', comment: '' } };
      },
    },
  ],
  'lib/evidence/actions.ts#suggestEvidenceAction': [{
    what: 'suggest evidence for a commitment', allowed: permitted('evidence.review'), control: 'reviewer',
    async prepare(world) {
      return { fields: { commitmentId: world.freshCommitment() } };
    },
  }],
  'lib/evidence/actions.ts#decideSuggestionAction': [{
    what: "accept B's proposed evidence", allowed: permitted('evidence.review'), control: 'reviewer',
    async prepare(world) {
      return { fields: { evidenceId: await proposalOfB(world), decision: 'accept', comment: '' } };
    },
  }, {
    what: "reject B's proposed evidence with a comment", allowed: permitted('evidence.review'), control: 'reviewer',
    async prepare(world) {
      return { fields: { evidenceId: await proposalOfB(world), decision: 'reject', comment: '[TEST] Not about this commitment.' } };
    },
  }],

  // --- notifications and outbox -------------------------------------------------------------------
  'lib/notifications/inbox-actions.ts#openNotificationAction': [{
    what: "open B's focal point's notification", allowed: only('focalB'), control: 'focalB', controlOutcome: 'redirect',
    async prepare(world) {
      await world.reportOfB('RETURNED');
      const notification = await world.db.notification.findFirstOrThrow({ where: { userId: world.users.focalB.id, readAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true } });
      return { fields: { id: notification.id } };
    },
  }],
  'lib/notifications/inbox-actions.ts#markAllNotificationsReadAction': [{
    // Every signed-in person, on their own notifications only (see the test of A's call).
    what: "mark one's notifications read", allowed: signedIn, control: 'focalB',
    async prepare(world) {
      await world.reportOfB('RETURNED');
      return { fields: {} };
    },
  }],
  // One's own language: everyone signed in, on their own account only (the session's user is the resource).
  'lib/users/language-actions.ts#rememberLanguageAction': [{
    what: "remember one's language", allowed: signedIn, control: 'focalB',
    async prepare() {
      return { fields: { locale: 'fr' } };
    },
  }],
  // Two-step sign-in: everyone signed in, on their own account only (the session's user is the resource).
  'lib/mfa/actions.ts#startMfaEnrolmentAction': [{
    what: 'start setting up two-step sign-in', allowed: signedIn, control: 'focalB',
    async prepare(world) {
      await resetMfa(world.db, world.users.focalB.id);
      return { fields: {} };
    },
  }],
  'lib/mfa/actions.ts#confirmMfaEnrolmentAction': [{
    what: "confirm B's focal point's authenticator", allowed: signedIn, control: 'focalB',
    async prepare(world) {
      await resetMfa(world.db, world.users.focalB.id);
      const { secret } = await startMfaEnrolment(world.db, world.users.focalB.id);
      return { fields: { code: await generate({ secret }) } };
    },
  }],
  'lib/mfa/actions.ts#renewRecoveryCodesAction': [{
    what: "renew B's focal point's recovery codes", allowed: signedIn, control: 'focalB',
    async prepare(world) {
      return { fields: { code: await enrolledCode(world.db, world.users.focalB.id) } };
    },
  }],
  'lib/mfa/actions.ts#disableMfaAction': [{
    what: "turn off B's focal point's two-step sign-in", allowed: signedIn, control: 'focalB',
    async prepare(world) {
      return { fields: { code: await enrolledCode(world.db, world.users.focalB.id) } };
    },
  }],
  'lib/notifications/outbox-actions.ts#requeueOutboxEmailAction': [{
    what: "send a failed e-mail to B's focal point again", allowed: permitted('outbox.read'), control: 'admin',
    async prepare(world) {
      await world.reportOfB('RETURNED');
      const email = await world.db.outboxEmail.findFirstOrThrow({ where: { userId: world.users.focalB.id, state: 'PENDING' }, orderBy: { createdAt: 'desc' }, select: { id: true } });
      await world.db.outboxEmail.update({ where: { id: email.id }, data: { state: 'FAILED', attempts: 3, lastError: '[TEST] refused by the sweep' } });
      return { fields: { id: email.id } };
    },
  }],

  // --- offline reporting ---------------------------------------------------------------------------
  'lib/offline-reporting/actions.ts#previewWorklistUploadAction': [{
    // Anyone who edits their own entity's reports may preview an upload (their own staged row);
    // the rows are then planned against the uploader's entity, so B's rows uploaded by A are all
    // refused (tests/security/action-sweep.test.ts checks that nothing of B is planned).
    what: "preview an upload of B's worklist",
    allowed: (caller) => caller.actor !== null && mayUploadWorklist({ seesWholeWorklist: false, ...caller.actor }),
    control: 'focalB',
    async prepare(world) {
      return { fields: { file: await workbookOfB(world) } };
    },
  }],
  'lib/offline-reporting/actions.ts#confirmWorklistUploadAction': [{
    // A preview is its uploader's.
    what: "confirm B's focal point's upload", allowed: only('focalB'), control: 'focalB',
    async prepare(world) {
      const outcome = await previewWorklistUpload(world.db, await world.sessionUser(world.users.focalB), { name: 'worklist.xlsx', bytes: new Uint8Array(await (await workbookOfB(world)).arrayBuffer()) }, 'en');
      if (outcome.kind !== 'preview') throw new Error(`B's preview was refused: ${JSON.stringify(outcome)}`);
      return { fields: { stagedId: outcome.preview.stagedId } };
    },
  }],

  // --- summaries -----------------------------------------------------------------------------------
  'lib/summaries/actions.ts#publishSummariesAction': [{
    what: "publish the open cycle's summaries", allowed: permitted('summary.publish'), control: 'reviewer',
    async prepare(world) {
      return { fields: { cycleCode: world.cycle.code } };
    },
  }],
  'lib/summaries/actions.ts#unpublishSummariesAction': [{
    what: "withdraw the open cycle's summaries", allowed: permitted('summary.publish'), control: 'reviewer',
    async prepare(world) {
      await publishSummaries(world.db, world.users.reviewer, { cycleCode: world.cycle.code });
      return { fields: { cycleCode: world.cycle.code, reason: '[TEST] Withdrawn by the sweep.' } };
    },
  }],

  // --- team ----------------------------------------------------------------------------------------
  'lib/team/actions.ts#inviteContributorAction': [{
    what: 'invite a contributor to B', allowed: permitted('team.manage', (world) => ({ entityId: world.entities.B.id })), control: 'focalB',
    async prepare(world) {
      return { fields: { entityId: world.entities.B.id, email: `sweep-invited-${unique()}@example.test`, name: '[TEST] Sweep invitee', locale: 'en' } };
    },
  }],
  'lib/team/actions.ts#changeContributorAction': [{
    what: "share B's worklist with B's contributor", allowed: permitted('team.manage', (world) => ({ entityId: world.entities.B.id })), control: 'focalB',
    async prepare(world) {
      return { fields: { userId: await invitedToB(world), setting: 'share' } };
    },
  }],
  'lib/team/actions.ts#assignCommitmentsAction': [{
    what: "assign B's commitment to B's contributor", allowed: permitted('team.manage', (world) => ({ entityId: world.entities.B.id })), control: 'focalB',
    async prepare(world) {
      return { fields: { entityId: world.entities.B.id, cycleId: world.cycle.id, commitmentId: world.freshCommitment(), assigneeId: world.users.contributorB.id } };
    },
  }],
  // --- users (administrators) -------------------------------------------------------------------
  'lib/users/actions.ts#inviteUserAction': [{
    what: 'invite a focal point of B', allowed: permitted('user.manage'), control: 'admin',
    async prepare(world) {
      return { fields: { email: `sweep-user-${unique()}@example.test`, name: '[TEST] Sweep user', role: 'FOCAL_POINT', entityId: world.entities.B.id, locale: 'en' } };
    },
  }],
  'lib/users/actions.ts#changeUserAction': [{
    what: "disable an account of B", allowed: permitted('user.manage'), control: 'admin',
    async prepare(world) {
      return { fields: { userId: await accountOfB(world), setting: 'disable' } };
    },
  }],
  'lib/users/actions.ts#changeUserRoleAction': [{
    what: "make an account of B a reviewer", allowed: permitted('user.manage'), control: 'admin',
    async prepare(world) {
      return { fields: { userId: await accountOfB(world), role: 'SECRETARIAT', entityId: '' } };
    },
  }],

  'lib/team/actions.ts#acceptInvitationAction': [{
    // Public: the link's token is the right to act. Without it, nobody (signed in or not) may.
    what: "accept B's invitation without its token", allowed: nobody, control: 'anonymous',
    async prepare(world) {
      const userId = await invitedToB(world);
      const token = randomBytes(32).toString('base64url');
      await world.db.invitation.create({ data: { tokenHash: hashInvitationToken(token), userId, invitedById: world.users.focalB.id, expiresAt: new Date(Date.now() + 86_400_000) } });
      const answer = { name: '[TEST] Taken over', password: 'a sweep password of length', confirm: 'a sweep password of length' };
      const wrong = createHash('sha256').update(token).digest('base64url');
      return { fields: { token: wrong, ...answer }, controlFields: { token, ...answer } };
    },
  }],
};

// ---------------------------------------------------------------------------------------------
// Calling.

export function formData(fields: Fields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
}

export type CallOutcome = { kind: 'state'; state: ActionState<unknown> } | { kind: 'redirect' } | { kind: 'threw'; error: string };

export async function callAs(caller: Caller, action: AnyAction, fields: Fields): Promise<CallOutcome> {
  signInAs(caller.session);
  try {
    return { kind: 'state', state: await action(null, formData(fields)) };
  } catch (error) {
    if (isRedirectError(error)) return { kind: 'redirect' };
    return { kind: 'threw', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    signInAs(null);
  }
}

export const describeOutcome = (outcome: CallOutcome) =>
  outcome.kind === 'state' ? (outcome.state?.ok ? 'ok' : `refused: ${outcome.state?.message}`) : outcome.kind === 'redirect' ? 'redirect' : `threw ${outcome.error}`;

export type Violation = { caller: CallerName; outcome: string; changed: string[] };

/**
 * Calls `action` with the prepared fields as every caller `variant.allowed` turns away, and
 * returns each call that was not refused or that changed the database. Leaves the database as the
 * control call (when `control` is true) and the cleanup leave it.
 */
export async function sweepVariant(
  world: ActionWorld, snapshots: Snapshotter, action: AnyAction, variant: Variant, options: { control?: boolean } = {},
): Promise<{ violations: Violation[]; refused: { caller: CallerName; outcome: string }[]; control?: CallOutcome }> {
  const prepared = await variant.prepare(world);
  const violations: Violation[] = [];
  const refused: { caller: CallerName; outcome: string }[] = [];
  try {
    let before = await snapshots.take();
    for (const name of CALLERS) {
      const caller = world.callers[name];
      if (variant.allowed(caller, world)) continue;
      const outcome = await callAs(caller, action, prepared.fields);
      const after = await snapshots.take();
      const changed = changedTables(before, after);
      const refusedCall = outcome.kind === 'state' && outcome.state !== null && !outcome.state.ok;
      if (changed.length > 0 || !refusedCall) violations.push({ caller: name, outcome: describeOutcome(outcome), changed });
      else refused.push({ caller: name, outcome: describeOutcome(outcome) });
      before = after;
    }
    if (!options.control) return { violations, refused };
    const control = await callAs(world.callers[variant.control], action, prepared.controlFields ?? prepared.fields);
    return { violations, refused, control };
  } finally {
    await prepared.cleanup?.();
  }
}

/** Loads every action module the inventory names, keyed like ACTION_SPECS. */
export async function loadActions(inventory: { file: string; name: string }[]): Promise<Record<string, AnyAction>> {
  const modules = new Map<string, Record<string, unknown>>();
  const actions: Record<string, AnyAction> = {};
  for (const { file, name } of inventory) {
    if (!modules.has(file)) modules.set(file, (await import(/* @vite-ignore */ join(ROOT, file))) as Record<string, unknown>);
    const value = modules.get(file)![name];
    if (typeof value !== 'function') throw new Error(`${file} exports ${name}, which is not a function`);
    actions[`${file}#${name}`] = value as AnyAction;
  }
  return actions;
}

/** Two-step sign-in off, as at first. */
async function resetMfa(db: Db, userId: string) {
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
}

/** Two-step sign-in on (enrolled a minute ago), and a code of now that it has not used. */
async function enrolledCode(db: Db, userId: string): Promise<string> {
  await resetMfa(db, userId);
  const earlier = new Date(Date.now() - 60_000);
  const { secret } = await startMfaEnrolment(db, userId);
  await confirmMfaEnrolment(db, userId, await generate({ secret, epoch: Math.floor(earlier.getTime() / 1000) }), earlier);
  return generate({ secret });
}

export type ActionSweep = {
  database: Awaited<ReturnType<typeof createAppTestDatabase>>;
  world: ActionWorld;
  actions: Record<string, AnyAction>;
  snapshots: Snapshotter;
};

/** A sweep's database of its own, with its world and every action loaded. */
export async function openActionSweep(inventory: { file: string; name: string }[]): Promise<ActionSweep> {
  const database = await createAppTestDatabase();
  const actions = await loadActions(inventory);
  const world = await createActionWorld(database.db);
  return { database, world, actions, snapshots: await snapshotter(database.url) };
}

export async function closeActionSweep(sweep: Partial<Pick<ActionSweep, 'database' | 'snapshots'>>): Promise<void> {
  await sweep.snapshots?.close();
  await sweep.database?.drop();
}
