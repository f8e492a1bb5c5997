import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { UserFilter, UserState } from './schemas';

// Reads of accounts, for administrators only (user.manage): anyone else gets a 404.

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  entity: { code: string; name: string } | null;
  state: UserState;
  isDemo: boolean;
  lastSignInAt: Date | null;
};

const rowSelect = {
  id: true, email: true, name: true, role: true, disabled: true, isDemo: true, lastSignInAt: true, locale: true, entityId: true,
  entity: { select: { code: true, name: true } },
  invitations: { orderBy: { createdAt: 'desc' }, take: 1, select: { usedAt: true, expiresAt: true } },
  _count: { select: { invitations: { where: { usedAt: { not: null } } } } },
} satisfies Prisma.UserSelect;

type Selected = Prisma.UserGetPayload<{ select: typeof rowSelect }>;

/** Active, invited (link still valid), invitation expired, or disabled. */
function stateOf(user: Selected, now: Date): UserState {
  if (user.disabled) return 'disabled';
  const latest = user.invitations[0];
  // An account made without an invitation (from the command line) has its password already.
  if (user._count.invitations > 0 || !latest) return 'active';
  return latest.expiresAt > now ? 'invited' : 'expired';
}

function toRow(user: Selected, locale: string, now: Date): UserRow {
  return {
    id: user.id, email: user.email, name: user.name, role: user.role, isDemo: user.isDemo, lastSignInAt: user.lastSignInAt,
    entity: user.entity ? { code: user.entity.code, name: localized(user.entity.name, locale) } : null,
    state: stateOf(user, now),
  };
}

/** The disabled accounts that only tell the demo's story (earlier cycles' focal points). */
const HIDDEN_DEMO: Prisma.UserWhereInput = { isDemo: true, disabled: true };

export async function listUsers(user: SessionUser, locale: string, filter: UserFilter = {}, now = new Date()) {
  if (!can(user, 'user.manage')) notFound();
  const where: Prisma.UserWhereInput = {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: 'insensitive' } }, { email: { contains: filter.q, mode: 'insensitive' } }] } : {}),
    ...(filter.demo ? {} : { NOT: HIDDEN_DEMO }),
  };
  const [users, hiddenDemo] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ role: 'asc' }, { email: 'asc' }], select: rowSelect }),
    filter.demo ? Promise.resolve(0) : db.user.count({ where: HIDDEN_DEMO }),
  ]);
  const rows = users.map((row) => toRow(row, locale, now));
  return { users: filter.state ? rows.filter((row) => row.state === filter.state) : rows, hiddenDemo };
}

/** One account, with its latest audited changes and sign-ins, for its page. */
export async function getUser(user: SessionUser, id: string, locale: string, now = new Date()) {
  if (!can(user, 'user.manage') || !/^[A-Za-z0-9_-]{1,40}$/.test(id)) notFound();
  const found = await db.user.findUnique({ where: { id }, select: { ...rowSelect, createdAt: true, invitedBy: { select: { name: true } } } });
  if (!found) notFound();
  const history = await db.auditEvent.findMany({
    where: { entityType: 'User', entityId: id },
    orderBy: { at: 'desc' },
    take: 20,
    select: { id: true, action: true, at: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return {
    ...toRow(found, locale, now),
    locale: found.locale,
    entityId: found.entityId,
    createdAt: found.createdAt,
    invitedBy: found.invitedBy?.name ?? null,
    self: found.id === user.id,
    history,
  };
}

/** The entities an account may belong to, by name in the reader's language. */
export async function entityOptions(user: SessionUser, locale: string): Promise<{ id: string; code: string; name: string }[]> {
  if (!can(user, 'user.manage')) notFound();
  const entities = await db.reportingEntity.findMany({ select: { id: true, code: true, name: true } });
  return entities
    .map((entity) => ({ id: entity.id, code: entity.code, name: localized(entity.name, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
