import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listCycles } from '@/lib/cycles/queries';
import { pageLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata({ params }: PageProps<'/[locale]/cycles'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'cycles' }))('title') };
}

export default async function CyclesPage({ params }: PageProps<'/[locale]/cycles'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/cycles');
  const [t, format, cycles] = await Promise.all([getTranslations('cycles'), getFormatter(), listCycles(user, locale)]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 text-start">{t('name')}</th>
              <th scope="col" className="px-3 py-2 text-start">{t('period')}</th>
              <th scope="col" className="px-3 py-2 text-start">{t('deadline')}</th>
              <th scope="col" className="px-3 py-2 text-start">{t('state')}</th>
              <th scope="col" className="px-3 py-2 text-end">{t('reports')}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((cycle) => (
              <tr key={cycle.code} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{cycle.name}</td>
                <td className="px-3 py-2">{date(cycle.periodStart)} – {date(cycle.periodEnd)}</td>
                <td className="px-3 py-2">{date(cycle.closesAt)}</td>
                <td className="px-3 py-2">{t(`states.${cycle.state}`)}</td>
                <td className="px-3 py-2 text-end tabular-nums">{format.number(cycle.reportCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
