// The one permission table. Every query and action asks `can(user, action, resource)`;
// nothing else decides who may do what.
import type { Role } from '@/lib/generated/prisma/enums';

export type Actor = {
  role: Role;
  entityId: string | null;
  /** Needed for rules that depend on an assignment (contributors). */
  id?: string;
  /** A contributor the coordinator let see the entity's whole worklist. */
  seesWholeWorklist?: boolean;
} | null;

/**
 * The resource an action applies to; entity-scoped actions need its entity, and a report's
 * assignee (or null: nobody) decides for contributors. A resource given without `assigneeId`
 * is never a contributor's: a caller that forgets it refuses, rather than lets in.
 */
export type Resource = { entityId?: string | null; assigneeId?: string | null };

/**
 * allow: always; own: only for the user's own reporting entity; assigned: only a report of the
 * user's own entity assigned to them; visible: assigned, or any of the entity's reports when the
 * coordinator shares the whole worklist with them; deny: never.
 */
type Rule = 'allow' | 'own' | 'assigned' | 'visible' | 'deny';
type Subject = Role | 'ANONYMOUS';

export const ACTIONS = [
  'thematic-area.read',
  'summary.read-published',
  'summary.read-unpublished',
  'summary.publish',
  'entity.list',
  'entity.read-private',
  'worklist.read',
  'status-report.read',
  'status-report.edit',
  'status-report.mark-ready',
  'status-report.submit',
  'status-report.review',
  'team.manage',
  'evidence.link',
  'evidence.review',
  'catalogue.import',
  'catalogue.edit',
  'document.import',
  'cycle.manage',
  'user.manage',
  'audit.read',
  'outbox.read',
] as const;

export type Action = (typeof ACTIONS)[number];

const PERMISSIONS: Record<Action, Record<Subject, Rule>> = {
  //                          ADMIN     SECRETARIAT FOCAL_POINT CONTRIBUTOR VIEWER  ANONYMOUS
  'thematic-area.read':       row('allow', 'allow', 'allow', 'allow',    'allow', 'allow'),
  'summary.read-published':   row('allow', 'allow', 'allow', 'allow',    'allow', 'allow'),
  'summary.read-unpublished': row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  'summary.publish':          row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  'entity.list':              row('allow', 'allow', 'allow', 'allow',    'allow', 'deny'),
  'entity.read-private':      row('allow', 'allow', 'own',   'deny',     'deny',  'deny'),
  // Opening an entity's worklist; which rows it shows is decided per report (status-report.read).
  'worklist.read':            row('allow', 'allow', 'own',   'own',      'deny',  'deny'),
  'status-report.read':       row('allow', 'allow', 'own',   'visible',  'deny',  'deny'),
  'status-report.edit':       row('deny',  'deny',  'own',   'assigned', 'deny',  'deny'),
  // A contributor hands a draft over to the coordinator, who alone submits.
  'status-report.mark-ready': row('deny',  'deny',  'deny',  'assigned', 'deny',  'deny'),
  'status-report.submit':     row('deny',  'deny',  'own',   'deny',     'deny',  'deny'),
  'status-report.review':     row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  // Inviting contributors of the entity and assigning them commitments.
  'team.manage':              row('allow', 'deny',  'own',   'deny',     'deny',  'deny'),
  'evidence.link':            row('allow', 'allow', 'own',   'deny',     'deny',  'deny'),
  // Evidence a focal point proposes is public only once the secretariat has accepted it.
  'evidence.review':          row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  'catalogue.import':         row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  'catalogue.edit':           row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  'document.import':          row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  'cycle.manage':             row('allow', 'deny',  'deny',  'deny',     'deny',  'deny'),
  'user.manage':              row('allow', 'deny',  'deny',  'deny',     'deny',  'deny'),
  'audit.read':               row('allow', 'allow', 'deny',  'deny',     'deny',  'deny'),
  // The e-mails the application wrote, sent or not (they name people and what they reported).
  'outbox.read':              row('allow', 'deny',  'deny',  'deny',     'deny',  'deny'),
};

function row(admin: Rule, secretariat: Rule, focalPoint: Rule, contributor: Rule, viewer: Rule, anonymous: Rule): Record<Subject, Rule> {
  return { ADMIN: admin, SECRETARIAT: secretariat, FOCAL_POINT: focalPoint, CONTRIBUTOR: contributor, VIEWER: viewer, ANONYMOUS: anonymous };
}

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  const rule = PERMISSIONS[action][actor ? actor.role : 'ANONYMOUS'];
  if (rule === 'allow') return true;
  if (rule === 'deny' || !actor) return false;
  const ownEntity = Boolean(actor.entityId) && actor.entityId === resource.entityId;
  if (rule === 'own') return ownEntity;
  const assigned = ownEntity && Boolean(actor.id) && resource.assigneeId === actor.id;
  if (rule === 'assigned') return assigned;
  return assigned || (ownEntity && resource.assigneeId !== undefined && actor.seesWholeWorklist === true);
}
