import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { localized } from '@/lib/i18n/localized';
import { pageLocale } from '@/lib/i18n/page-locale';
import { invitationKind, invitationStatus } from '@/lib/users/invitations';
import { AcceptInvitationForm } from '@/components/team/team-forms';

export async function generateMetadata({ params }: PageProps<'/[locale]/invitations/[token]'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  // The token stays out of referrers: the page's links lead elsewhere in the application only.
  return { title: (await getTranslations({ locale, namespace: 'team' }))('invitationTitle'), referrer: 'no-referrer' };
}

export default async function InvitationPage({ params }: PageProps<'/[locale]/invitations/[token]'>) {
  const locale = await pageLocale(params);
  const { token } = await params;
  const [t, tRoles] = await Promise.all([getTranslations('team'), getTranslations('roles')]);
  const { state, user } = await invitationStatus(db, token.slice(0, 100));

  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('invitationTitle')}</h1>
      {state === 'valid' && user ? (
        <>
          <p className="text-slate-700">
            {t('invitationIntro', { kind: invitationKind(user.role), entity: localized(user.entity?.name, locale), role: tRoles(user.role) })}
          </p>
          <p className="text-sm text-slate-600">{user.email}</p>
          <AcceptInvitationForm token={token} name={user.name} />
        </>
      ) : (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="invitation-state">{t(`invitationStates.${state === 'valid' ? 'unknown' : state}`)}</p>
      )}
    </main>
  );
}
