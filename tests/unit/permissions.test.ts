import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action, type Actor } from '@/lib/auth/permissions';

const OWN = 'entity-own';
const OTHER = 'entity-other';

const admin: Actor = { role: 'ADMIN', entityId: null, id: 'u-admin' };
const secretariat: Actor = { role: 'SECRETARIAT', entityId: null, id: 'u-secretariat' };
const focalPoint: Actor = { role: 'FOCAL_POINT', entityId: OWN, id: 'u-focal' };
const contributor: Actor = { role: 'CONTRIBUTOR', entityId: OWN, id: 'u-contributor' };
const viewer: Actor = { role: 'VIEWER', entityId: null, id: 'u-viewer' };
const anonymous: Actor = null;

// Expected outcome for every role and action: [own entity, another entity], for a report
// assigned to nobody. Contributors' rights on assigned reports are tested below.
type Outcome = [boolean, boolean];
const Y: Outcome = [true, true];
const N: Outcome = [false, false];
const OWN_ONLY: Outcome = [true, false];

type Row = [admin: Outcome, secretariat: Outcome, focalPoint: Outcome, contributor: Outcome, viewer: Outcome, anonymous: Outcome];
const expected: Record<Action, Row> = {
  'thematic-area.read':       [Y, Y, Y, Y, Y, Y],
  'summary.read-published':   [Y, Y, Y, Y, Y, Y],
  'summary.read-unpublished': [Y, Y, N, N, N, N],
  'summary.publish':          [Y, Y, N, N, N, N],
  'entity.list':              [Y, Y, Y, Y, Y, N],
  'entity.read-private':      [Y, Y, OWN_ONLY, N, N, N],
  'worklist.read':            [Y, Y, OWN_ONLY, OWN_ONLY, N, N],
  'status-report.read':       [Y, Y, OWN_ONLY, N, N, N],
  'status-report.edit':       [N, N, OWN_ONLY, N, N, N],
  'status-report.mark-ready': [N, N, N, N, N, N],
  'status-report.submit':     [N, N, OWN_ONLY, N, N, N],
  'status-report.review':     [Y, Y, N, N, N, N],
  'team.manage':              [Y, N, OWN_ONLY, N, N, N],
  'evidence.link':            [Y, Y, OWN_ONLY, N, N, N],
  'evidence.review':          [Y, Y, N, N, N, N],
  'catalogue.import':         [Y, Y, N, N, N, N],
  'catalogue.edit':           [Y, Y, N, N, N, N],
  'document.import':          [Y, Y, N, N, N, N],
  'cycle.manage':             [Y, N, N, N, N, N],
  'user.manage':              [Y, N, N, N, N, N],
  'audit.read':               [Y, Y, N, N, N, N],
  'outbox.read':              [Y, N, N, N, N, N],
};

const actors: [string, Actor][] = [
  ['admin', admin], ['secretariat', secretariat], ['focal point', focalPoint], ['contributor', contributor], ['viewer', viewer], ['anonymous', anonymous],
];

describe('can(): every role x action', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    actors.forEach(([name, actor], index) => {
      const [onOwn, onOther] = expected[action][index]!;
      it(`${name} ${onOwn ? 'may' : 'may not'} ${action} on its own entity, ${onOther ? 'may' : 'may not'} on another`, () => {
        expect(can(actor, action, { entityId: OWN, assigneeId: null })).toBe(onOwn);
        expect(can(actor, action, { entityId: OTHER, assigneeId: null })).toBe(onOther);
      });
    });
  }

  it('never grants own-entity rights to a focal point without an entity', () => {
    const orphan: Actor = { role: 'FOCAL_POINT', entityId: null };
    expect(can(orphan, 'status-report.edit', { entityId: null })).toBe(false);
    expect(can(orphan, 'entity.read-private', {})).toBe(false);
  });
});

describe('can(): contributors and assignments', () => {
  const mine = { entityId: OWN, assigneeId: 'u-contributor' };
  const colleagues = { entityId: OWN, assigneeId: 'u-someone-else' };

  it('reads, edits and marks ready what is assigned to them, and never submits it', () => {
    expect(can(contributor, 'status-report.read', mine)).toBe(true);
    expect(can(contributor, 'status-report.edit', mine)).toBe(true);
    expect(can(contributor, 'status-report.mark-ready', mine)).toBe(true);
    expect(can(contributor, 'status-report.submit', mine)).toBe(false);
    expect(can(contributor, 'status-report.review', mine)).toBe(false);
  });

  it("does not see a colleague's assignment unless the whole worklist is shared, and never edits it", () => {
    expect(can(contributor, 'status-report.read', colleagues)).toBe(false);
    const shared: Actor = { ...contributor!, seesWholeWorklist: true };
    expect(can(shared, 'status-report.read', colleagues)).toBe(true);
    expect(can(shared, 'status-report.read', { entityId: OWN, assigneeId: null })).toBe(true);
    expect(can(shared, 'status-report.edit', colleagues)).toBe(false);
    expect(can(shared, 'status-report.read', { entityId: OTHER, assigneeId: 'u-contributor' })).toBe(false);
  });

  it('refuses a contributor when the caller did not say who the report is assigned to', () => {
    const shared: Actor = { ...contributor!, seesWholeWorklist: true };
    expect(can(shared, 'status-report.read', { entityId: OWN })).toBe(false);
    expect(can(contributor, 'status-report.edit', { entityId: OWN })).toBe(false);
  });

  it("needs the actor's id: an assignment to nobody is nobody's", () => {
    expect(can({ role: 'CONTRIBUTOR', entityId: OWN }, 'status-report.edit', { entityId: OWN, assigneeId: undefined })).toBe(false);
  });
});
