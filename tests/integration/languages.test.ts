// Each person's language, against real PostgreSQL: remembered in their profile when they switch it
// (audited, only when it changes), and what is written to them in it: e-mails and exports.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { rememberLanguage } from '@/lib/users/language-mutations';
import { renderEmail } from '@/lib/notifications/templates';
import { headerOf } from '@/lib/exports/status-report-cells';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import { locales } from '@/lib/i18n/routing';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createAppTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let world: StatusWorld;
let actions: typeof import('@/lib/users/language-actions');

const localeOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).locale;
const audits = (id: string) => db.auditEvent.findMany({ where: { action: 'user.language', entityId: id }, orderBy: { at: 'asc' }, select: { actorId: true, before: true, after: true } });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

beforeAll(async () => {
  database = await createAppTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  actions = await import('@/lib/users/language-actions');
});

beforeEach(() => signInAs(null));

afterAll(() => database.drop());

describe('rememberLanguage', () => {
  it('keeps the language in the profile with an audit row, and writes nothing when it is the same', async () => {
    const { id } = world.users.focalNga;
    await db.user.update({ where: { id }, data: { locale: 'en' } });
    expect(await rememberLanguage(db, id, { locale: 'ar' })).toEqual({ locale: 'ar', changed: true });
    expect(await localeOf(id)).toBe('ar');
    expect(await rememberLanguage(db, id, { locale: 'ar' })).toEqual({ locale: 'ar', changed: false });
    expect(await audits(id)).toEqual([{ actorId: id, before: { locale: 'en' }, after: { locale: 'ar' } }]);
  });

  it('leaves a shared demo account\'s language as it is', async () => {
    const { id } = world.users.viewer;
    await db.user.update({ where: { id }, data: { locale: 'en', isDemo: true } });
    try {
      expect(await rememberLanguage(db, id, { locale: 'zh' })).toEqual({ locale: 'zh', changed: false });
      expect(await localeOf(id)).toBe('en');
      expect(await audits(id)).toEqual([]);
    } finally {
      await db.user.update({ where: { id }, data: { isDemo: false } });
    }
  });

  it('is the signed-in person\'s own: the action changes their profile only, and refuses a language not offered in words', async () => {
    const { id } = world.users.focalMex;
    const other = world.users.focalMex2.id;
    const otherBefore = await localeOf(other);
    signInAs(world.users.focalMex);
    const done = await actions.rememberLanguageAction(null, form({ locale: 'ru' }));
    expect(done).toMatchObject({ ok: true, data: { locale: 'ru', changed: true } });
    expect(await localeOf(id)).toBe('ru');
    expect(await localeOf(other)).toBe(otherBefore);

    const refused = await actions.rememberLanguageAction(null, form({ locale: 'de' }));
    expect(refused).toMatchObject({ ok: false });
    expect(refused && !refused.ok && refused.fieldErrors.locale?.[0]).toBeTruthy();
    expect(await localeOf(id)).toBe('ru');

    signInAs(null);
    const signedOut = await actions.rememberLanguageAction(null, form({ locale: 'fr' }));
    expect(signedOut).toMatchObject({ ok: false });
    expect(await localeOf(id)).toBe('ru');
  });
});

describe('what is written to a person, in their language', () => {
  it('writes e-mails in each of the six languages, from that language\'s catalogue, with links in it', () => {
    for (const locale of locales) {
      const email = renderEmail('REPORT_RETURNED', { entity: { en: 'Mexico', fr: 'Mexique', ar: 'المكسيك' }, cycle: 'TEST/1', reference: 'para. 1', comment: '[TEST] Say more.' }, locale, '[TEST] Person', `https://tracker.example/${locale}/reports`);
      const greeting = CATALOGUES[locale].email.greeting.replace('{name}', '[TEST] Person');
      expect(email.body.startsWith(greeting), locale).toBe(true);
      expect(email.body).toContain(`/${locale}/reports`);
    }
    const arabic = renderEmail('REPORT_RETURNED', { entity: { en: 'Mexico', ar: 'المكسيك' }, cycle: 'TEST/1', reference: 'para. 1', comment: '[TEST] Say more.' }, 'ar', '[TEST] Person', null);
    expect(arabic.subject).toContain('المكسيك');
    expect(arabic.subject).toMatch(/[\u0600-\u06ff]/);
  });

  it('heads an export with the columns in the language asked for', () => {
    for (const locale of locales) {
      expect(headerOf(locale)).toContain(CATALOGUES[locale].exports.columns.entityName);
    }
    expect(new Set(locales.map((locale) => headerOf(locale).join('|'))).size).toBe(locales.length);
  });
});
