import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listCycles } from '@/lib/cycles/queries';
import { DataTable } from '@/components/ui/data-table';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';

export function generateMetadata({ params }: PageProps<'/[locale]/cycles'>): Promise<Metadata> {
  return pageTitle(params, 'cycles');
}

export default async function CyclesPage({ params }: PageProps<'/[locale]/cycles'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/cycles');
  const [t, format, cycles] = await Promise.all([getTranslations('cycles'), getFormatter(), listCycles(user, locale)]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <div className="mt-6">
        <DataTable columns={[
          { label: t('name') }, { label: t('period') }, { label: t('deadline') }, { label: t('state') }, { label: t('reports'), align: 'end' },
        ]}>
            {cycles.map((cycle) => (
              <tr key={cycle.code} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{cycle.name}</td>
                <td className="px-3 py-2">{date(cycle.periodStart)} – {date(cycle.periodEnd)}</td>
                <td className="px-3 py-2">{date(cycle.closesAt)}</td>
                <td className="px-3 py-2">{t(`states.${cycle.state}`)}</td>
                <td className="px-3 py-2 text-end tabular-nums">{format.number(cycle.reportCount)}</td>
              </tr>
            ))}
        </DataTable>
      </div>
    </div>
  );
}
