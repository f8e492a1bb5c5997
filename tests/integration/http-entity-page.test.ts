// /en/entities/%25: Next hands the page the segment decoded ("%"); decoding it again threw a
// URIError in the page's metadata (an exception in the server log behind the 404). The page's
// metadata takes the code as given, and the page answers the 404 of an unknown entity.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import { signInAs } from '../support/action-context';
import { createTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => ({
  ...(await import('../support/action-context')).nextIntlServerModule(await original()),
  // Outside a React Server Components render there is no request to set a locale on.
  setRequestLocale: () => undefined,
}));
// next-intl's navigation (its ESM build cannot load outside Next); the page's links are not under test.
vi.mock('@/lib/i18n/navigation', () => ({ Link: () => null }));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let entityPage: typeof import('@/app/[locale]/(app)/entities/[code]/page');

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length, at least 32 bytes';
  entityPage = await import('@/app/[locale]/(app)/entities/[code]/page');
});

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database.drop();
});

const params = (code: string) => Promise.resolve({ locale: 'en', code });

describe('the entity page of a code holding "%"', () => {
  it('names it in the title without decoding it again', async () => {
    for (const code of ['%', '%E0%A4%A', 'MEX']) {
      await expect(entityPage.generateMetadata({ params: params(code) } as never)).resolves.toMatchObject({ title: `${code} · Reporting entity` });
    }
  });

  it('is the 404 of an unknown entity', async () => {
    const admin = await database.db.user.create({ data: { email: 'admin@example.test', name: 'Admin', role: 'ADMIN', passwordHash: 'x' }, select: { id: true } });
    signInAs(admin);
    const error = await entityPage.default({ params: params('%'), searchParams: Promise.resolve({}) } as never).then(() => null, (thrown: unknown) => thrown);
    expect(isHTTPAccessFallbackError(error)).toBe(true);
    expect(getAccessFallbackHTTPStatus(error as never)).toBe(404);
  });
});
