'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { assignCommitmentsAction } from '@/lib/team/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useKeptForm } from '@/components/ui/use-kept-form';

// Apart from the other team forms: the worklist loads only this one (its page's scripts carry
// every export of the modules it imports).
const button = 'rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60';

/**
 * The coordinator's assignment bar above the worklist: the rows' check boxes belong to this form
 * (form="assign-form"), so that one choice assigns every selected commitment.
 */
export function AssignForm({ entityId, cycleId, contributors }: { entityId: string; cycleId: string; contributors: { id: string; name: string }[] }) {
  const t = useTranslations('team');
  const [state, action, pending] = useActionState(assignCommitmentsAction, null);
  const keep = useKeptForm(action, state);
  return (
    <form id="assign-form" action={action} onSubmit={keep} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="assign-heading">
      <h2 id="assign-heading" className="w-full font-semibold">{t('assignHeading')}</h2>
      <p className="w-full text-sm text-slate-700">{contributors.length ? t('assignHint') : t('noContributors')}</p>
      <input type="hidden" name="entityId" value={entityId} />
      <input type="hidden" name="cycleId" value={cycleId} />
      <div className="min-w-0 flex-1 sm:flex-none">
        <label htmlFor="assign-to" className="block text-sm font-medium">{t('assignTo')}</label>
        <select id="assign-to" name="assigneeId" className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2 sm:w-auto sm:max-w-md">
          {contributors.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          <option value="">{t('unassign')}</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className={button}>{t('assign')}</button>
      <div className="w-full"><FormStatus state={state} success={t('assigned', { count: state?.ok ? state.data.changed : 0 })} /></div>
    </form>
  );
}
