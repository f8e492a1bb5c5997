'use client';

import { useActionState, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { changeUserAction, changeUserRoleAction, inviteUserAction } from '@/lib/users/actions';
import { ENTITY_ROLES, ROLES, type UserSetting } from '@/lib/users/schemas';
import type { Role } from '@/lib/generated/prisma/enums';
import type { ActionState } from '@/lib/action-state';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { EvidenceField as Field } from '@/components/evidence/evidence-form';

const button = 'rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60';
const quiet = 'rounded border border-un-navy bg-white px-3 py-1.5 text-sm font-medium text-un-navy disabled:opacity-60';
const select = 'mt-1 block w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-2 aria-[invalid=true]:border-red-600';


export type EntityOption = { id: string; code: string; name: string };

function errorsOf(state: ActionState<unknown>, field: string): string[] {
  return state && !state.ok ? state.fieldErrors[field] ?? [] : [];
}

/** The role and, for focal points and contributors, their entity: the entity is asked for only when the role has one. */
function RoleFields({ prefix, state, entities, role: initialRole, entityId }: {
  prefix: string; state: ActionState<unknown>; entities: EntityOption[]; role?: Role; entityId?: string | null;
}) {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  const [role, setRole] = useState<Role>(initialRole ?? 'VIEWER');
  const entityErrors = errorsOf(state, 'entityId');
  const needsEntity = ENTITY_ROLES.includes(role);
  return (
    <>
      <div>
        <label htmlFor={`${prefix}-role`} className="block text-sm font-medium">{t('role')}</label>
        <select id={`${prefix}-role`} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)} className={select}>
          {ROLES.map((code) => <option key={code} value={code}>{tRoles(code)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${prefix}-entity`} className="block text-sm font-medium">{t('entity')}</label>
        <select
          id={`${prefix}-entity`} name="entityId" defaultValue={entityId ?? ''} disabled={!needsEntity} className={`${select} disabled:bg-slate-100`}
          aria-invalid={entityErrors.length > 0 || undefined} aria-describedby={entityErrors.length ? `${prefix}-entity-error` : undefined}
        >
          <option value="">{t('noEntity')}</option>
          {entities.map((entity) => <option key={entity.id} value={entity.id}>{entity.name} ({entity.code})</option>)}
        </select>
        {entityErrors.length > 0 && <p id={`${prefix}-entity-error`} className="mt-1 text-sm text-red-800">{entityErrors.join(' ')}</p>}
      </div>
    </>
  );
}

export function InviteUserForm({ entities, locales }: { entities: EntityOption[]; locales: { code: string; name: string }[] }) {
  const t = useTranslations('users');
  // The invitation is written, unless chosen otherwise, in the language the inviter reads.
  const pageLocale = useLocale();
  const [state, action, pending] = useActionState(inviteUserAction, null);
  const keep = useKeptForm(action, state);
  return (
    <form action={action} onSubmit={keep} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" aria-labelledby="invite-user-heading">
      <h2 id="invite-user-heading" className="text-lg font-semibold sm:col-span-2">{t('inviteHeading')}</h2>
      <p className="text-sm text-slate-700 sm:col-span-2">{t('inviteHint')}</p>
      <Field prefix="invite-user" name="name" label={t('name')} state={state} required maxLength={200} autoComplete="off" />
      <Field prefix="invite-user" name="email" label={t('email')} state={state} required type="email" maxLength={320} autoComplete="off" />
      <RoleFields prefix="invite-user" state={state} entities={entities} />
      <div>
        <label htmlFor="invite-user-locale" className="block text-sm font-medium">{t('language')}</label>
        <select id="invite-user-locale" name="locale" defaultValue={pageLocale} className={select}>
          {locales.map((locale) => <option key={locale.code} value={locale.code}>{locale.name}</option>)}
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={button}>{t('invite')}</button>
      </div>
      <div className="sm:col-span-2"><FormStatus state={state} success={t('invited')} /></div>
    </form>
  );
}

export function ChangeRoleForm({ userId, role, entityId, entities }: { userId: string; role: Role; entityId: string | null; entities: EntityOption[] }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(changeUserRoleAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="userId" value={userId} />
      <RoleFields prefix="change-role" state={state} entities={entities} role={role} entityId={entityId} />
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={button}>{t('changeRole')}</button>
      </div>
      <div className="sm:col-span-2"><FormStatus state={state} success={t('roleChanged')} /></div>
    </form>
  );
}

/**
 * Disabling, enabling and re-inviting: one form whose buttons name the setting, so that its
 * outcome stays on screen when the page re-renders with other buttons.
 */
export function UserAccessForm({ userId, settings, name }: { userId: string; settings: UserSetting[]; name: string }) {
  const t = useTranslations('users');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(changeUserAction, null);
  const [last, setLast] = useState<UserSetting | null>(null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        const setting = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value as UserSetting | undefined;
        if (setting === 'disable' && !window.confirm(t('confirmDisable', { name }))) {
          event.preventDefault();
          return;
        }
        setLast(setting ?? null);
      }}
      className="space-y-3"
    >
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-wrap gap-3">
        {settings.map((setting) => (
          <button key={setting} type="submit" name="setting" value={setting} disabled={pending || !hydrated} className={quiet} data-testid={`user-${setting}`}>
            {t(`settings.${setting}`)}
          </button>
        ))}
      </div>
      <FormStatus state={state} success={last ? t(`settingDone.${last}`) : undefined} />
    </form>
  );
}
