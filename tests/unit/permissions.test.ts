import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action, type Actor } from '@/lib/auth/permissions';

const OWN = 'entity-own';
const OTHER = 'entity-other';

const admin: Actor = { role: 'ADMIN', entityId: null };
const secretariat: Actor = { role: 'SECRETARIAT', entityId: null };
const focalPoint: Actor = { role: 'FOCAL_POINT', entityId: OWN };
const viewer: Actor = { role: 'VIEWER', entityId: null };
const anonymous: Actor = null;

// Expected outcome for every role and action: [own entity, another entity].
type Outcome = [boolean, boolean];
const Y: Outcome = [true, true];
const N: Outcome = [false, false];
const OWN_ONLY: Outcome = [true, false];

const expected: Record<Action, [admin: Outcome, secretariat: Outcome, focalPoint: Outcome, viewer: Outcome, anonymous: Outcome]> = {
  'thematic-area.read':       [Y, Y, Y, Y, Y],
  'summary.read-published':   [Y, Y, Y, Y, Y],
  'summary.read-unpublished': [Y, Y, N, N, N],
  'summary.publish':          [Y, Y, N, N, N],
  'entity.list':              [Y, Y, Y, Y, N],
  'entity.read-private':      [Y, Y, OWN_ONLY, N, N],
  'status-report.read':       [Y, Y, OWN_ONLY, N, N],
  'status-report.edit':       [N, N, OWN_ONLY, N, N],
  'status-report.submit':     [N, N, OWN_ONLY, N, N],
  'status-report.review':     [Y, Y, N, N, N],
  'evidence.link':            [Y, Y, OWN_ONLY, N, N],
  'evidence.review':          [Y, Y, N, N, N],
  'catalogue.import':         [Y, Y, N, N, N],
  'catalogue.edit':           [Y, Y, N, N, N],
  'document.import':          [Y, Y, N, N, N],
  'cycle.manage':             [Y, N, N, N, N],
  'user.manage':              [Y, N, N, N, N],
  'audit.read':               [Y, Y, N, N, N],
};

const actors: [string, Actor][] = [
  ['admin', admin], ['secretariat', secretariat], ['focal point', focalPoint], ['viewer', viewer], ['anonymous', anonymous],
];

describe('can(): every role x action', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    actors.forEach(([name, actor], index) => {
      const [onOwn, onOther] = expected[action][index]!;
      it(`${name} ${onOwn ? 'may' : 'may not'} ${action} on its own entity, ${onOther ? 'may' : 'may not'} on another`, () => {
        expect(can(actor, action, { entityId: OWN })).toBe(onOwn);
        expect(can(actor, action, { entityId: OTHER })).toBe(onOther);
      });
    });
  }

  it('never grants own-entity rights to a focal point without an entity', () => {
    const orphan: Actor = { role: 'FOCAL_POINT', entityId: null };
    expect(can(orphan, 'status-report.edit', { entityId: null })).toBe(false);
    expect(can(orphan, 'entity.read-private', {})).toBe(false);
  });
});
