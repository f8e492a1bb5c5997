import { useFormatter, useTranslations } from 'next-intl';
import { itemsOf } from '@/lib/summaries/figures';
import type { SummaryFigures } from '@/lib/summaries/queries';

/** The three numbers read first: progress, coverage of entities, and items reported. */
export function SummaryHeadline({ summary }: { summary: Pick<SummaryFigures, 'progressIndex' | 'entities' | 'distribution'> }) {
  const t = useTranslations('summaries');
  const format = useFormatter();
  const items = itemsOf(summary.distribution);
  const reported = items - summary.distribution.NO_REPORT;
  const percent = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <dl className="grid gap-3 sm:grid-cols-3" data-testid="summary-headline">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-sm text-slate-600">{t('progressIndex')}</dt>
        <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="headline-progress">{summary.progressIndex === null ? '—' : percent(summary.progressIndex)}</dd>
        <dd className="mt-1 text-xs text-slate-600">{t('progressHint')}</dd>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-sm text-slate-600">{t('coverage')}</dt>
        <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="headline-coverage">
          {t('ofEntities', { reporting: format.number(summary.entities.reporting), expected: format.number(summary.entities.expected) })}
        </dd>
        <dd className="mt-1 text-xs text-slate-600">
          {t('ofMemberStates', { reporting: format.number(summary.entities.memberStatesReporting), expected: format.number(summary.entities.memberStatesExpected) })}
        </dd>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-sm text-slate-600">{t('itemsReported')}</dt>
        <dd className="mt-1 text-2xl font-semibold tabular-nums">{t('ofItems', { reported: format.number(reported), items: format.number(items) })}</dd>
        <dd className="mt-1 text-xs text-slate-600">{items > 0 ? percent(reported / items) : '—'}</dd>
      </div>
    </dl>
  );
}
