// A person's own language: what their e-mails, exports and next sign-in are written in.
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import type { MyLanguageInput } from './schemas';

/**
 * Remembers the language in the person's profile, with its audit row; unchanged, it writes
 * nothing. A demo account is shared by every visitor: one visitor's choice is not the next one's.
 */
export async function rememberLanguage(db: Db, userId: string, input: MyLanguageInput): Promise<{ locale: string; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ locale: string; isDemo: boolean }[]>`SELECT "locale", "isDemo" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!user || user.isDemo || user.locale === input.locale) return { locale: input.locale, changed: false };
    await tx.user.update({ where: { id: userId }, data: { locale: input.locale } });
    await recordAudit(tx, { actorId: userId, action: 'user.language', entityType: 'User', entityId: userId, before: { locale: user.locale }, after: { locale: input.locale } });
    return { locale: input.locale, changed: true };
  });
}
