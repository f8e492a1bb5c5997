import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { DISTRIBUTION_KEYS, type Distribution } from '@/lib/summaries/figures';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { localizedPath } from '@/lib/i18n/localized-path';
import type { Locale } from '@/lib/i18n/routing';
import { DistributionBar } from './distribution-bar';

export type FiguresRow = { key: string; label: ReactNode; distribution: Distribution; progressIndex: number | null; extra?: ReactNode };

/**
 * Rows of figures: a label, a bar, the count of each status and no report, and the progress
 * index. `reportsHref`, when given, turns each count of accepted reports into a link to the
 * reports behind it (readers who may list reports).
 */
export function FiguresTable({ caption, rows, labelHeader, reportsHref, testId }: {
  caption: string;
  labelHeader: string;
  rows: FiguresRow[];
  reportsHref?: (row: FiguresRow, status: ImplementationStatus) => string;
  testId?: string;
}) {
  const t = useTranslations('summaries');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">{labelHeader}</th>
            {DISTRIBUTION_KEYS.map((key) => <th key={key} scope="col" className="hidden px-2 py-2 text-end text-xs font-medium md:table-cell">{tStatus(key)}</th>)}
            <th scope="col" className="px-3 py-2 text-end">{t('progressIndex')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100 align-top" data-testid="figures-row" data-key={row.key}>
              <th scope="row" className="px-3 py-2 text-start font-normal">
                <div className="min-w-0 break-words">{row.label}</div>
                <DistributionBar distribution={row.distribution} className="mt-1.5" />
                <p className="mt-1 text-xs text-slate-600 md:hidden">
                  {DISTRIBUTION_KEYS.filter((key) => row.distribution[key] > 0).map((key) => `${tStatus(key)} ${format.number(row.distribution[key])}`).join(' · ')}
                </p>
                {row.extra}
              </th>
              {DISTRIBUTION_KEYS.map((key) => (
                <td key={key} className="figures-count" data-status={key}>
                  {reportsHref && key !== 'NO_REPORT' && row.distribution[key] > 0
                    ? <ReportsLink href={reportsHref(row, key)}>{format.number(row.distribution[key])}</ReportsLink>
                    : format.number(row.distribution[key])}
                </td>
              ))}
              <td className="px-3 py-2 text-end tabular-nums" data-testid="progress-index">
                {row.progressIndex === null ? '—' : format.number(row.progressIndex, { style: 'percent', maximumFractionDigits: 0 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A plain link, in the reader's language (downloads, /api/..., have none): a table has hundreds of
 * these, and as client-side links each would be a component to hydrate and a page to prefetch.
 */
function ReportsLink({ href, children }: { href: string; children: ReactNode }) {
  const locale = useLocale() as Locale;
  // Its colour and underline come with the cell (figures-count in app/globals.css).
  return <a href={href.startsWith('/api/') ? href : localizedPath(href, locale)}>{children}</a>;
}
