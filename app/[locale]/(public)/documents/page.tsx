import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listDocuments } from '@/lib/documents/queries';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { formatDate } from '@/lib/i18n/dates';
import { nameLanguage } from '@/lib/i18n/message-keys';
import { InLanguage } from '@/components/ui/shown-in';

export function generateMetadata({ params }: PageProps<'/[locale]/documents'>): Promise<Metadata> {
  return pageTitle(params, 'documents');
}

export default async function DocumentsPage({ params }: PageProps<'/[locale]/documents'>) {
  const locale = await pageLocale(params);
  const [t, tLanguages, documents, user] = await Promise.all([
    getTranslations('documents'), getTranslations('catalogue.languages'), listDocuments(), getOptionalUser(),
  ]);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('intro')}</p>
      {can(user, 'document.import') && (
        <p className="mt-3"><Link href="/documents/import" className="font-medium text-un-navy underline">{t('importLink')}</Link></p>
      )}
      {documents.length === 0 ? (
        <p className="mt-6">{t('none')}</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {documents.map((document) => (
            <li key={`${document.symbol}-${document.language}`} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="document">
              <p className="text-sm font-medium text-un-blue">{document.symbol} · {nameLanguage(document.language, tLanguages)}</p>
              <h2 className="mt-1 font-semibold">
                <Link href={`/documents/${document.slug}/${document.language}`} className="hover:underline"><InLanguage text={document.title} locale={document.language} /></Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                {document.publishedOn && <>{formatDate(document.publishedOn, locale)} · </>}
                {t('paragraphCount', { count: document.paragraphCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
