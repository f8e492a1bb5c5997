import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listEntities } from '@/lib/entities/queries';
import { parseEntityFilters } from '@/lib/entities/schemas';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { REGIONAL_GROUPS } from '@/components/entities/entity-labels';
import { RegionName } from '@/components/entities/region-name';
import { DataTable } from '@/components/ui/data-table';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';

export function generateMetadata({ params }: PageProps<'/[locale]/entities'>): Promise<Metadata> {
  return pageTitle(params, 'entities');
}

export default async function EntitiesPage({ params, searchParams }: PageProps<'/[locale]/entities'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/entities');
  const filters = parseEntityFilters(await searchParams);
  const [t, entities] = await Promise.all([getTranslations('entities'), listEntities(user, filters, locale)]);

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('intro')}</p>
      <form method="get" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end" role="search">
        <div>
          <label htmlFor="filter-kind" className="block text-sm font-medium">{t('filterKind')}</label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ''} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
            <option value="">{t('allKinds')}</option>
            <option value="states">{t('kindStates')}</option>
            <option value="organizations">{t('kindOrganizations')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-group" className="block text-sm font-medium">{t('filterGroup')}</label>
          <select id="filter-group" name="group" defaultValue={filters.group ?? ''} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
            <option value="">{t('allGroups')}</option>
            {REGIONAL_GROUPS.map((group) => (
              <option key={group} value={group}>{t(`groups.${group}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-q" className="block text-sm font-medium">{t('search')}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2" />
        </div>
        <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90">{t('apply')}</button>
      </form>
      <p className="mt-4 text-sm text-slate-600" role="status" data-testid="entity-count">{t('count', { count: entities.length })}</p>
      <div className="mt-2">
        <DataTable columns={[
          { label: t('name') }, { label: t('code') }, { label: t('kind') }, { label: t('group') },
          { label: t('region'), className: 'hidden md:table-cell' },
        ]}>
            {entities.map((entity) => (
              <tr key={entity.code} className="border-t border-slate-100" data-testid="entity-row">
                <td className="px-3 py-2">
                  {can(user, 'entity.read-private', { entityId: entity.id }) ? (
                    <Link href={`/entities/${entity.code}`} className="text-un-navy underline underline-offset-2">{entity.name}</Link>
                  ) : (
                    entity.name
                  )}
                </td>
                <td className="px-3 py-2 font-mono">{entity.code}</td>
                <td className="px-3 py-2">{t(`kinds.${entity.kind}`)}</td>
                <td className="px-3 py-2">{entity.regionalGroup ? t(`groups.${entity.regionalGroup}`) : '—'}</td>
                <td className="hidden px-3 py-2 md:table-cell">
                  <RegionName code={entity.m49SubRegionCode ?? entity.m49RegionCode} />
                </td>
              </tr>
            ))}
        </DataTable>
      </div>
    </div>
  );
}
