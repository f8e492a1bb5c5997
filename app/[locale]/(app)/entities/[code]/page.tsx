import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { getEntityDetail } from '@/lib/entities/queries';
import { getOpenCycle } from '@/lib/cycles/queries';
import { RegionName } from '@/components/entities/region-name';
import { Link } from '@/lib/i18n/navigation';
import { can } from '@/lib/auth/permissions';
import { pageLocale } from '@/lib/i18n/page-locale';
import { dateFormatter } from '@/lib/i18n/dates';
import { InLanguage } from '@/components/ui/shown-in';

export async function generateMetadata({ params }: PageProps<'/[locale]/entities/[code]'>): Promise<Metadata> {
  // Next has decoded the segment already: decoding again fails on a code holding "%" (/entities/%25).
  const { code } = await params;
  const locale = await pageLocale(params);
  return { title: `${code} · ${(await getTranslations({ locale, namespace: 'entity' }))('title')}` };
}

export default async function EntityPage({ params }: PageProps<'/[locale]/entities/[code]'>) {
  const { code } = await params;
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser(`/entities/${code}`);
  const entity = await getEntityDetail(user, code, locale);
  const [t, tEntities, cycle] = await Promise.all([
    getTranslations('entity'), getTranslations('entities'), getOpenCycle(locale)]);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-un-blue">{t('title')}</p>
        <h1 className="text-2xl font-semibold" data-testid="entity-name"><InLanguage text={entity.name} locale={entity.nameLocale} badge /></h1>
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <div><dt className="text-sm text-slate-600">{tEntities('code')}</dt><dd className="font-mono">{entity.code}</dd></div>
        <div><dt className="text-sm text-slate-600">{tEntities('kind')}</dt><dd>{tEntities(`kinds.${entity.kind}`)}</dd></div>
        {entity.regionalGroup && (
          <div><dt className="text-sm text-slate-600">{tEntities('group')}</dt><dd>{tEntities(`groups.${entity.regionalGroup}`)}</dd></div>
        )}
        {entity.m49RegionCode && (
          <div>
            <dt className="text-sm text-slate-600">{tEntities('region')}</dt>
            <dd><RegionName code={entity.m49RegionCode} />{entity.m49SubRegionCode && <> · <RegionName code={entity.m49SubRegionCode} /></>}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="cycle-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="cycle-heading" className="font-semibold">{t('cycleHeading')}</h2>
        <p className="mt-2 text-slate-700">
          {cycle
            ? t('cycleStatus', { name: cycle.name, deadline: dates.day(cycle.closesAt) })
            : t('noOpenCycle')}
        </p>
        <p className="mt-3">
          <Link href={`/entities/${encodeURIComponent(entity.code)}/profile`} className="font-medium text-un-navy underline" data-testid="entity-profile-link">{t('openProfile')}</Link>
        </p>
        {cycle && can(user, 'status-report.read', { entityId: entity.id }) && (
          <p className="mt-3">
            <Link href={`/worklist?entity=${encodeURIComponent(entity.code)}`} className="font-medium text-un-navy underline" data-testid="entity-worklist-link">
              {t('openWorklist')}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="focal-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="focal-heading" className="font-semibold">{t('focalPoints')}</h2>
        {entity.focalPoints.length === 0 ? (
          <p className="mt-2 text-slate-700">{t('noFocalPoints')}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {entity.focalPoints.map((person) => (
              <li key={person.email}>{person.name} <a className="text-un-navy underline" href={`mailto:${person.email}`}>{person.email}</a></li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
