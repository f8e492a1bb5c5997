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
};

export async function announce(tx: Tx, recipients: Recipient[], announcement: Announcement): Promise<void> {
  const unique = [...new Map(recipients.map((recipient) => [recipient.id, recipient])).values()];
  if (unique.length === 0) return;
  await tx.notification.createMany({
    data: unique.map((recipient) => ({
      userId: recipient.id, type: announcement.type, data: announcement.data as Prisma.InputJsonObject, href: announcement.href,
    })),
  });
  if (announcement.email === false) return;
  for (const recipient of unique) await queueEmail(tx, recipient, announcement.type, announcement.data, announcement.href);
}

/** Puts one e-mail in the outbox, rendered in the recipient's language. */
export async function queueEmail(tx: Tx, recipient: Recipient, template: EmailTemplate, data: MessageData, href: string | null): Promise<void> {
  const locale = recipientLocale(recipient.locale);
  const link = href ? appUrl(`/${locale}${href}`) : null;
  const { subject, body } = renderEmail(template, data, locale, recipient.name, link);
  await tx.outboxEmail.create({ data: { toEmail: recipient.email, userId: recipient.id, locale, template, subject, body } });
}

/** The active accounts that coordinate an entity's reporting (its focal points). */
export function focalPointsOf(tx: Tx, entityId: string): Promise<Recipient[]> {
  return tx.user.findMany({ where: { entityId, role: 'FOCAL_POINT', disabled: false }, select: recipientSelect });
}
