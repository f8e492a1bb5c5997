import { useTranslations } from 'next-intl';
import { DISTRIBUTION_KEYS, itemsOf, type Distribution } from '@/lib/summaries/figures';
import { STATUS_SWATCH } from '@/components/status-reports/status-badge';

/**
 * One stacked bar of a distribution, in the status colours. Decorative for assistive technology:
 * every bar stands beside or above a table with its numbers.
 */
export function DistributionBar({ distribution, className = '' }: { distribution: Distribution; className?: string }) {
  const t = useTranslations('status');
  const total = itemsOf(distribution);
  return (
    <div aria-hidden className={`flex h-3 w-full overflow-hidden rounded bg-slate-100 ${className}`}>
      {total > 0 && DISTRIBUTION_KEYS.map((key) =>
        distribution[key] > 0 ? (
          <div key={key} className={STATUS_SWATCH[key]} style={{ width: `${(100 * distribution[key]) / total}%` }} title={`${t(key)}: ${distribution[key]}`} />
        ) : null,
      )}
    </div>
  );
}

/** The colour key of the bars, once per page. */
export function DistributionLegend() {
  const t = useTranslations('status');
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t('legend')}>
      {DISTRIBUTION_KEYS.map((key) => (
        <li key={key} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block size-2.5 rounded-sm ${STATUS_SWATCH[key]}`} />{t(key)}
        </li>
      ))}
    </ul>
  );
}
