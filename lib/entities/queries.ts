import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized, pickLocalized } from '@/lib/i18n/localized';
import { literalPattern } from '@/lib/search-pattern';
import type { EntityKind, RegionalGroup } from '@/lib/generated/prisma/enums';
import type { EntityFilters } from './schemas';

export type EntityRow = {
  id: string;
  code: string;
  kind: EntityKind;
  name: string;
  regionalGroup: RegionalGroup | null;
  m49RegionCode: string | null;
  m49SubRegionCode: string | null;
};

const STATE_KINDS: EntityKind[] = ['MEMBER_STATE', 'OBSERVER_STATE'];

/** The directory of reporting entities, filtered, sorted by name in the reader's language. */
export async function listEntities(user: SessionUser, filters: EntityFilters, locale: string): Promise<EntityRow[]> {
  if (!can(user, 'entity.list')) notFound();
  const rows = await db.reportingEntity.findMany({
    where: {
      active: true,
      ...(filters.group ? { regionalGroup: filters.group } : {}),
      ...(filters.kind === 'states' ? { kind: { in: STATE_KINDS } } : {}),
      ...(filters.kind === 'organizations' ? { kind: { notIn: STATE_KINDS } } : {}),
    },
    select: { id: true, code: true, kind: true, name: true, regionalGroup: true, m49RegionCode: true, m49SubRegionCode: true },
  });
  const needle = filters.q?.toLocaleLowerCase(locale);
  const collator = new Intl.Collator(locale);
  return rows
    .map((row) => ({ ...row, names: row.name, name: localized(row.name, locale) }))
    .filter((row) => !needle || matches(row.code, row.names, needle, locale))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ names: _names, ...row }) => row);
}

// A search matches the code or the name in any language, so that a focal point can type
// "Mexico" on the Chinese page and still find 墨西哥.
function matches(code: string, names: unknown, needle: string, locale: string): boolean {
  if (code.toLocaleLowerCase(locale).includes(needle)) return true;
  const all = names && typeof names === 'object' ? Object.values(names as Record<string, unknown>) : [];
  return all.some((name) => typeof name === 'string' && name.toLocaleLowerCase(locale).includes(needle));
}

export type EntityDetail = EntityRow & {
  /** The language `name` is in: organisations have English and Chinese names only. */
  nameLocale: string;
  iso2: string | null;
  focalPoints: { name: string; email: string }[];
};

/** An entity's private page: a 404 for anyone who may not read it, as for an unknown code. */
export async function getEntityDetail(user: SessionUser, code: string, locale: string): Promise<EntityDetail> {
  // Codes are matched whatever their case: "mex", "MEX"; "UN-Women" keeps its own case.
  const entity = await db.reportingEntity.findFirst({
    // Case-insensitive equality is an ILIKE: escaped, % and _ are not wildcards.
    where: { code: { equals: literalPattern(code), mode: 'insensitive' } },
    select: {
      id: true, code: true, kind: true, name: true, iso2: true, regionalGroup: true, m49RegionCode: true, m49SubRegionCode: true,
      users: { where: { role: 'FOCAL_POINT', disabled: false }, orderBy: { name: 'asc' }, select: { name: true, email: true } },
    },
  });
  if (!entity || !can(user, 'entity.read-private', { entityId: entity.id })) notFound();
  const { users, ...rest } = entity;
  const { text: name, locale: nameLocale } = pickLocalized(entity.name, locale);
  return { ...rest, name, nameLocale, focalPoints: users };
}
