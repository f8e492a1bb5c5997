// The one permission table. Every query and action asks `can(user, action, resource)`;
// nothing else decides who may do what.
import type { Role } from '@/lib/generated/prisma/enums';

export type Actor = { role: Role; entityId: string | null } | null;

/** The resource an action applies to; entity-scoped actions need its entity. */
export type Resource = { entityId?: string | null };

/** allow: always; own: only for the user's own reporting entity; deny: never. */
type Rule = 'allow' | 'own' | 'deny';
type Subject = Role | 'ANONYMOUS';

export const ACTIONS = [
  'thematic-area.read',
  'summary.read-published',
  'summary.read-unpublished',
  'summary.publish',
  'entity.list',
  'entity.read-private',
  'status-report.read',
  'status-report.edit',
  'status-report.submit',
  'status-report.review',
  'evidence.link',
  'evidence.review',
  'catalogue.import',
  'catalogue.edit',
  'document.import',
  'cycle.manage',
  'user.manage',
  'audit.read',
] as const;

export type Action = (typeof ACTIONS)[number];

const PERMISSIONS: Record<Action, Record<Subject, Rule>> = {
  //                          ADMIN     SECRETARIAT FOCAL_POINT VIEWER  ANONYMOUS
  'thematic-area.read':       row('allow', 'allow', 'allow', 'allow', 'allow'),
  'summary.read-published':   row('allow', 'allow', 'allow', 'allow', 'allow'),
  'summary.read-unpublished': row('allow', 'allow', 'deny',  'deny',  'deny'),
  'summary.publish':          row('allow', 'allow', 'deny',  'deny',  'deny'),
  'entity.list':              row('allow', 'allow', 'allow', 'allow', 'deny'),
  'entity.read-private':      row('allow', 'allow', 'own',   'deny',  'deny'),
  'status-report.read':       row('allow', 'allow', 'own',   'deny',  'deny'),
  'status-report.edit':       row('deny',  'deny',  'own',   'deny',  'deny'),
  'status-report.submit':     row('deny',  'deny',  'own',   'deny',  'deny'),
  'status-report.review':     row('allow', 'allow', 'deny',  'deny',  'deny'),
  'evidence.link':            row('allow', 'allow', 'own',   'deny',  'deny'),
  // Evidence a focal point proposes is public only once the secretariat has accepted it.
  'evidence.review':          row('allow', 'allow', 'deny',  'deny',  'deny'),
  'catalogue.import':         row('allow', 'allow', 'deny',  'deny',  'deny'),
  'catalogue.edit':           row('allow', 'allow', 'deny',  'deny',  'deny'),
  'document.import':          row('allow', 'allow', 'deny',  'deny',  'deny'),
  'cycle.manage':             row('allow', 'deny',  'deny',  'deny',  'deny'),
  'user.manage':              row('allow', 'deny',  'deny',  'deny',  'deny'),
  'audit.read':               row('allow', 'allow', 'deny',  'deny',  'deny'),
};

function row(admin: Rule, secretariat: Rule, focalPoint: Rule, viewer: Rule, anonymous: Rule): Record<Subject, Rule> {
  return { ADMIN: admin, SECRETARIAT: secretariat, FOCAL_POINT: focalPoint, VIEWER: viewer, ANONYMOUS: anonymous };
}

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  const rule = PERMISSIONS[action][actor ? actor.role : 'ANONYMOUS'];
  if (rule === 'allow') return true;
  if (rule === 'deny' || !actor) return false;
  return Boolean(actor.entityId) && actor.entityId === resource.entityId;
}

