import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/dates';
import type { CommitmentDetail } from '@/lib/catalogue/queries';
import { nameLanguage } from '@/lib/i18n/message-keys';

/** As the query gives it to this reader: the file's name and the importer's e-mail for staff only (lib/catalogue/queries.ts). */
type Props = { provenance: CommitmentDetail['provenance'] };

/**
 * Where each language's wording comes from. "Imported by" says the secretariat to everyone (the
 * person's e-mail is added for staff), and the file name is internal. A table on a desktop; on a
 * phone each language is a card with its labels, so that nothing runs past the screen's edge.
 */
export async function CommitmentProvenance({ provenance }: Props) {
  const [t, tCatalogue, locale] = await Promise.all([getTranslations('commitment'), getTranslations('catalogue'), getLocale()]);
  const columns = [t('language'), t('source'), t('importedBy'), t('importedAt')];
  const cell = 'px-3 py-2 max-sm:flex max-sm:gap-2 max-sm:px-0 max-sm:py-0.5';
  const label = (index: number) => <span className="w-28 shrink-0 font-medium text-slate-600 sm:hidden">{columns[index]}</span>;
  return (
    <div className="rounded-lg border border-slate-200 bg-white max-sm:px-3" data-testid="provenance">
      <table className="w-full text-sm">
        <thead className="bg-slate-100 text-slate-700 max-sm:sr-only">
          <tr>
            {columns.map((column) => <th key={column} scope="col" className="px-3 py-2 text-start">{column}</th>)}
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {provenance.map((entry) => (
            <tr key={entry.locale} className="border-t border-slate-100 max-sm:block max-sm:py-2 max-sm:first:border-t-0" data-testid="provenance-row">
              <td className={cell}>{label(0)}<span>{nameLanguage(entry.locale, (l) => tCatalogue(`languages.${l}`))}</span></td>
              <td className={cell}>
                {label(1)}
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  {entry.sourceName}
                  {entry.sourceChecksum && <span className="ms-2 font-mono text-xs text-slate-500" title={entry.sourceChecksum}>{entry.sourceChecksum.slice(0, 12)}</span>}
                </span>
              </td>
              <td className={cell}>
                {label(2)}
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  {t('importedByStaff')}
                  {entry.importedBy && <span className="block text-xs text-slate-600">{entry.importedBy}</span>}
                </span>
              </td>
              <td className={cell}>{label(3)}<span>{formatDate(entry.importedAt, locale, 'shortDayTime')}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
