'use client';

import { useTranslations } from 'next-intl';
import type { PreviewView } from '@/lib/offline-reporting/preview-view';
import { Link } from '@/lib/i18n/navigation';

/**
 * What confirming would do: each report to be saved as a draft, with its status and narrative as
 * they would be, and each row that will not be saved, with why. Both tables fit their box.
 */
export function UploadPreview({ preview }: { preview: PreviewView }) {
  const t = useTranslations('offline.preview');
  return (
    <div className="space-y-4">
      <p data-testid="preview-summary">
        {t('summary', { file: preview.fileName, changes: preview.changes.length, problems: preview.problems.length, unchanged: preview.unchanged })}
      </p>

      {preview.changes.length > 0 && (
        <div>
          <h3 className="font-medium">{t('changesHeading')}</h3>
          <div className="mt-2 rounded border border-slate-200">
            <table className="w-full table-fixed text-sm">
              <caption className="sr-only">{t('changesCaption')}</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="w-12 px-2 py-2 text-start">{t('row')}</th>
                  <th scope="col" className="w-28 px-2 py-2 text-start sm:w-44">{t('commitment')}</th>
                  <th scope="col" className="px-2 py-2 text-start">{t('change')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((change) => (
                  <tr key={change.row} className="border-t border-slate-100 align-top" data-testid="preview-change">
                    <td className="px-2 py-2 tabular-nums">{change.row}</td>
                    <th scope="row" className="px-2 py-2 text-start font-normal">
                      <Link href={change.href} className="break-words font-semibold text-un-navy underline">{change.label}</Link>
                      <span className="mt-0.5 block text-xs text-slate-600">{change.stateLabel}</span>
                    </th>
                    <td className="space-y-1 break-words px-2 py-2">
                      <p>
                        {change.status.changed
                          ? t('status', { before: change.status.before, after: change.status.after })
                          : t('statusSame', { status: change.status.after })}
                      </p>
                      {!change.narrative.changed ? (
                        <p className="text-slate-600">{t('narrativeSame')}</p>
                      ) : change.narrative.length === 0 ? (
                        <p>{t('narrativeEmpty')}</p>
                      ) : (
                        <>
                          <p className="text-slate-600">{t('narrative', { length: change.narrative.length })}</p>
                          <p className="rounded bg-slate-50 p-1.5" data-testid="preview-narrative">{change.narrative.excerpt}</p>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {preview.problems.length > 0 && (
        <div>
          <h3 className="font-medium">{t('problemsHeading')}</h3>
          <div className="mt-2 rounded border border-amber-300">
            <table className="w-full table-fixed text-sm">
              <caption className="sr-only">{t('problemsCaption')}</caption>
              <thead className="bg-amber-50 text-amber-950">
                <tr>
                  <th scope="col" className="w-12 px-2 py-2 text-start">{t('row')}</th>
                  <th scope="col" className="w-28 px-2 py-2 text-start sm:w-44">{t('commitment')}</th>
                  <th scope="col" className="px-2 py-2 text-start">{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((problem) => (
                  <tr key={`${problem.row}-${problem.message}`} className="border-t border-amber-100 align-top" data-testid="preview-problem">
                    <td className="px-2 py-2 tabular-nums">{problem.row}</td>
                    <th scope="row" className="break-words px-2 py-2 text-start font-normal">{problem.label || '—'}</th>
                    <td className="break-words px-2 py-2">{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
