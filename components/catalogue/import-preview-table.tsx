'use client';

import { useTranslations } from 'next-intl';
import type { ImportPreview } from '@/lib/catalogue/import-instrument';

type Props = {
  preview: ImportPreview;
  areas: { code: string; title: string }[];
  chosen: Record<string, string>;
  onChoose: (reference: string, code: string) => void;
};

/** Every item with its reference, area (to confirm or change for new items) and what will happen to it. */
export function ImportPreviewTable({ preview, areas, chosen, onChoose }: Props) {
  const t = useTranslations('import');
  const counts = preview.items.reduce<Record<string, number>>((all, item) => ({ ...all, [item.change]: (all[item.change] ?? 0) + 1 }), {});
  return (
    <div className="space-y-4">
      <p data-testid="preview-summary">
        {t(`mode.${preview.mode}`, { symbol: preview.instrument.symbol })}{' '}
        {t('summary', { items: preview.items.length, chapters: preview.chapters.length, create: counts.create ?? 0, translate: counts.translate ?? 0, update: counts.update ?? 0, unchanged: counts.unchanged ?? 0 })}
      </p>
      {preview.warnings.length > 0 && (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="preview-warnings">
          <p className="font-medium">{t('warnings', { count: preview.warnings.length })}</p>
          <ul className="mt-1 list-disc ps-5">
            {preview.warnings.map((warning, index) => (
              <li key={index}>
                {warning.line !== null && t('line', { line: warning.line })}{' '}
                {t.has(`warningCodes.${warning.code}` as never)
                  ? t(`warningCodes.${warning.code}` as never, { reference: warning.reference ?? '' } as never)
                  : warning.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {counts.unmatched ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t('unmatched', { references: preview.items.filter((item) => item.change === 'unmatched').map((item) => item.reference).join(', ') })}
        </p>
      ) : null}
      {preview.missingFromText.length > 0 && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">{t('missing', { references: preview.missingFromText.join(', ') })}</p>
      )}
      <div className="max-h-[32rem] overflow-auto rounded border border-slate-200">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-2 text-start">{t('reference')}</th>
              <th scope="col" className="px-2 py-2 text-start">{t('area')}</th>
              <th scope="col" className="px-2 py-2 text-start">{t('change')}</th>
              <th scope="col" className="px-2 py-2 text-start">{t('itemText')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.reference} className="border-t border-slate-100 align-top" data-testid="preview-item">
                <th scope="row" className="whitespace-nowrap px-2 py-2 text-start font-mono">{item.reference}</th>
                <td className="px-2 py-2">
                  {item.change === 'create' ? (
                    <>
                      <label htmlFor={`area-${item.reference}`} className="sr-only">{t('areaFor', { reference: item.reference })}</label>
                      <select id={`area-${item.reference}`} value={chosen[item.reference] ?? item.areaCode ?? ''}
                        onChange={(event) => onChoose(item.reference, event.target.value)}
                        className="rounded border border-slate-300 bg-white px-1 py-1">
                        {!item.areaCode && <option value="">{t('chooseArea')}</option>}
                        {areas.map((area) => <option key={area.code} value={area.code}>{area.code} {area.title}</option>)}
                      </select>
                      <span className="ms-1 text-xs text-slate-500">{t(`areaSource.${item.areaSource}`)}</span>
                    </>
                  ) : (
                    item.areaCode ?? '—'
                  )}
                </td>
                <td className="px-2 py-2">{t(`changes.${item.change}`)}</td>
                <td className="px-2 py-2" lang={preview.language}>
                  {item.subheading && <span className="block text-xs uppercase text-slate-500">{item.subheading}</span>}
                  <span className="line-clamp-3">{item.text}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
