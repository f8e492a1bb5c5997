// Planning an upload, without a database: which rows would change, and why each other row is
// refused. The rules: a row must be one of this entity's worklist in the open cycle, once; what
// it says must be a status and a narrative that can be saved; the person must be allowed to save
// that report now; and the report must be as it was downloaded (never overwritten).
import { describe, expect, it } from 'vitest';
import type { ImplementationStatus, WorkflowState } from '@/lib/generated/prisma/enums';
import { contentChecksum } from '@/lib/offline-reporting/format';
import { planFingerprint, planUpload, type CurrentReport, type PlanContext, type UploadActor } from '@/lib/offline-reporting/plan';
import type { SheetRow } from '@/lib/offline-reporting/read-workbook';

const NOW = new Date('2026-06-01T12:00:00Z');
const focal: UploadActor = { id: 'u-focal', role: 'FOCAL_POINT', entityId: 'e-mex' };
const contributor: UploadActor = { id: 'u-contrib', role: 'CONTRIBUTOR', entityId: 'e-mex' };

function report(state: WorkflowState, status: ImplementationStatus | null, narrative: string, version: number, updatedBy = 'Another focal point'): CurrentReport {
  return { state, status, narrative, version, updatedBy, updatedAt: new Date('2026-05-30T08:15:00Z') };
}

