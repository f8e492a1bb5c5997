import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import type { Role } from '@/lib/generated/prisma/enums';

export type UserRow = {
  email: string;
  name: string;
  role: Role;
  entity: { code: string; name: string } | null;
  disabled: boolean;
  lastSignInAt: Date | null;
};

export async function listUsers(user: SessionUser, locale: string): Promise<UserRow[]> {
  if (!can(user, 'user.manage')) notFound();
  const users = await db.user.findMany({
    orderBy: [{ role: 'asc' }, { email: 'asc' }],
    select: { email: true, name: true, role: true, disabled: true, lastSignInAt: true, entity: { select: { code: true, name: true } } },
  });
  return users.map((row) => ({
    ...row,
    entity: row.entity ? { code: row.entity.code, name: localized(row.entity.name, locale) } : null,
  }));
}
