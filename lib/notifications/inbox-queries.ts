import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import type { NotificationType } from '@/lib/generated/prisma/enums';
import { renderNotification, type MessageData } from './templates';

// A person's own notifications: every read is scoped to the signed-in user.

/** The header's unread count: one index-only count a request. */
export const unreadNotificationCount = cache(async (userId: string): Promise<number> =>
  db.notification.count({ where: { userId, readAt: null } }));

export type NotificationRow = { id: string; type: NotificationType; text: string; href: string | null; createdAt: Date; read: boolean };

export const NOTIFICATIONS_PAGE_SIZE = 30;

export async function listNotifications(user: SessionUser, page: number, locale: string) {
  const where = { userId: user.id };
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE, take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, type: true, data: true, href: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where }),
    unreadNotificationCount(user.id),
  ]);
  return {
    total, unread, page, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
    rows: rows.map((row): NotificationRow => ({
      id: row.id, type: row.type, href: row.href, createdAt: row.createdAt, read: row.readAt !== null,
      text: renderNotification(row.type, (row.data ?? {}) as MessageData, locale),
    })),
  };
}
