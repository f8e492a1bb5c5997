'use client';

import { useLocale, useTranslations } from 'next-intl';
import { sentenceGap } from '@/lib/i18n/lists';
import type { ImportPreview } from '@/lib/catalogue/import-instrument';
import { countSubheadings, previewRows, shortTitle } from '@/lib/import/dry-run';

type Props = {
  preview: ImportPreview;
  areas: { code: string; title: string }[];
  chosen: Record<string, string>;
  onChoose: (reference: string, code: string) => void;
};

/**
 * Every item with its reference, area (to confirm or change for new items) and what will happen
 * to it, under the chapters and sub-headings the parser found. It fits the page's width: a
 * fixed layout on a desktop, one card per item on a phone, and area choices as their code and
 * a short title (the whole title is the option's tooltip).
 */
export function ImportPreviewTable({ preview, areas, chosen, onChoose }: Props) {
  const t = useTranslations('import');
  const tCommon = useTranslations('common');
  // Chinese sentences follow each other without a space.
  const gap = sentenceGap(useLocale());
  const counts = preview.items.reduce<Record<string, number>>((all, item) => ({ ...all, [item.change]: (all[item.change] ?? 0) + 1 }), {});
  const rows = previewRows(preview.items, preview.chapters);
  const titleOf = new Map(areas.map((area) => [area.code, area.title]));
  return (
    <div className="min-w-0 space-y-4">
      <p data-testid="preview-summary">
        {t(`mode.${preview.mode}`, { symbol: preview.instrument.symbol })}{gap}
        {t('summary', { items: preview.items.length, chapters: preview.chapters.length, subheadings: countSubheadings(preview.items) })}{gap}
        {t('summaryChanges', { create: counts.create ?? 0, translate: counts.translate ?? 0, update: counts.update ?? 0, unchanged: counts.unchanged ?? 0 })}
      </p>
      {preview.warnings.length > 0 && (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="preview-warnings">
          <p className="font-medium">{t('warnings', { count: preview.warnings.length })}</p>
          <ul className="mt-1 list-disc ps-5">
            {preview.warnings.map((warning, index) => (
              <li key={index}>
                {warning.line !== null && <>{t('line', { line: warning.line })}{gap}</>}
                {t.has(`warningCodes.${warning.code}`)
                  ? t(`warningCodes.${warning.code}`, { reference: warning.reference ?? '' })
                  : warning.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {counts.unmatched ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t('unmatched', { references: preview.items.filter((item) => item.change === 'unmatched').map((item) => item.reference).join(tCommon('listSeparator')) })}
        </p>
      ) : null}
      {preview.missingFromText.length > 0 && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">{t('missing', { references: preview.missingFromText.join(tCommon('listSeparator')) })}</p>
      )}
      <div className="max-h-[32rem] overflow-y-auto rounded border border-slate-200" data-testid="preview-table-box">
        <table className="w-full text-sm sm:table-fixed" data-testid="preview-table">
          <thead className="sticky top-0 z-10 bg-slate-100 max-sm:sr-only">
            <tr>
              <th scope="col" className="w-24 px-2 py-2 text-start">{t('reference')}</th>
              <th scope="col" className="w-52 px-2 py-2 text-start lg:w-72">{t('area')}</th>
              <th scope="col" className="w-24 px-2 py-2 text-start">{t('change')}</th>
              <th scope="col" className="px-2 py-2 text-start">{t('itemText')}</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {rows.map((row, index) => {
              if (row.kind === 'chapter') {
                return (
                  <tr key={`chapter-${row.number}-${index}`} className="border-t border-slate-200 bg-slate-50 max-sm:block" data-testid="preview-chapter">
                    <th scope="colgroup" colSpan={4} className="px-2 py-2 text-start font-semibold max-sm:block" lang={preview.language}>
                      {row.title ? t('chapterRow', { number: row.number, title: row.title }) : t('chapterRowUntitled', { number: row.number })}
                    </th>
                  </tr>
                );
              }
              if (row.kind === 'subheading') {
                return (
                  <tr key={`subheading-${index}`} className="border-t border-slate-100 max-sm:block" data-testid="preview-subheading">
                    <th scope="colgroup" colSpan={4} className="px-2 pb-1 pt-3 text-start text-sm font-semibold text-slate-700 max-sm:block" lang={preview.language}>
                      {row.text}
                    </th>
                  </tr>
                );
              }
              const { item } = row;
              const areaCode = chosen[item.reference] ?? item.areaCode ?? '';
              return (
                <tr key={item.reference} className="border-t border-slate-100 align-top max-sm:flex max-sm:flex-wrap max-sm:items-baseline max-sm:gap-x-3 max-sm:py-2" data-testid="preview-item">
                  <th scope="row" className="whitespace-nowrap px-2 py-2 text-start font-mono max-sm:py-0"><bdi>{item.reference}</bdi></th>
                  <td className="px-2 py-2 max-sm:order-2 max-sm:w-full max-sm:py-1">
                    {item.change === 'create' ? (
                      <>
                        <label htmlFor={`area-${item.reference}`} className="sr-only">{t('areaFor', { reference: item.reference })}</label>
                        <select id={`area-${item.reference}`} value={areaCode} title={titleOf.get(areaCode)}
                          onChange={(event) => onChoose(item.reference, event.target.value)}
                          className="block w-full min-w-0 truncate rounded border border-slate-300 bg-white px-1 py-1">
                          {!item.areaCode && <option value="">{t('chooseArea')}</option>}
                          {areas.map((area) => <option key={area.code} value={area.code} title={area.title}>{area.code} {shortTitle(area.title)}</option>)}
                        </select>
                        {t(`areaSource.${item.areaSource}`) && <span className="mt-0.5 block text-xs text-slate-500">{t(`areaSource.${item.areaSource}`)}</span>}
                      </>
                    ) : (
                      <span title={item.areaCode ? titleOf.get(item.areaCode) : undefined}>{item.areaCode ?? '—'}</span>
                    )}
                  </td>
                  <td className="px-2 py-2 max-sm:px-0 max-sm:py-0 max-sm:text-xs max-sm:text-slate-600">{t(`changes.${item.change}`)}</td>
                  <td className="break-words px-2 py-2 max-sm:order-1 max-sm:w-full max-sm:py-0" lang={preview.language}>
                    <span className="line-clamp-3">{item.text}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
