import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFoundPage() {
  const [t, tMeta] = await Promise.all([getTranslations('common'), getTranslations('meta')]);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center">
      {/* A title of its own: the metadata of the page that called notFound() ("NGA · Reporting
          entity") would otherwise stay. Only the root not-found file may export metadata; React
          puts this element first in the document's head. */}
      <title>{`${t('notFoundTitle')} · ${tMeta('title')}`}</title>
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-3 text-slate-700">{t('notFoundBody')}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-un-navy underline underline-offset-4">{t('backHome')}</Link>
    </main>
  );
}
