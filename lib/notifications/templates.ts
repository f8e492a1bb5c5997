// E-mails and notification texts, rendered from the message catalogue in the recipient's
// language (their profile's), not the language of whoever caused them.
import { createTranslator } from 'next-intl';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import type { NotificationType } from '@/lib/generated/prisma/enums';
import { localized } from '@/lib/i18n/localized';
import { isLocale, routing } from '@/lib/i18n/routing';

/** Every e-mail the application sends: one per notification type, and the invitation. */
export type EmailTemplate = NotificationType | 'INVITATION';

/**
 * What a message names. A localized name ({ en, fr, … }) is said in the reader's language; plain
 * strings and numbers as they are.
 */
export type MessageData = Record<string, string | number | Partial<Record<string, string>>>;

export function recipientLocale(locale: string | null | undefined): (typeof routing.locales)[number] {
  return locale && isLocale(locale) ? locale : routing.defaultLocale;
}

/** The data's values as ICU arguments in `locale`. */
export function messageValues(data: MessageData, locale: string): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, typeof value === 'object' ? localized(value, locale) : value]));
}

export type RenderedEmail = { subject: string; body: string };

/** The e-mail's subject and plain-text body; `link` is the absolute address it leads to. */
export function renderEmail(template: EmailTemplate, data: MessageData, locale: string, name: string, link: string | null): RenderedEmail {
  const lang = recipientLocale(locale);
  const t = createTranslator({ locale: lang, messages: CATALOGUES[lang], namespace: 'email' });
  const values = messageValues(data, lang);
  const parts = [
    t('greeting', { name }),
    t(`templates.${template}.body`, values),
    ...(link ? [t('link', { link })] : []),
    t('footer'),
  ];
  return { subject: t(`templates.${template}.subject`, values), body: parts.join('\n\n') };
}

/** A notification's line in the list, in the reader's language. */
export function renderNotification(type: NotificationType, data: MessageData, locale: string): string {
  const lang = recipientLocale(locale);
  const t = createTranslator({ locale: lang, messages: CATALOGUES[lang], namespace: 'notifications.types' });
  return t(type, messageValues(data, lang));
}
