// Telling people of a change: a notification in their list and, for those the template names,
// an e-mail in the outbox. Both are written with the caller's transaction, so they exist
// exactly when the change commits; the job queue sends the e-mails after that (outbox.ts).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NotificationType } from '@/lib/generated/prisma/enums';
import { appUrl } from '@/lib/env';
import { recipientLocale, renderEmail, type EmailTemplate, type MessageData } from './templates';

type Tx = Prisma.TransactionClient;

export type Recipient = { id: string; email: string; name: string; locale: string };

export const recipientSelect = { id: true, email: true, name: true, locale: true } as const;

export type Announcement = {
  type: NotificationType;
  data: MessageData;
  /** Where it leads, without the locale ("/reports/…"); the e-mail's link adds the recipient's. */
  href: string | null;
  /** Also by e-mail (default true). */
  email?: boolean;
  /**
   * Merges into the recipient's unread notification (and unsent e-mail) of the same group,
   * adding up `data.count`, instead of writing another: a reviewer accepting forty reports of a
   * State sends its focal point one message saying forty.
   */
  group?: string;
};

export async function announce(tx: Tx, recipients: Recipient[], announcement: Announcement): Promise<void> {
  // In one order, so that two announcements to the same people take their locks without deadlock.
  const unique = [...new Map(recipients.map((recipient) => [recipient.id, recipient])).values()].sort((a, b) => a.id.localeCompare(b.id));
  if (unique.length === 0) return;
  const { type, href, group } = announcement;
  if (!group) {
    await tx.notification.createMany({
      data: unique.map((recipient) => ({ userId: recipient.id, type, data: announcement.data as Prisma.InputJsonObject, href })),
    });
  } else {
    for (const recipient of unique) {
      await lockGroup(tx, recipient.id, group);
      const unread = await tx.notification.findFirst({ where: { userId: recipient.id, groupKey: group, readAt: null }, select: { id: true, data: true } });
      const data = merged(announcement.data, unread?.data) as Prisma.InputJsonObject;
      if (unread) await tx.notification.update({ where: { id: unread.id }, data: { data, createdAt: new Date() } });
      else await tx.notification.create({ data: { userId: recipient.id, type, data, href, groupKey: group } });
    }
  }
  if (announcement.email === false) return;
  for (const recipient of unique) await queueEmail(tx, recipient, type, announcement.data, href, group);
}

/**
 * Serializes the merges of one person's group (two reviewers accepting a State's reports at once),
 * until the transaction ends: without it, both would read the same unread message and one count
 * would be lost, or both would write a new one. Taken again by the same transaction, it is free.
 */
async function lockGroup(tx: Tx, userId: string, group: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`announce:${userId}:${group}`}))`;
}

/** The new message's data, with `count` added to the one it merges into. */
function merged(data: MessageData, previous: unknown): MessageData {
  const before = previous && typeof previous === 'object' ? (previous as MessageData).count : undefined;
  return typeof data.count === 'number' && typeof before === 'number' ? { ...data, count: data.count + before } : data;
}

/** Puts one e-mail in the outbox, rendered in the recipient's language. */
export async function queueEmail(
  tx: Tx, recipient: Recipient, template: EmailTemplate, data: MessageData, href: string | null, group?: string,
): Promise<void> {
  const locale = recipientLocale(recipient.locale);
  const link = href ? appUrl(`/${locale}${href}`) : null;
  // Rewriting an unsent e-mail is safe: a sender claims it (SENDING) before reading it.
  if (group) await lockGroup(tx, recipient.id, group);
  const unsent = group
    ? await tx.outboxEmail.findFirst({ where: { userId: recipient.id, groupKey: group, state: 'PENDING' }, select: { id: true, groupData: true } })
    : null;
  const values = merged(data, unsent?.groupData);
  const { subject, body } = renderEmail(template, values, locale, recipient.name, link);
  if (unsent) {
    // Unless a sender claimed it meanwhile: then this one is a new e-mail.
    const { count } = await tx.outboxEmail.updateMany({ where: { id: unsent.id, state: 'PENDING' }, data: { subject, body, groupData: values as Prisma.InputJsonObject } });
    if (count === 1) return;
  }
  const fresh = unsent ? renderEmail(template, data, locale, recipient.name, link) : { subject, body };
  await tx.outboxEmail.create({
    data: {
      toEmail: recipient.email, userId: recipient.id, locale, template, ...fresh,
      ...(group ? { groupKey: group, groupData: (unsent ? data : values) as Prisma.InputJsonObject } : {}),
    },
  });
}

/** The active accounts that coordinate an entity's reporting (its focal points). */
export function focalPointsOf(tx: Tx, entityId: string): Promise<Recipient[]> {
  return tx.user.findMany({ where: { entityId, role: 'FOCAL_POINT', disabled: false }, select: recipientSelect });
}
