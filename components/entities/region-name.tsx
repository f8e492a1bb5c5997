import { getTranslations } from 'next-intl/server';

/** An M49 region or sub-region by its code, in the reader's language. */
export async function RegionName({ code }: { code: string | null }) {
  if (!code) return <>—</>;
  const t = await getTranslations('m49');
  const key = code as Parameters<typeof t>[0];
  return <>{t.has(key) ? t(key) : code}</>;
}
