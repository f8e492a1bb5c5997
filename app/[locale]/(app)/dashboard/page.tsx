import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { getOpenCycle } from '@/lib/cycles/queries';
import { getDashboardCounts } from '@/lib/status-reports/queries';
import { localized } from '@/lib/i18n/localized';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';

export function generateMetadata({ params }: PageProps<'/[locale]/dashboard'>): Promise<Metadata> {
  return pageTitle(params, 'dashboard');
}

export default async function DashboardPage({ params }: PageProps<'/[locale]/dashboard'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/dashboard');
  const [t, tRoles, format, cycle, counts] = await Promise.all([
    getTranslations('dashboard'), getTranslations('roles'), getFormatter(), getOpenCycle(locale), getDashboardCounts(user),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700" data-testid="dashboard-role">
          {t('welcome', { name: user.name, role: tRoles(user.role) })}
          {user.entity && <> {t('forEntity', { entity: localized(user.entity.name, locale) })}</>}
        </p>
      </div>
      <section aria-labelledby="cycle-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="cycle-heading" className="font-semibold">{t('cycleHeading')}</h2>
        {cycle ? (
          <p className="mt-2 text-slate-700">
            {t('cycleOpen', {
              name: cycle.name,
              deadline: format.dateTime(cycle.closesAt, { dateStyle: 'long', timeZone: 'UTC' }),
            })}
          </p>
        ) : (
          <p className="mt-2 text-slate-700">{t('noOpenCycle')}</p>
        )}
      </section>
      {counts?.own && (
        <section aria-labelledby="worklist-heading" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="dashboard-worklist">
          <h2 id="worklist-heading" className="font-semibold">{t('worklistHeading')}</h2>
          <p className="mt-2 text-slate-700">{t('worklistProgress', { reported: format.number(counts.own.reported), total: format.number(counts.own.total) })}</p>
          {counts.own.returned > 0 && <p className="mt-1 font-medium text-amber-900">{t('worklistReturned', { count: counts.own.returned })}</p>}
          {counts.own.drafts > 0 && <p className="mt-1 text-slate-700">{t('worklistDrafts', { count: counts.own.drafts })}</p>}
          <p className="mt-3">
            <Link href="/worklist" className="inline-block rounded bg-un-navy px-4 py-2 font-medium text-white">{t('openWorklist')}</Link>
          </p>
        </section>
      )}
      {counts?.assigned && (
        <section aria-labelledby="assigned-heading" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="dashboard-assigned">
          <h2 id="assigned-heading" className="font-semibold">{t('assignedHeading')}</h2>
          <p className="mt-2 text-slate-700">{t('assignedProgress', { total: counts.assigned.total, drafted: counts.assigned.drafted, ready: counts.assigned.handedOver })}</p>
          <p className="mt-3">
            <Link href="/worklist" className="inline-block rounded bg-un-navy px-4 py-2 font-medium text-white">{t('openWorklist')}</Link>
          </p>
        </section>
      )}
      {counts && counts.waiting !== null && (
        <section aria-labelledby="reviews-heading" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="dashboard-reviews">
          <h2 id="reviews-heading" className="font-semibold">{t('reviewsHeading')}</h2>
          <p className="mt-2 text-slate-700">{t('reviewsWaiting', { count: counts.waiting })}</p>
          <p className="mt-3">
            <Link href="/reviews" className="inline-block rounded bg-un-navy px-4 py-2 font-medium text-white">{t('openReviews')}</Link>
          </p>
        </section>
      )}
      {user.entity && (
        <p>
          <Link href={`/entities/${user.entity.code}`} className="font-medium text-un-navy underline underline-offset-4">
            {t('openMyEntity')}
          </Link>
        </p>
      )}
      <p>
        <Link href="/account/security" className="font-medium text-un-navy underline underline-offset-4" data-testid="account-security-link">
          {t('accountSecurity')}
        </Link>
      </p>
    </div>
  );
}