function context(actor: UploadActor, reports: Record<string, CurrentReport> = {}, assignees: Record<string, string> = {}): PlanContext {
  return {
    actor, now: NOW,
    entity: { id: 'e-mex', code: 'MEX', name: 'Mexico' },
    cycle: { id: 'cy', code: '2026', state: 'OPEN', opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2026-12-31T00:00:00Z') },
    commitments: new Map(['c1', 'c2', 'c3', 'c4'].map((id, index) => [id, { label: `TEST/1 1(${'abcd'[index]})` }])),
    reports: new Map(Object.entries(reports)),
    assignees: new Map(Object.entries(assignees)),
    entityNames: new Map([['NGA', 'Nigeria']]),
  };
}

/** A row as downloaded (`was`), then filled in with `now`. */
function row(
  number: number, commitmentId: string,
  was: { status: ImplementationStatus | null; narrative: string; version: number },
  now: Partial<Pick<SheetRow, 'status' | 'narrative' | 'entityCode' | 'cycleCode'>> = {},
): SheetRow {
  return {
    row: number, label: `sheet ${commitmentId}`, entityCode: 'MEX', cycleCode: '2026', commitmentId, version: was.version,
    checksum: contentChecksum(was.status, was.narrative),
    status: { value: was.status }, narrative: { text: was.narrative, length: was.narrative.length },
    ...now,
  };
}

const text = (value: string) => ({ text: value, length: value.length });
const blank = { status: null, narrative: '', version: 0 };

describe('planning an upload', () => {
  it('lists only the rows that change, with what changes; untouched rows are left alone', () => {
    const reports = { c2: report('DRAFT', 'IN_PROGRESS', 'Old text.', 4), c3: report('SUBMITTED', 'FULLY_IMPLEMENTED', 'Submitted.', 7) };
    const plan = planUpload([
      row(2, 'c1', blank, { status: { value: 'NOT_STARTED' }, narrative: text('A new draft.') }),
      row(3, 'c2', { status: 'IN_PROGRESS', narrative: 'Old text.', version: 4 }, { status: { value: null } }),
      row(4, 'c3', { status: 'FULLY_IMPLEMENTED', narrative: 'Submitted.', version: 7 }),
      row(5, 'c4', blank),
    ], context(focal, reports));
    expect(plan.problems).toEqual([]);
    expect(plan.unchanged).toBe(2);
    expect(plan.changes).toEqual([
      { row: 2, label: 'TEST/1 1(a)', commitmentId: 'c1', version: 0, state: null, before: { status: null, narrative: '' }, after: { status: 'NOT_STARTED', narrative: 'A new draft.' } },
      { row: 3, label: 'TEST/1 1(b)', commitmentId: 'c2', version: 4, state: 'DRAFT', before: { status: 'IN_PROGRESS', narrative: 'Old text.' }, after: { status: null, narrative: 'Old text.' } },
    ]);
  });

  it('refuses each row that cannot be saved, with the reason', () => {
    const reports = {
      c1: report('SUBMITTED', 'IN_PROGRESS', 'Submitted.', 2),
      c2: report('ACCEPTED', 'FULLY_IMPLEMENTED', 'Accepted.', 5),
      c3: report('DRAFT', 'IN_PROGRESS', 'Their newer text.', 6, 'Ana'),
    };
    const plan = planUpload([
      row(2, 'c1', { status: 'IN_PROGRESS', narrative: 'Submitted.', version: 2 }, { narrative: text('Changed.') }),
      row(3, 'c2', { status: 'FULLY_IMPLEMENTED', narrative: 'Accepted.', version: 5 }, { status: { value: 'IN_PROGRESS' } }),
      row(4, 'c3', { status: 'IN_PROGRESS', narrative: 'My old text.', version: 5 }, { narrative: text('My new text.') }),
      row(5, 'c4', blank, { status: { unknown: 'Done' } }),
      row(6, 'c4', blank, { narrative: text('x'.repeat(10_001)) }),
      row(7, 'zz', blank, { narrative: text('Not in the cycle.') }),
      row(8, 'c1', blank, { entityCode: 'NGA', narrative: text('Nigeria.') }),
      row(9, 'c2', blank, { cycleCode: '2025', narrative: text('Last year.') }),
      { ...row(10, 'c3', blank, { narrative: text('No key.') }), commitmentId: '' },
      { ...row(11, 'c3', blank, { narrative: text('Bad version.') }), version: null },
      row(12, 'c4', blank, { status: { formula: true } }),
    ], context(focal, reports));
    expect(plan.changes).toEqual([]);
    expect(plan.problems.map((problem) => [problem.row, problem.code, problem.values])).toEqual([
      [2, 'notEditable', { state: 'SUBMITTED' }],
      [3, 'notEditable', { state: 'ACCEPTED' }],
      [4, 'changedSinceDownload', { by: 'Ana', at: '2026-05-30 08:15' }],
      [5, 'duplicate', { rows: '6, 12' }],
      [6, 'duplicate', { rows: '5, 12' }],
      [7, 'notInCycle', { cycle: '2026' }],
      [8, 'otherEntity', { entity: 'Nigeria', own: 'Mexico' }],
      [9, 'otherCycle', { cycle: '2025', open: '2026' }],
      [10, 'missingKey', {}],
      [11, 'missingKey', {}],
      [12, 'duplicate', { rows: '5, 6' }],
    ]);
  });

  it('says what is wrong with what a row says: an unknown status, a narrative too long, a formula', () => {
    const plan = planUpload([
      row(2, 'c1', blank, { status: { unknown: 'Done' } }),
      row(3, 'c2', blank, { narrative: { text: 'x'.repeat(10_001), length: 12_345 } }),
      row(4, 'c3', blank, { status: { formula: true } }),
      row(5, 'c4', blank, { narrative: { formula: true } }),
    ], context(focal));
    expect(plan.problems.map((problem) => [problem.row, problem.code, problem.values])).toEqual([
      [2, 'unknownStatus', { value: 'Done' }],
      [3, 'narrativeTooLong', { length: 12_345, max: 10_000 }],
      [4, 'formula', { column: 'status' }],
      [5, 'formula', { column: 'narrative' }],
    ]);
    // Exactly the most that can be saved is saved.
    expect(planUpload([row(2, 'c1', blank, { narrative: text('x'.repeat(10_000)) })], context(focal)).changes).toHaveLength(1);
  });

  it('lets a contributor change only the reports assigned to them', () => {
    const rows = [
      row(2, 'c1', blank, { narrative: text('Mine.') }),
      row(3, 'c2', blank, { narrative: text('Not mine.') }),
      row(4, 'c3', blank, { narrative: text('Nobody\'s.') }),
    ];
    const plan = planUpload(rows, context(contributor, {}, { c1: contributor.id, c2: 'someone-else' }));
    expect(plan.changes.map((change) => change.commitmentId)).toEqual(['c1']);
    expect(plan.problems.map((problem) => [problem.row, problem.code])).toEqual([[3, 'notAssigned'], [4, 'notAssigned']]);
    // The focal point may change all of them.
    expect(planUpload(rows, context(focal, {}, { c1: contributor.id, c2: 'someone-else' })).changes).toHaveLength(3);
  });

  it('takes a row that already says what the report says as unchanged, even if the report moved on', () => {
    const plan = planUpload([
      row(2, 'c1', { status: 'IN_PROGRESS', narrative: 'Old.', version: 1 }, { narrative: text('What they saved.') }),
    ], context(focal, { c1: report('DRAFT', 'IN_PROGRESS', 'What they saved.', 2) }));
    expect(plan).toEqual({ changes: [], problems: [], unchanged: 1 });
  });

  it('fingerprints the outcome: the same rows and changes, or not', () => {
    const rows = [row(2, 'c1', blank, { narrative: text('A.') }), row(3, 'c2', blank, { status: { unknown: '?' } })];
    const first = planFingerprint(planUpload(rows, context(focal)));
    expect(planFingerprint(planUpload(rows, context(focal)))).toBe(first);
    expect(planFingerprint(planUpload(rows, context(focal, { c1: report('DRAFT', null, '', 1) })))).not.toBe(first);
  });
});
