import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { sentenceGap } from '@/lib/i18n/lists';
import { requireUser } from '@/lib/auth/session';
import { getOpenCycle } from '@/lib/cycles/queries';
import { DASHBOARD_CYCLE_STATES, DASHBOARD_ROLES, DASHBOARD_STATES, getDashboard } from '@/lib/dashboard/queries';
import { localized } from '@/lib/i18n/localized';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { dateFormatter } from '@/lib/i18n/dates';

export function generateMetadata({ params }: PageProps<'/[locale]/dashboard'>): Promise<Metadata> {
  return pageTitle(params, 'dashboard');
}

type Count = { key: string; count: number; label: string; href: string; emphasis?: boolean };

/** Numbers that each lead to the list behind them. */
function CountLinks({ counts, format, testId }: { counts: Count[]; format: (value: number) => string; testId: string }) {
  return (
    <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" data-testid={testId}>
      {counts.map((count) => (
        <li key={count.key}>
          <Link
            href={count.href}
            className={`flex h-full flex-col rounded border px-3 py-2 hover:border-un-blue hover:bg-slate-50 ${count.emphasis && count.count > 0 ? 'border-amber-400 bg-amber-50' : 'border-slate-200'}`}
            data-testid="dashboard-count"
            data-key={count.key}
          >
            <span className="text-2xl font-semibold tabular-nums text-un-navy">{format(count.count)}</span>
            <span className="text-sm text-slate-700">{count.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

const section = 'rounded-lg border border-slate-200 bg-white p-4';

export default async function DashboardPage({ params }: PageProps<'/[locale]/dashboard'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser('/dashboard');
  const [t, tRoles, tState, tCycles, format, cycle, dashboard] = await Promise.all([
    getTranslations('dashboard'), getTranslations('roles'), getTranslations('workflow'), getTranslations('cycles'), getFormatter(),
    getOpenCycle(locale), getDashboard(user, locale),
  ]);
  const number = (value: number) => format.number(value);
  const { review, entity, assigned, ownProposals, admin } = dashboard;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700" data-testid="dashboard-role">
          {t('welcome', { name: user.name, role: tRoles(user.role) })}
          {/* Chinese sentences follow one another without a space. */}
          {user.entity && <>{sentenceGap(locale)}{t('forEntity', { entity: localized(user.entity.name, locale) })}</>}
        </p>
      </div>
      <section aria-labelledby="cycle-heading" className={section}>
        <h2 id="cycle-heading" className="font-semibold">{t('cycleHeading')}</h2>
        {cycle ? (
          <p className="mt-2 text-slate-700">
            {t('cycleOpen', {
              name: cycle.name,
              deadline: dates.day(cycle.closesAt),
            })}
          </p>
        ) : (
          <p className="mt-2 text-slate-700">{t('noOpenCycle')}</p>
        )}
      </section>

      {entity && (
        <section aria-labelledby="worklist-heading" className={section} data-testid="dashboard-worklist">
          <h2 id="worklist-heading" className="font-semibold">{t('worklistCycleHeading', { cycle: entity.cycle.name })}</h2>
          {entity.expected ? (
            <>
              <p className="mt-2 text-slate-700">
                {t('worklistProgress', { reported: number(entity.byState.SUBMITTED + entity.byState.ACCEPTED), total: number(entity.total) })}
              </p>
              <CountLinks
                testId="dashboard-states"
                format={number}
                counts={(['NOT_REPORTED', ...DASHBOARD_STATES] as const).map((state) => ({
                  key: state, count: entity.byState[state], label: tState(state), href: `/worklist?state=${state}`, emphasis: state === 'RETURNED',
                }))}
              />
            </>
          ) : (
            <p className="mt-2 text-slate-700">{t('notExpected')}</p>
          )}
          <p className="mt-3">
            <Link href="/worklist" className="inline-block rounded bg-un-navy px-4 py-2 font-medium text-white">{t('openWorklist')}</Link>
          </p>
        </section>
      )}

      {ownProposals !== null && (
        <section aria-labelledby="proposals-heading" className={section} data-testid="dashboard-proposals">
          <h2 id="proposals-heading" className="font-semibold">{t('proposalsHeading')}</h2>
          <p className="mt-2 text-slate-700">{t('proposalsIntro')}</p>
          <CountLinks
            testId="dashboard-proposal-counts"
            format={number}
            counts={[{ key: 'proposals', count: ownProposals, label: t('ownProposals', { count: ownProposals }), href: '/dashboard/evidence' }]}
          />
        </section>
      )}

      {assigned && (
        <section aria-labelledby="assigned-heading" className={section} data-testid="dashboard-assigned">
          <h2 id="assigned-heading" className="font-semibold">{t('assignedHeading')}</h2>
          <p className="mt-2 text-slate-700">{t('assignedProgress', { total: assigned.total, drafted: assigned.drafted, ready: assigned.handedOver })}</p>
          <p className="mt-3">
            <Link href="/worklist" className="inline-block rounded bg-un-navy px-4 py-2 font-medium text-white">{t('openWorklist')}</Link>
          </p>
        </section>
      )}

      {review && (
        <section aria-labelledby="reviews-heading" className={section} data-testid="dashboard-reviews">
          <h2 id="reviews-heading" className="font-semibold">{t('awaitingHeading')}</h2>
          <CountLinks
            testId="dashboard-review-counts"
            format={number}
            counts={[
              ...review.cycles.map((row) => ({
                key: `submitted-${row.code}`, count: row.submitted, emphasis: true,
                label: t('submittedIn', { count: row.submitted, cycle: row.name }),
                href: `/reviews?cycle=${encodeURIComponent(row.code)}&state=SUBMITTED`,
              })),
              { key: 'proposals', count: review.proposals, emphasis: true, label: t('evidenceProposals', { count: review.proposals }), href: '/dashboard/evidence#proposals-heading' },
              { key: 'removals', count: review.removals, emphasis: true, label: t('removalRequests', { count: review.removals }), href: '/dashboard/evidence#removals-heading' },
              {
                key: 'suggestions', count: review.suggestions.paragraphs,
                label: t('evidenceSuggestions', { count: review.suggestions.paragraphs, commitments: review.suggestions.commitments }),
                href: '/dashboard/evidence#suggestions-heading',
              },
            ]}
          />
          <p className="mt-3">
            <Link href="/reviews" className="inline-block rounded bg-un-navy px-4 py-2 font-medium text-white">{t('openReviews')}</Link>
          </p>
        </section>
      )}

      {admin && (
        <section aria-labelledby="admin-heading" className={section} data-testid="dashboard-admin">
          <h2 id="admin-heading" className="font-semibold">{t('accountsHeading')}</h2>
          <CountLinks
            testId="dashboard-account-counts"
            format={number}
            counts={[
              ...DASHBOARD_ROLES.map((role) => ({ key: role, count: admin.accounts[role], label: tRoles(role), href: `/users?role=${role}` })),
              { key: 'disabled', count: admin.disabled, label: t('disabledAccounts'), href: '/users?state=disabled' },
            ]}
          />
          <h2 className="mt-5 font-semibold">{t('cyclesHeading')}</h2>
          <CountLinks
            testId="dashboard-cycle-counts"
            format={number}
            counts={DASHBOARD_CYCLE_STATES.map((state) => ({ key: state, count: admin.cycles[state], label: tCycles(`states.${state}`), href: '/cycles' }))}
          />
        </section>
      )}

      <ul className="space-y-2">
        {user.entity && (
          <li>
            <Link href={`/entities/${user.entity.code}`} className="font-medium text-un-navy underline underline-offset-4">
              {t('openMyEntity')}
            </Link>
          </li>
        )}
        <li>
          <Link href="/account/security" className="font-medium text-un-navy underline underline-offset-4" data-testid="account-security-link">
            {t('accountSecurity')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
