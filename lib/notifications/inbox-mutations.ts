// Marking one's own notifications read: only the owner's rows are touched, and the change is audited.
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';

/** Marks one notification read and returns where it leads (null: not the user's, or nowhere). */
export async function openNotification(db: Db, userId: string, id: string, now = new Date()): Promise<{ found: boolean; href: string | null }> {
  return db.$transaction(async (tx) => {
    const row = await tx.notification.findFirst({ where: { id, userId }, select: { id: true, href: true, readAt: true } });
    if (!row) return { found: false, href: null };
    if (!row.readAt) {
      await tx.notification.update({ where: { id: row.id }, data: { readAt: now } });
      await recordAudit(tx, { actorId: userId, action: 'notification.read', entityType: 'Notification', entityId: row.id });
    }
    return { found: true, href: row.href };
  });
}

export async function markAllNotificationsRead(db: Db, userId: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
    if (count > 0) await recordAudit(tx, { actorId: userId, action: 'notification.read-all', entityType: 'User', entityId: userId, after: { count } });
    return count;
  });
}
