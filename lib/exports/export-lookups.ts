// What a status report names, in the cells of a download: its cycle's code, its entity's code,
// name (in the file's language), kind and regional group, its commitment's reference, instrument
// and area, and the area it was accepted under. There are a few hundred of them for a million
// reports, so the batches carry ids only and the cells come from here: read the first time a batch
// names them and kept for the rest of the download (a report added meanwhile brings its own).
import 'server-only';
import type { Db } from '@/lib/db/client';
import { localized } from '@/lib/i18n/localized';
import type { Locale } from '@/lib/i18n/routing';

export type LookupDb = Pick<Db, 'reportingCycle' | 'reportingEntity' | 'commitment' | 'thematicArea'>;

export type EntityCells = { code: string; name: string; kind: string; regionalGroup: string };
export type CommitmentCells = { reference: string; instrument: string; thematicArea: string };

/** The ids one batch names. */
export type NamedIds = { cycles: Iterable<string>; entities: Iterable<string>; commitments: Iterable<string>; areas: Iterable<string> };

export type ExportLookups = {
  /** Reads what `ids` name that is not known yet. */
  load(ids: NamedIds): Promise<void>;
  cycle(id: string): string;
  entity(id: string): EntityCells;
  commitment(id: string): CommitmentCells;
  area(id: string): string;
};

export function exportLookups(db: LookupDb, lang: Locale): ExportLookups {
  const cycles = new Map<string, string>();
  const entities = new Map<string, EntityCells>();
  const commitments = new Map<string, CommitmentCells>();
  const areas = new Map<string, string>();
  const missing = (map: Map<string, unknown>, ids: Iterable<string>) => [...new Set(ids)].filter((id) => !map.has(id));
  const lookUp = <T>(map: Map<string, T>, id: string): T => {
    const value = map.get(id);
    // A report's foreign keys are enforced: an id that was not read is a bug here, not data.
    if (value === undefined) throw new Error(`Export look-up missing: ${id}`);
    return value;
  };

  return {
    async load(ids) {
      const [cycleIds, entityIds, commitmentIds, areaIds] = [missing(cycles, ids.cycles), missing(entities, ids.entities), missing(commitments, ids.commitments), missing(areas, ids.areas)];
      const [cycleRows, entityRows, commitmentRows, areaRows] = await Promise.all([
        cycleIds.length > 0 ? db.reportingCycle.findMany({ where: { id: { in: cycleIds } }, select: { id: true, code: true } }) : [],
        entityIds.length > 0 ? db.reportingEntity.findMany({ where: { id: { in: entityIds } }, select: { id: true, code: true, name: true, kind: true, regionalGroup: true } }) : [],
        commitmentIds.length > 0
          ? db.commitment.findMany({ where: { id: { in: commitmentIds } }, select: { id: true, reference: true, instrument: { select: { symbol: true } }, thematicArea: { select: { code: true } } } })
          : [],
        areaIds.length > 0 ? db.thematicArea.findMany({ where: { id: { in: areaIds } }, select: { id: true, code: true } }) : [],
      ]);
      for (const row of cycleRows) cycles.set(row.id, row.code);
      for (const row of entityRows) entities.set(row.id, { code: row.code, name: localized(row.name, lang), kind: row.kind, regionalGroup: row.regionalGroup ?? '' });
      for (const row of commitmentRows) commitments.set(row.id, { reference: row.reference, instrument: row.instrument.symbol, thematicArea: row.thematicArea.code });
      for (const row of areaRows) areas.set(row.id, row.code);
    },
    cycle: (id) => lookUp(cycles, id),
    entity: (id) => lookUp(entities, id),
    commitment: (id) => lookUp(commitments, id),
    area: (id) => lookUp(areas, id),
  };
}
