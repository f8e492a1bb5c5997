import { useFormatter, useTranslations } from 'next-intl';
import { DISTRIBUTION_KEYS, itemsOf, type Distribution } from '@/lib/summaries/figures';
import { STATUS_SWATCH } from '@/components/status-reports/status-badge';

/**
 * One stacked bar of a distribution, in the status colours. In a table of its numbers it is
 * decorative for assistive technology; standing alone (`labelled`), it is an image whose text
 * says the numbers it draws.
 */
export function DistributionBar({ distribution, className = '', labelled = false }: { distribution: Distribution; className?: string; labelled?: boolean }) {
  const t = useTranslations('status');
  const tCommon = useTranslations('common');
  const format = useFormatter();
  const total = itemsOf(distribution);
  const label = DISTRIBUTION_KEYS.filter((key) => distribution[key] > 0).map((key) => `${t(key)} ${format.number(distribution[key])}`).join(tCommon('listSeparator'));
  return (
    <div {...(labelled && label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })} className={`flex h-3 w-full overflow-hidden rounded bg-slate-100 ${className}`}>
      {total > 0 && DISTRIBUTION_KEYS.map((key) =>
        distribution[key] > 0 ? (
          // Widths to a hundredth of a percent: more digits only lengthen the page.
          <div key={key} className={STATUS_SWATCH[key]} style={{ width: `${Math.round((10_000 * distribution[key]) / total) / 100}%` }} title={`${t(key)}: ${distribution[key]}`} />
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
