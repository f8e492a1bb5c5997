import { getLocale, getTranslations } from 'next-intl/server';
import { displayReference } from '@/lib/catalogue/reference';
import { Link } from '@/lib/i18n/navigation';
import type { CommitmentRow } from '@/lib/catalogue/queries';
import { LanguageNote } from './language-note';
import { HighlightedText } from '@/components/ui/highlighted-text';

/** Commitments as a list: reference, instrument, area and wording (in the reader's language when there is one), a search's words marked. */
export async function CommitmentList({ rows, showInstrument = true, highlight }: { rows: CommitmentRow[]; showInstrument?: boolean; highlight?: string }) {
  const [t, locale] = await Promise.all([getTranslations('catalogue'), getLocale()]);
  if (rows.length === 0) return <p className="mt-4 text-slate-700">{t('noCommitments')}</p>;
  return (
    <ol className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {rows.map((row) => (
        <li key={row.id} className="p-4" data-testid="commitment-row">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <Link href={`/commitments/${row.id}`} className="font-semibold text-un-navy underline underline-offset-2">
              {showInstrument
                ? t('citation', { symbol: row.instrument.symbol, reference: displayReference(row.reference, locale) })
                : displayReference(row.reference, locale)}
            </Link>
            <Link href={`/areas/${row.area.code}`} className="text-slate-600 hover:underline">{row.area.code}</Link>
            {row.instrument.isDemo && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-950">{t('demoBadge')}</span>}
            {row.text && <LanguageNote shown={row.text} />}
          </div>
          {row.subheading && <p className="mt-1 text-xs uppercase tracking-wide text-slate-500">{row.subheading}</p>}
          <p className="mt-1 line-clamp-3 text-slate-800" lang={row.text?.locale}>
            {row.text ? (highlight ? <HighlightedText text={row.text.text} words={highlight} /> : row.text.text) : t('noText')}
          </p>
        </li>
      ))}
    </ol>
  );
}
