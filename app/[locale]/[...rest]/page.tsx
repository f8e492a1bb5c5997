import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { pageLocale } from '@/lib/i18n/page-locale';

// The title in the page's HTML itself (the not-found page also sets it, for pages that call notFound()).
export async function generateMetadata({ params }: PageProps<'/[locale]/[...rest]'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'common' }))('notFoundTitle') };
}

// Any unknown path inside a locale renders the localized not-found page.
export default function CatchAllPage() {
  notFound();
}
