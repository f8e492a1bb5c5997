import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { pageLocale } from '@/lib/i18n/page-locale';
import { DocumentImportForm } from '@/components/documents/document-import-form';

export async function generateMetadata({ params }: PageProps<'/[locale]/documents/import'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'documents.import' }))('title') };
}

export default async function DocumentImportPage({ params }: PageProps<'/[locale]/documents/import'>) {
  await pageLocale(params);
  const user = await requireUser('/documents/import');
  if (!can(user, 'document.import')) notFound();
  const t = await getTranslations('documents.import');
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('intro')}</p>
      <div className="mt-6"><DocumentImportForm /></div>
    </div>
  );
}
