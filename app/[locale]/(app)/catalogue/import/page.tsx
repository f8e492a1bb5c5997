import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listInstruments, listThematicAreas } from '@/lib/catalogue/queries';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { ImportWizard } from '@/components/catalogue/import-wizard';

export function generateMetadata({ params }: PageProps<'/[locale]/catalogue/import'>): Promise<Metadata> {
  return pageTitle(params, 'import');
}

export default async function ImportPage({ params, searchParams }: PageProps<'/[locale]/catalogue/import'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/catalogue/import');
  if (!can(user, 'catalogue.import')) notFound();
  const query = await searchParams;
  const [t, instruments, areaTree] = await Promise.all([getTranslations('import'), listInstruments(locale), listThematicAreas(locale)]);
  const areas = areaTree.flatMap((area) => [{ code: area.code, title: area.title }, ...area.subAreas]);
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('intro')}</p>
      <div className="mt-6">
        <ImportWizard
          instruments={instruments.map(({ code, symbol, title, slug }) => ({ code, symbol, title, slug }))}
          areas={areas}
          initialInstrument={typeof query.instrument === 'string' ? query.instrument : undefined}
        />
      </div>
    </div>
  );
}
