import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listCycles } from '@/lib/cycles/queries';
import { listInstruments } from '@/lib/catalogue/queries';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { CreateCycleForm, CycleStateForm } from '@/components/cycles/cycle-forms';
import { yearCycleName } from '@/lib/cycles/cycle-names';
import { dateFormatter } from '@/lib/i18n/dates';

export function generateMetadata({ params }: PageProps<'/[locale]/cycles'>): Promise<Metadata> {
  return pageTitle(params, 'cycles');
}

export default async function CyclesPage({ params }: PageProps<'/[locale]/cycles'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser('/cycles');
  const [t, cycles, instruments] = await Promise.all([getTranslations('cycles'), listCycles(user, locale), listInstruments(locale)]);
  const date = (value: Date) => dates.day(value);
  // The form suggests next year's cycle.
  const nextYear = new Date().getUTCFullYear() + 1;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
      </div>
      {cycles.length === 0 ? <p className="text-slate-700">{t('none')}</p> : (
        <ul className="space-y-3">
          {cycles.map((cycle) => (
            <li key={cycle.code} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="cycle" data-state={cycle.state}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h2 className="text-lg font-semibold">{cycle.name} <span className="font-mono text-sm font-normal text-slate-600">{cycle.code}</span></h2>
                <span className={`rounded px-2 py-0.5 text-sm font-medium ${cycle.state === 'OPEN' ? 'bg-emerald-100 text-emerald-900' : cycle.state === 'CLOSED' ? 'bg-slate-200 text-slate-800' : 'bg-sky-100 text-sky-900'}`}>
                  {t(`states.${cycle.state}`)}
                </span>
              </div>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
                <div><dt className="text-slate-600">{t('period')}</dt><dd>{date(cycle.periodStart)} – {date(cycle.periodEnd)}</dd></div>
                <div><dt className="text-slate-600">{t('opens')}</dt><dd>{date(cycle.opensAt)}</dd></div>
                <div><dt className="text-slate-600">{t('deadline')}</dt><dd>{date(cycle.closesAt)}</dd></div>
                <div><dt className="text-slate-600">{t('scope')}</dt><dd>{t('scopeCounts', { instruments: cycle.instrumentCount, entities: cycle.entityCount, reports: cycle.reportCount })}</dd></div>
              </dl>
              <div className="mt-3">
                {cycle.state === 'PLANNED' && <CycleStateForm code={cycle.code} change="open" />}
                {cycle.state === 'OPEN' && <CycleStateForm code={cycle.code} change="close" />}
                {cycle.state === 'CLOSED' && <CycleStateForm code={cycle.code} change="reopen" />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <CreateCycleForm instruments={instruments.map((instrument) => ({ code: instrument.code, symbol: instrument.symbol }))} year={nextYear} suggested={yearCycleName(nextYear)} />
    </div>
  );
}
