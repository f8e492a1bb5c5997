import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EntityKind, ImplementationStatus, RegionalGroup } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized, pickLocalized } from '@/lib/i18n/localized';
import { areaTitle, type AreaTitle } from '@/lib/catalogue/queries';
import { literalPattern } from '@/lib/search-pattern';
import { displayReference } from '@/lib/catalogue/reference';
import { paragraphCitation } from '@/lib/evidence/queries';
import { reportPath } from '@/lib/status-reports/queries';
import { distributionOf, progressIndex, type Distribution } from './figures';
import { publishedCycles } from './publication';

// One entity's accepted statuses across thematic areas and cycles, with its evidence. The
// secretariat and the entity's own focal points read them live; everyone else reads what was
// published: the reports of published cycles accepted when the cycle was published.

export type ProfileCell = { distribution: Distribution; progressIndex: number | null };

export type EntityProfile = {
  /** Named in the reader's language or else English (`nameLocale` says which: organisations have English and Chinese names only). */
  entity: { code: string; name: string; nameLocale: string; kind: EntityKind; regionalGroup: RegionalGroup | null };
  live: boolean;
  cycles: { id: string; code: string; name: string }[];
  /** Titled in the reader's language or else English (`titleLocale` says which). */
  areas: (AreaTitle & { id: string })[];
  /** cells[areaCode][cycleCode] */
  cells: Record<string, Record<string, ProfileCell>>;
  selected: { code: string; name: string } | null;
  reports: {
    id: string; reference: string; symbol: string; areaCode: string; status: ImplementationStatus; narrative: string;
    evidence: string[]; href: string | null;
  }[];
};

export async function getEntityProfile(user: SessionUser | null, code: string, cycleCode: string | undefined, locale: string): Promise<EntityProfile> {
  const entity = await db.reportingEntity.findFirst({
    where: { code: { equals: literalPattern(code), mode: 'insensitive' } },
    select: { id: true, code: true, name: true, kind: true, regionalGroup: true },
  });
  if (!entity) notFound();
  const live = can(user, 'status-report.read', { entityId: entity.id });
  const published = await publishedCycles(db);
  if (!live && published.size === 0) notFound();

  // What this reader may count: everything accepted, or what each published cycle held.
  const visible = live
    ? Prisma.sql`TRUE`
    : Prisma.join([...published.values()].map((publication) => Prisma.sql`(a."cycleId" = ${publication.cycleId} AND a."acceptedAt" <= ${publication.at})`), ' OR ');

  const [rows, cycles, areas] = await Promise.all([
    db.$queryRaw<{ cycleId: string; areaId: string; status: ImplementationStatus; count: number }[]>`
      SELECT a."cycleId", a."topAreaId" AS "areaId", a."status"::text AS "status", count(*)::int AS "count"
      FROM "AcceptedStatus" a
      WHERE a."entityId" = ${entity.id} AND (${visible})
      GROUP BY 1, 2, 3`,
    db.reportingCycle.findMany({
      where: { state: { in: ['OPEN', 'CLOSED'] }, ...(live ? {} : { id: { in: [...published.keys()] } }) },
      orderBy: { opensAt: 'asc' },
      select: { id: true, code: true, name: true },
    }),
    db.thematicArea.findMany({ where: { parentId: null }, orderBy: { order: 'asc' }, select: { id: true, code: true, title: true } }),
  ]);
  const cells: EntityProfile['cells'] = {};
  for (const area of areas) {
    cells[area.code] = {};
    for (const cycle of cycles) {
      const distribution = distributionOf(rows.filter((row) => row.areaId === area.id && row.cycleId === cycle.id), 0);
      cells[area.code]![cycle.code] = { distribution, progressIndex: progressIndex(distribution) };
    }
  }

  const selectedCycle = cycleCode ? (cycles.find((cycle) => cycle.code === cycleCode) ?? notFound()) : cycles.at(-1);
  const publication = selectedCycle && !live ? published.get(selectedCycle.id) : undefined;
  const reports = selectedCycle
    ? await db.statusReport.findMany({
        where: {
          entityId: entity.id, cycleId: selectedCycle.id, state: 'ACCEPTED',
          ...(publication ? { accepted: { acceptedAt: { lte: publication.at } } } : {}),
        },
        orderBy: [{ commitment: { instrument: { order: 'asc' } } }, { commitment: { order: 'asc' } }],
        select: {
          id: true, status: true, narrative: true,
          commitment: { select: { id: true, reference: true, instrument: { select: { symbol: true } } } },
          accepted: { select: { thematicArea: { select: { code: true } } } },
          evidence: {
            where: { state: 'ACCEPTED' },
            orderBy: { createdAt: 'asc' },
            select: { kind: true, title: true, url: true, file: { select: { fileName: true } }, paragraph: { select: { number: true, document: { select: { symbol: true } } } } },
          },
        },
      })
    : [];

  const { text: name, locale: nameLocale } = pickLocalized(entity.name, locale);
  return {
    entity: { code: entity.code, name, nameLocale, kind: entity.kind, regionalGroup: entity.regionalGroup },
    live,
    cycles: cycles.map((cycle) => ({ id: cycle.id, code: cycle.code, name: localized(cycle.name, locale) })),
    areas: areas.map((area) => ({ id: area.id, ...areaTitle(area, locale) })),
    cells,
    selected: selectedCycle ? { code: selectedCycle.code, name: localized(selectedCycle.name, locale) } : null,
    reports: reports.map((report) => ({
      id: report.id,
      reference: displayReference(report.commitment.reference, locale),
      symbol: report.commitment.instrument.symbol,
      areaCode: report.accepted?.thematicArea.code ?? '',
      status: report.status!,
      narrative: report.narrative,
      evidence: report.evidence.map((link) =>
        link.paragraph ? paragraphCitation(locale, link.paragraph.document.symbol, link.paragraph.number) : (link.title ?? link.file?.fileName ?? link.url ?? '')),
      href: live && selectedCycle ? reportPath(selectedCycle.code, entity.code, report.commitment.id) : null,
    })),
  };
}
