import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from '@/lib/offline-reporting/format';
import { mayUploadWorklist } from '@/lib/offline-reporting/queries';
import { WorklistUpload } from '@/components/offline-reporting/worklist-upload';

export async function generateMetadata({ params }: PageProps<'/[locale]/worklist/upload'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'offline.upload' }))('title') };
}

/** Upload a worklist filled in offline: preview every change and every refused row, then save drafts. */
export default async function WorklistUploadPage({ params }: PageProps<'/[locale]/worklist/upload'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/worklist/upload');
  if (!mayUploadWorklist(user)) notFound();
  const t = await getTranslations('offline');
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm"><Link href="/worklist" className="text-un-navy underline">{t('upload.backToWorklist')}</Link></p>
        <h1 className="mt-1 text-2xl font-semibold">{t('upload.title')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('upload.intro')}</p>
        <p className="mt-2 text-sm">
          <a href={`/api/worklist/xlsx?lang=${locale}`} className="font-medium text-un-navy underline">{t('upload.downloadAgain')}</a>
        </p>
      </div>
      <WorklistUpload maxBytes={MAX_UPLOAD_BYTES} maxLabel={MAX_UPLOAD_LABEL} />
    </div>
  );
}
