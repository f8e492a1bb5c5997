'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ReviewRow } from '@/lib/status-reports/queries';
import { acceptStatusReportsAction } from '@/lib/status-reports/actions';
import { Link } from '@/lib/i18n/navigation';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { StateBadge, StatusBadge } from './status-badge';

type Row = Omit<ReviewRow, 'submittedAt'> & { submittedAtText: string };

/**
 * The queue, oldest first. Rows can be selected and accepted together, after a confirmation;
 * the answer says how many were accepted and which were skipped because they changed meanwhile.
 */
export function ReviewQueue({ rows, selectable }: { rows: Row[]; selectable: boolean }) {
  const t = useTranslations('reviews');
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [state, action, pending] = useActionState(acceptStatusReportsAction, null);
  const toggle = (id: string) => setSelected((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  // After an acceptance the queue is refreshed: only the rows still in it count as selected.
  const count = rows.filter((row) => selected.has(row.id)).length;

  return (
    <form action={action} onSubmit={(event) => { if (!window.confirm(t('confirmAccept', { count }))) event.preventDefault(); }} className="space-y-3">
      {selectable && (rows.length > 0 || state) && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={!hydrated || pending || count === 0} className="rounded bg-emerald-800 px-4 py-2 font-medium text-white disabled:opacity-50">
            {t('acceptSelected', { count })}
          </button>
          {state?.ok && (
            <div role="status" className="text-sm" data-testid="accept-result">
              <p className="text-green-800">{t('acceptedCount', { count: state.data.accepted })}</p>
              {state.data.skipped.length > 0 && (
                <ul className="mt-1 list-disc ps-5 text-amber-900">
                  {state.data.skipped.map((skip) => <li key={skip.reportId}>{t('skipped', { report: skip.report, reason: skip.reason })}</li>)}
                </ul>
              )}
            </div>
          )}
          {state && !state.ok && <FormStatus state={state} />}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('empty')}</p>
      ) : (
      <div className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              {selectable && (
                <th scope="col" className="w-10 px-3 py-2">
                  <input type="checkbox" aria-label={t('selectAll')} checked={allSelected} disabled={!hydrated}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))} />
                </th>
              )}
              <th scope="col" className="px-3 py-2 text-start">{t('entity')}</th>
              <th scope="col" className="w-28 px-3 py-2 text-start">{t('commitment')}</th>
              <th scope="col" className="hidden w-44 px-3 py-2 text-start sm:table-cell">{t('status')}</th>
              <th scope="col" className="hidden w-48 px-3 py-2 text-start md:table-cell">{t('submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="review-row">
                {selectable && (
                  <td className="px-3 py-2">
                    <input type="checkbox" name="reports" value={`${row.id}:${row.version}`} checked={selected.has(row.id)} disabled={!hydrated}
                      onChange={() => toggle(row.id)} aria-label={t('selectRow', { report: `${row.entity.name} ${row.commitment.reference}` })} />
                  </td>
                )}
                <td className="break-words px-3 py-2">
                  <Link href={row.href} prefetch={false} className="font-medium text-un-navy underline">{row.entity.name}</Link>
                  <p className="text-xs text-slate-600 sm:hidden"><StatusBadge status={row.status} /> · {row.submittedAtText}</p>
                </td>
                <td className="px-3 py-2">
                  <Link href={row.href} prefetch={false} className="bidi-auto text-un-navy underline">{row.commitment.reference}</Link>
                  <p className="break-words text-xs text-slate-600">{row.commitment.symbol} · {row.commitment.areaCode}</p>
                </td>
                <td className="hidden space-y-1 px-3 py-2 sm:table-cell">
                  <StatusBadge status={row.status} />
                  {row.state !== 'SUBMITTED' && <p><StateBadge state={row.state} /></p>}
                </td>
                <td className="hidden px-3 py-2 md:table-cell">
                  {row.submittedAtText}
                  {row.submittedBy && <p className="text-xs text-slate-600">{row.submittedBy}</p>}
                  {row.late && <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950">{t('late')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
    </form>
  );
}
