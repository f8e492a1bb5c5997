import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { getWorklist } from '@/lib/status-reports/queries';
import { parseWorklistFilters, WORKLIST_STATES } from '@/lib/status-reports/filters';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { StateBadge, StatusBadge } from '@/components/status-reports/status-badge';
import { DeadlineNote } from '@/components/status-reports/deadline-note';
import { mayUploadWorklist } from '@/lib/offline-reporting/queries';
import { AssignForm } from '@/components/team/assign-form';
import { assignableContributors } from '@/lib/team/queries';
import { InLanguage, TitlesLanguageNote } from '@/components/ui/shown-in';

export async function generateMetadata({ params }: PageProps<'/[locale]/worklist'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'worklist' }))('title') };
}

export default async function WorklistPage({ params, searchParams }: PageProps<'/[locale]/worklist'>) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const filters = parseWorklistFilters(query);
  const user = await requireUser(`/worklist${filters.entity ? `?entity=${encodeURIComponent(filters.entity)}` : ''}`);
  const t = await getTranslations('worklist');
  const entityCode = filters.entity ?? user.entity?.code;
  if (!entityCode) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-slate-700">{t('chooseEntity')}</p>
        <p><Link href="/entities" className="font-medium text-un-navy underline">{t('openDirectory')}</Link></p>
      </div>
    );
  }
  const [worklist, format, tState, tTeam] = await Promise.all([
    getWorklist(user, entityCode, filters, locale), getFormatter(), getTranslations('workflow'), getTranslations('team'),
  ]);
  const { cycle, counts, rows, entity } = worklist;
  const [tOffline, tCommon] = await Promise.all([getTranslations('offline'), getTranslations('common')]);
  const filtered = Boolean(filters.area || filters.state || filters.q || filters.assignee);
  // The coordinator assigns commitments to contributors from here (null: this reader may not).
  const contributors = cycle && worklist.expected ? await assignableContributors(user, entity.id) : null;
  const assigning = contributors !== null && rows.length > 0;
  const pageHref = (page: number) => `/worklist?${new URLSearchParams(Object.entries({ ...filters, page: page > 1 ? String(page) : undefined }).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])))}`;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-un-blue">{t('title')}</p>
        <h1 className="text-2xl font-semibold" data-testid="worklist-entity"><InLanguage text={entity.name} locale={entity.nameLocale} badge /></h1>
        {user.role === 'CONTRIBUTOR' && (
          <p className="mt-2 max-w-3xl text-slate-700" data-testid="contributor-note">{worklist.scope === 'assigned' ? tTeam('contributorNote') : tTeam('contributorSharedNote')}</p>
        )}
      </div>
      {!cycle ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('noOpenCycle')}</p>
      ) : !worklist.expected ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700" data-testid="not-expected">{t('notExpected', { entity: entity.name, cycle: cycle.name })}</p>
      ) : (
        <>
          <section aria-label={t('progressLabel')} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
            <div>
              <p className="font-semibold">{cycle.name}</p>
              <DeadlineNote closesAt={cycle.closesAt} daysLeft={cycle.daysLeft} />
            </div>
            <div>
              <p className="font-medium" data-testid="worklist-progress">
                {t('progress', { reported: format.number(counts.reported), total: format.number(counts.total) })}
              </p>
              <div className="mt-2 h-2 overflow-hidden rounded bg-slate-200" aria-hidden>
                <div className="h-full bg-un-blue" style={{ width: `${counts.total ? Math.round((100 * counts.reported) / counts.total) : 0}%` }} />
              </div>
              <p className="mt-2 text-sm text-slate-600">
                {WORKLIST_STATES.map((state) => `${tState(state)} ${format.number(counts.byState[state])}`).join(' · ')}
              </p>
            </div>
          </section>

          {/* Offline reporting: the worklist as a spreadsheet, and its upload (saved as drafts). */}
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm" data-testid="worklist-offline">
            <a href={`/api/worklist/xlsx?${new URLSearchParams({ lang: locale, ...(filters.entity ? { entity: filters.entity } : {}) })}`}
              className="font-medium text-un-navy underline">{tOffline('downloadXlsx')}</a>
            {mayUploadWorklist(user) && user.entityId === entity.id && (
              <Link href="/worklist/upload" className="font-medium text-un-navy underline">{tOffline('uploadLink')}</Link>
            )}
            <span className="text-slate-600">{tOffline('hint')}</span>
          </div>

          <form method="get" role="search" className={`grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:items-end ${contributors ? 'sm:grid-cols-5' : 'sm:grid-cols-4'}`}>
            {filters.entity && <input type="hidden" name="entity" value={filters.entity} />}
            <div>
              <label htmlFor="filter-area" className="block text-sm font-medium">{t('filterArea')}</label>
              <select id="filter-area" name="area" defaultValue={filters.area ?? ''} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
                <option value="">{t('allAreas')}</option>
                {/* An option cannot hold a span: the whole option carries the title's language. */}
                {worklist.areas.map((area) => <option key={area.code} value={area.code} lang={area.titleLocale === locale ? undefined : area.titleLocale}>{area.code} {area.title}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="filter-state" className="block text-sm font-medium">{t('filterState')}</label>
              <select id="filter-state" name="state" defaultValue={filters.state ?? ''} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
                <option value="">{t('allStates')}</option>
                {WORKLIST_STATES.map((state) => <option key={state} value={state}>{tState(state)}</option>)}
              </select>
            </div>
            {contributors && (
              <div>
                <label htmlFor="filter-assignee" className="block text-sm font-medium">{tTeam('filterAssignee')}</label>
                <select id="filter-assignee" name="assignee" defaultValue={filters.assignee ?? ''} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
                  <option value="">{tTeam('anyAssignee')}</option>
                  <option value="ready">{tTeam('onlyReady')}</option>
                  <option value="none">{tTeam('onlyUnassigned')}</option>
                  {contributors.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
                </select>
              </div>
            )}
            <div>
              <label htmlFor="filter-q" className="block text-sm font-medium">{t('search')}</label>
              <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={200} className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2" />
            </div>
            <div className="flex gap-3">
              <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('apply')}</button>
              {filtered && <Link href={filters.entity ? `/worklist?entity=${encodeURIComponent(filters.entity)}` : '/worklist'} className="self-center text-sm text-un-navy underline">{t('clear')}</Link>}
            </div>
          </form>

          {assigning && <AssignForm entityId={entity.id} cycleId={cycle.id} contributors={contributors} />}

          {rows.length === 0 ? (
            <p className="text-slate-700">{counts.total === 0 ? t('noCommitments') : t('noMatch')}</p>
          ) : (<>
            <TitlesLanguageNote locales={rows.map((row) => row.area.titleLocale)} />
            <div className="rounded-lg border border-slate-200 bg-white">
              <table className="w-full table-fixed text-sm">
                <caption className="sr-only">{t('caption', { entity: entity.name, cycle: cycle.name })}</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    {assigning && <th scope="col" className="w-10 px-3 py-2"><span className="sr-only">{tTeam('assignHeading')}</span></th>}
                    <th scope="col" className="w-24 px-3 py-2 text-start sm:w-32">{t('reference')}</th>
                    <th scope="col" className="px-3 py-2 text-start">{t('commitment')}</th>
                    <th scope="col" className="hidden w-44 px-3 py-2 text-start md:table-cell">{t('lastAccepted')}</th>
                    <th scope="col" className="hidden w-44 px-3 py-2 text-start sm:table-cell">{t('thisCycle')}</th>
                  </tr>
                </thead>
                <tbody>
                  {/* Row links are not prefetched: each would render a report page on every view of the list. */}
                  {rows.map((row) => (
                    <tr key={row.commitmentId} data-testid="worklist-row" data-state={row.state}
                      className={`border-t border-slate-100 align-top ${row.state === 'RETURNED' ? 'bg-amber-50' : ''}`}>
                      {assigning && (
                        <td className="px-3 py-2">
                          <input type="checkbox" name="commitmentId" value={row.commitmentId} form="assign-form" className="size-4"
                            aria-label={tTeam('select', { reference: row.reference })} data-testid="assign-select" />
                        </td>
                      )}
                      <td className="px-3 py-2">
                        <Link href={row.href} prefetch={false} className="bidi-auto font-semibold text-un-navy underline" data-testid="worklist-link">{row.reference}</Link>
                        <p className="mt-0.5 break-words text-xs text-slate-600">{row.instrument.symbol}</p>
                        <div className="mt-1 sm:hidden"><StateBadge state={row.state} /></div>
                      </td>
                      <td className="px-3 py-2">
                        {row.excerpt && <p lang={row.excerpt.locale} className="break-words">{row.excerpt.text}</p>}
                        <p className="mt-1 text-xs text-slate-600">{row.area.code} <InLanguage text={row.area.title} locale={row.area.titleLocale} /></p>
                        {(row.assignee || row.ready) && (
                          <p className="mt-1 flex flex-wrap gap-2 text-xs" data-testid="worklist-assignee">
                            {row.assignee && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">{tTeam('assigneeLine', { name: row.assignee.name })}</span>}
                            {row.ready && <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-950" data-testid="worklist-ready">{tTeam('ready')}</span>}
                          </p>
                        )}
                        <p className="mt-1 text-xs text-slate-600 md:hidden">
                          {t('lastAccepted')}{tCommon('colon')}{row.lastAccepted ? <StatusBadge status={row.lastAccepted.status} /> : t('none')}
                        </p>
                        {row.state === 'RETURNED' && row.reviewComment && (
                          <p className="mt-2 whitespace-pre-line rounded border border-amber-300 bg-white p-2 text-amber-950" data-testid="worklist-comment">
                            <span className="font-medium">{t('reviewerComment')}{tCommon('colon')}</span>{row.reviewComment}
                          </p>
                        )}
                      </td>
                      <td className="hidden px-3 py-2 md:table-cell">
                        {row.lastAccepted ? (
                          <>
                            <StatusBadge status={row.lastAccepted.status} />
                            <p className="text-xs text-slate-600">{row.lastAccepted.cycleName}</p>
                          </>
                        ) : <span className="text-slate-600">{t('none')}</span>}
                      </td>
                      <td className="hidden space-y-1 px-3 py-2 sm:table-cell">
                        <StateBadge state={row.state} />
                        {row.status && <p className="text-xs"><StatusBadge status={row.status} /></p>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>)}
          {worklist.pages > 1 && (
            <nav aria-label={t('pages')} className="flex flex-wrap items-baseline gap-4 text-sm" data-testid="worklist-pages">
              <span className="text-slate-700">{t('page', { page: format.number(worklist.page), pages: format.number(worklist.pages), matching: format.number(worklist.matching) })}</span>
              {worklist.page > 1 && <Link href={pageHref(worklist.page - 1)} className="font-medium text-un-navy underline">{t('previous')}</Link>}
              {worklist.page < worklist.pages && <Link href={pageHref(worklist.page + 1)} className="font-medium text-un-navy underline" data-testid="worklist-next">{t('next')}</Link>}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
