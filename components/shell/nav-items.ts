// The workspace navigation, derived from the permission table so that a link is shown
// exactly when its page would let the user in.
import { can, type Actor } from '@/lib/auth/permissions';

export type NavItem = { key: 'dashboard' | 'worklist' | 'team' | 'reviews' | 'thematicAreas' | 'entities' | 'myEntity' | 'cycles' | 'import' | 'importDocument' | 'users' | 'overdue' | 'outbox'; href: string };

export function navItemsFor(user: NonNullable<Actor> & { entityCode: string | null }): NavItem[] {
  const items: NavItem[] = [{ key: 'dashboard', href: '/dashboard' }];
  if (user.entityCode && can(user, 'worklist.read', { entityId: user.entityId })) items.push({ key: 'worklist', href: '/worklist' });
  if (user.entityCode && can(user, 'team.manage', { entityId: user.entityId })) items.push({ key: 'team', href: '/team' });
  if (can(user, 'status-report.review')) items.push({ key: 'reviews', href: '/reviews' });
  if (can(user, 'status-report.review')) items.push({ key: 'overdue', href: '/overdue' });
  items.push({ key: 'thematicAreas', href: '/areas' });
  if (user.entityCode && can(user, 'entity.read-private', { entityId: user.entityId })) {
    items.push({ key: 'myEntity', href: `/entities/${user.entityCode}` });
  }
  if (can(user, 'entity.list')) items.push({ key: 'entities', href: '/entities' });
  if (can(user, 'cycle.manage')) items.push({ key: 'cycles', href: '/cycles' });
  if (can(user, 'catalogue.import')) items.push({ key: 'import', href: '/catalogue/import' });
  if (can(user, 'document.import')) items.push({ key: 'importDocument', href: '/documents/import' });
  if (can(user, 'user.manage')) items.push({ key: 'users', href: '/users' });
  if (can(user, 'outbox.read')) items.push({ key: 'outbox', href: '/outbox' });
  return items;
}
