// Imports a catalogue file in the structured format (lib/exports/catalogue-format.ts).
//
// Merge, never delete: rows are matched by code (thematic areas, instruments), by instrument
// code + reference (commitments) and by language (texts, titles, sub-headings); what the file
// has is created or updated, what it lacks is left as it is. Commitments carry status reports
// and evidence, so an import that silently removed them would destroy work; removing is a
// deliberate act elsewhere. A text whose wording changes keeps its old wording as a
// CommitmentTextRevision (reason "import").
//
// All or nothing: the file is validated first (every problem listed in one DomainError), then
// checked against the database and written in one transaction with one audit row; a problem
// found at any point leaves the database as it was.
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { CommitmentKind, Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import {
  catalogueProblemsError,
  commitmentKey,
  localizedOf,
  parentCycles,
  readCatalogueCsv,
  readCatalogueJson,
  type CatalogueInstrument,
  type CatalogueText,
  type CatalogueThematicArea,
  type LocatedCommitment,
  type Localized,
} from '@/lib/exports/catalogue-format';

export type ImportCounts = { created: number; updated: number; unchanged: number };

export type CatalogueImportResult = {
  format: 'json' | 'csv';
  thematicAreas: ImportCounts;
  instruments: ImportCounts;
  chapters: ImportCounts;
  commitments: ImportCounts;
  texts: ImportCounts;
  relations: ImportCounts;
  /** Wordings replaced by the import and kept in the history. */
  revisions: number;
};

/** What a file asks for, with where each part was found (JSON path or CSV rows) for messages. */
type ImportInput = {
  format: 'json' | 'csv';
  text: string;
  thematicAreas: (CatalogueThematicArea & { where: string })[];
  instruments: { instrument: CatalogueInstrument; where: string }[];
  commitments: LocatedCommitment[];
  /** Pairs of commitment keys, already checked to name commitments of the file. */
  relations: [string, string][];
};

export async function importCatalogueJson(db: Db, actorId: string | null, text: string): Promise<CatalogueImportResult> {
  const catalogue = readCatalogueJson(text);
  return importCatalogue(db, actorId, {
    format: 'json',
    text,
    thematicAreas: catalogue.thematicAreas.map((area, index) => ({ ...area, where: `thematicAreas[${index}]` })),
    instruments: catalogue.instruments.map((instrument, index) => ({ instrument, where: `instruments[${index}]` })),
    commitments: catalogue.instruments.flatMap((instrument, i) =>
      instrument.commitments.map((commitment, c) => ({ instrument: instrument.code, commitment, where: `instruments[${i}].commitments[${c}]` })),
    ),
    relations: catalogue.relations,
  });
}

/** The CSV carries commitments and texts only: its instruments and thematic areas must exist. */
export async function importCatalogueCsv(db: Db, actorId: string | null, text: string): Promise<CatalogueImportResult> {
  const commitments = readCatalogueCsv(text);
  return importCatalogue(db, actorId, { format: 'csv', text, thematicAreas: [], instruments: [], commitments, relations: [] });
}

type Tx = Prisma.TransactionClient;

async function importCatalogue(db: Db, actorId: string | null, input: ImportInput): Promise<CatalogueImportResult> {
  return db.$transaction(
    async (tx) => {
      const state = await loadState(tx, input);
      const problems = checkAgainstDatabase(input, state);
      if (problems.length > 0) throw catalogueProblemsError(problems);

      const result: CatalogueImportResult = {
        format: input.format,
        thematicAreas: counts(), instruments: counts(), chapters: counts(), commitments: counts(), texts: counts(), relations: counts(),
        revisions: 0,
      };
      const areaIds = await writeThematicAreas(tx, input.thematicAreas, state, result);
      const instrumentIds = await writeInstruments(tx, input.instruments, state, result);
      const commitmentIds = await writeCommitments(tx, actorId, input.commitments, state, { areaIds, instrumentIds }, result);
      await writeRelations(tx, actorId, input.relations, commitmentIds, result);
      await recordAudit(tx, {
        actorId,
        action: 'catalogue.import-structured',
        entityType: 'Catalogue',
        entityId: 'catalogue',
        after: {
          sha256: createHash('sha256').update(input.text, 'utf8').digest('hex'),
          bytes: Buffer.byteLength(input.text, 'utf8'),
          ...result,
        },
      });
      return result;
    },
    { timeout: 120_000 },
  );
}

function counts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

// ---------------------------------------------------------------------------------------------
// What the database holds of what the file touches

type StoredText = { text: string; sourceName: string; sourceChecksum: string | null; importedByEmail: string | null; importedAt: Date };

type State = {
  areas: Map<string, { id: string; order: number; title: Localized; parentCode: string | null }>;
  instruments: Map<string, {
    id: string; symbol: string; title: Localized; adoptedOn: Date | null; adoptedYear: number; adoptedBy: Localized; order: number; isDemo: boolean;
    chapters: Map<number, Localized>;
  }>;
  commitments: Map<string, {
    id: string; kind: CommitmentKind; chapter: number | null; subheading: Localized | null; order: number; thematicAreaId: string;
    texts: Map<string, StoredText>;
  }>;
  /** Accounts by lower-cased e-mail, to link each text to the account that imported it. */
  users: Map<string, string>;
};

async function loadState(tx: Tx, input: ImportInput): Promise<State> {
  const instrumentCodes = [...new Set([...input.instruments.map((item) => item.instrument.code), ...input.commitments.map((item) => item.instrument)])];
  const emails = [...new Set(input.commitments.flatMap((item) => Object.values(item.commitment.texts).flatMap((text) => text.importedByEmail?.toLowerCase() ?? [])))];
  // One after the other: the queries of an interactive transaction share one connection anyway.
  const areas = await tx.thematicArea.findMany({ select: { id: true, code: true, order: true, title: true, parent: { select: { code: true } } } });
  const instruments = await tx.instrument.findMany({
    where: { code: { in: instrumentCodes } },
    select: {
      id: true, code: true, symbol: true, title: true, adoptedOn: true, adoptedYear: true, adoptedBy: true, order: true, isDemo: true,
      chapters: { select: { number: true, title: true } },
      commitments: {
        select: {
          id: true, reference: true, kind: true, chapter: true, subheading: true, order: true, thematicAreaId: true,
          texts: { select: { locale: true, text: true, sourceName: true, sourceChecksum: true, importedByEmail: true, importedAt: true } },
        },
      },
    },
  });
  const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  return {
    areas: new Map(areas.map((area) => [area.code, { id: area.id, order: area.order, title: localizedOf(area.title), parentCode: area.parent?.code ?? null }])),
    instruments: new Map(instruments.map((instrument) => [instrument.code, {
      ...instrument,
      title: localizedOf(instrument.title),
      adoptedBy: localizedOf(instrument.adoptedBy),
      chapters: new Map(instrument.chapters.map((chapter) => [chapter.number, localizedOf(chapter.title)])),
    }])),
    commitments: new Map(instruments.flatMap((instrument) => instrument.commitments.map((commitment) => [
      commitmentKey(instrument.code, commitment.reference),
      {
        ...commitment,
        subheading: commitment.subheading === null ? null : localizedOf(commitment.subheading),
        texts: new Map(commitment.texts.map(({ locale, ...text }) => [locale, text])),
      },
    ]))),
    users: new Map(users.map((user) => [user.email.toLowerCase(), user.id])),
  };
}

/** "row 2; rows 5, 6; and 3 more": the first few places where a problem occurs. */
function places(wheres: readonly string[]): string {
  const shown = wheres.slice(0, 3).join('; ');
  return wheres.length > 3 ? `${shown}; and ${wheres.length - 3} more` : shown;
}

function groupWhere<T>(items: readonly T[], keyOf: (item: T) => string, whereOf: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), whereOf(item)]);
  return groups;
}

/** Codes the file uses that neither the file nor the database defines, and unsafe changes. */
function checkAgainstDatabase(input: ImportInput, state: State): string[] {
  const problems: string[] = [];
  const fileAreas = new Set(input.thematicAreas.map((area) => area.code));
  const fileInstruments = new Set(input.instruments.map((item) => item.instrument.code));
  const csv = input.format === 'csv';

  for (const area of input.thematicAreas) {
    if (area.parent !== null && !fileAreas.has(area.parent) && !state.areas.has(area.parent)) {
      problems.push(`${area.where}.parent: thematic area ${area.parent} is neither in the file nor in this database`);
    }
  }
  const parents = new Map([...state.areas].map(([code, area]) => [code, area.parentCode]));
  for (const area of input.thematicAreas) parents.set(area.code, area.parent);
  for (const cycle of parentCycles(parents)) problems.push(`thematicAreas: with this database's areas, parents go round in a circle: ${cycle}`);

  const unknownAreas = groupWhere(
    input.commitments.filter((item) => !fileAreas.has(item.commitment.thematicArea) && !state.areas.has(item.commitment.thematicArea)),
    (item) => item.commitment.thematicArea,
    (item) => (csv ? item.where : `${item.where}.thematicArea`),
  );
  for (const [code, wheres] of unknownAreas) {
    problems.push(csv
      ? `${places(wheres)}: thematic area ${code} does not exist in this database (a CSV file does not carry thematic areas)`
      : `${places(wheres)}: thematic area ${code} is neither in the file nor in this database`);
  }

  const unknownInstruments = groupWhere(
    input.commitments.filter((item) => !fileInstruments.has(item.instrument) && !state.instruments.has(item.instrument)),
    (item) => item.instrument,
    (item) => item.where,
  );
  for (const [code, wheres] of unknownInstruments) {
    problems.push(`${places(wheres)}: instrument ${code} does not exist in this database. A CSV file does not carry instruments: `
      + 'create the instrument first, or import the JSON export, which carries them');
  }

  for (const { instrument, where } of input.instruments) {
    const stored = state.instruments.get(instrument.code);
    // Demo instruments carry synthetic text: flipping the flag would pass it off as official, or hide a real instrument.
    if (stored && stored.isDemo !== instrument.isDemo) {
      problems.push(`${where}.isDemo: instrument ${instrument.code} exists here with isDemo ${stored.isDemo}; an import does not change it`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Writes

function mergeLocalized(stored: Localized | null, incoming: Localized | null): Localized | null {
  if (incoming === null) return stored;
  return { ...stored, ...incoming };
}

function sameLocalized(a: Localized | null, b: Localized | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Returns the id of every thematic area by code, those of the file and those already stored. */
async function writeThematicAreas(tx: Tx, areas: ImportInput['thematicAreas'], state: State, result: CatalogueImportResult): Promise<Map<string, string>> {
  const ids = new Map([...state.areas].map(([code, area]) => [code, area.id]));
  // New areas first without their parent, which may itself be new; parents are set below.
  const created = await tx.thematicArea.createManyAndReturn({
    data: areas.filter((area) => !state.areas.has(area.code)).map((area) => ({ code: area.code, title: area.title, order: area.order })),
    select: { id: true, code: true },
  });
  for (const area of created) ids.set(area.code, area.id);
  result.thematicAreas.created = created.length;

  for (const area of areas) {
    const stored = state.areas.get(area.code);
    const parentId = area.parent === null ? null : ids.get(area.parent)!;
    if (!stored) {
      if (parentId) await tx.thematicArea.update({ where: { id: ids.get(area.code)! }, data: { parentId } });
      continue;
    }
    const title = mergeLocalized(stored.title, area.title)!;
    if (sameLocalized(title, stored.title) && stored.order === area.order && stored.parentCode === area.parent) {
      result.thematicAreas.unchanged += 1;
    } else {
      await tx.thematicArea.update({ where: { id: stored.id }, data: { title, order: area.order, parentId } });
      result.thematicAreas.updated += 1;
    }
  }
  return ids;
}

/** Instruments of the file (with their chapters); returns the id of every instrument it touches. */
async function writeInstruments(tx: Tx, items: ImportInput['instruments'], state: State, result: CatalogueImportResult): Promise<Map<string, string>> {
  const ids = new Map([...state.instruments].map(([code, instrument]) => [code, instrument.id]));
  for (const { instrument } of items) {
    const stored = state.instruments.get(instrument.code);
    const adoptedOn = instrument.adoptedOn === null ? null : new Date(`${instrument.adoptedOn}T00:00:00.000Z`);
    const data = {
      symbol: instrument.symbol,
      title: mergeLocalized(stored?.title ?? null, instrument.title)!,
      adoptedOn,
      adoptedYear: instrument.adoptedYear,
      adoptedBy: mergeLocalized(stored?.adoptedBy ?? null, instrument.adoptedBy)!,
      order: instrument.order,
      isDemo: instrument.isDemo,
    };
    let id: string;
    if (!stored) {
      id = (await tx.instrument.create({ data: { code: instrument.code, ...data }, select: { id: true } })).id;
      ids.set(instrument.code, id);
      result.instruments.created += 1;
    } else {
      id = stored.id;
      const same = stored.symbol === data.symbol && sameLocalized(stored.title, data.title) && stored.adoptedOn?.getTime() === adoptedOn?.getTime()
        && stored.adoptedYear === data.adoptedYear && sameLocalized(stored.adoptedBy, data.adoptedBy) && stored.order === data.order;
      if (same) result.instruments.unchanged += 1;
      else {
        await tx.instrument.update({ where: { id }, data });
        result.instruments.updated += 1;
      }
    }
    await writeChapters(tx, id, instrument, stored?.chapters ?? new Map(), result);
  }
  return ids;
}

async function writeChapters(tx: Tx, instrumentId: string, instrument: CatalogueInstrument, stored: Map<number, Localized>, result: CatalogueImportResult) {
  const fresh = instrument.chapters.filter((chapter) => !stored.has(chapter.number));
  if (fresh.length > 0) {
    await tx.instrumentChapter.createMany({ data: fresh.map((chapter) => ({ instrumentId, number: chapter.number, title: chapter.title })) });
    result.chapters.created += fresh.length;
  }
  for (const chapter of instrument.chapters) {
    const current = stored.get(chapter.number);
    if (!current) continue;
    const title = mergeLocalized(current, chapter.title)!;
    if (sameLocalized(title, current)) result.chapters.unchanged += 1;
    else {
      await tx.instrumentChapter.update({ where: { instrumentId_number: { instrumentId, number: chapter.number } }, data: { title } });
      result.chapters.updated += 1;
    }
  }
}

/** Commitments and their texts; returns the id of every commitment by key, stored or created. */
async function writeCommitments(
  tx: Tx,
  actorId: string | null,
  items: readonly LocatedCommitment[],
  state: State,
  refs: { areaIds: Map<string, string>; instrumentIds: Map<string, string> },
  result: CatalogueImportResult,
): Promise<Map<string, string>> {
  const ids = new Map([...state.commitments].map(([key, commitment]) => [key, commitment.id]));
  const fresh = items.filter((item) => !state.commitments.has(commitmentKey(item.instrument, item.commitment.reference)));
  const created = (await inBatches(fresh, (batch) => tx.commitment.createManyAndReturn({
    data: batch.map(({ instrument, commitment }) => ({
      instrumentId: refs.instrumentIds.get(instrument)!,
      thematicAreaId: refs.areaIds.get(commitment.thematicArea)!,
      reference: commitment.reference,
      kind: commitment.kind,
      chapter: commitment.chapter,
      subheading: commitment.subheading ?? undefined,
      order: commitment.order,
    })),
    select: { id: true, reference: true, instrument: { select: { code: true } } },
  }))).flat();
  for (const commitment of created) ids.set(commitmentKey(commitment.instrument.code, commitment.reference), commitment.id);
  result.commitments.created = created.length;

  const newTexts: Prisma.CommitmentTextCreateManyInput[] = [];
  const revisions: Prisma.CommitmentTextRevisionCreateManyInput[] = [];
  for (const { instrument, commitment } of items) {
    const key = commitmentKey(instrument, commitment.reference);
    const commitmentId = ids.get(key)!;
    const stored = state.commitments.get(key);
    if (stored) {
      const thematicAreaId = refs.areaIds.get(commitment.thematicArea)!;
      const subheading = mergeLocalized(stored.subheading, commitment.subheading);
      const same = stored.kind === commitment.kind && stored.chapter === commitment.chapter && stored.order === commitment.order
        && stored.thematicAreaId === thematicAreaId && sameLocalized(stored.subheading, subheading);
      if (same) result.commitments.unchanged += 1;
      else {
        await tx.commitment.update({
          where: { id: commitmentId },
          data: { kind: commitment.kind, chapter: commitment.chapter, order: commitment.order, thematicAreaId, subheading: subheading ?? undefined },
        });
        result.commitments.updated += 1;
      }
    }
    for (const [locale, text] of Object.entries(commitment.texts)) {
      const data = textData(text, state.users);
      const current = stored?.texts.get(locale);
      if (!current) {
        newTexts.push({ commitmentId, locale, ...data });
        result.texts.created += 1;
      } else if (sameText(current, data)) {
        result.texts.unchanged += 1;
      } else {
        if (current.text !== data.text) {
          revisions.push({ commitmentId, locale, text: current.text, sourceName: current.sourceName, reason: 'import', replacedById: actorId });
        }
        await tx.commitmentText.update({ where: { commitmentId_locale: { commitmentId, locale } }, data });
        result.texts.updated += 1;
      }
    }
  }
  await inBatches(newTexts, (batch) => tx.commitmentText.createMany({ data: batch }));
  await inBatches(revisions, (batch) => tx.commitmentTextRevision.createMany({ data: batch }));
  result.revisions = revisions.length;
  return ids;
}

// Prisma splits a large createMany into chunks that it sends at once on the transaction's one
// connection, which node-postgres warns about; batches of our own keep each insert in one piece.
const BATCH_SIZE = 1000;

/** The result of each batch, in order. */
async function inBatches<T, R>(rows: readonly T[], write: (batch: T[]) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) results.push(await write(rows.slice(start, start + BATCH_SIZE)));
  return results;
}

function textData(text: CatalogueText, users: Map<string, string>) {
  return {
    text: text.text,
    sourceName: text.sourceName,
    sourceChecksum: text.sourceChecksum,
    importedByEmail: text.importedByEmail,
    importedById: text.importedByEmail === null ? null : users.get(text.importedByEmail.toLowerCase()) ?? null,
    importedAt: new Date(text.importedAt),
  };
}

function sameText(stored: StoredText, wanted: ReturnType<typeof textData>): boolean {
  return stored.text === wanted.text && stored.sourceName === wanted.sourceName && stored.sourceChecksum === wanted.sourceChecksum
    && stored.importedByEmail === wanted.importedByEmail && stored.importedAt.getTime() === wanted.importedAt.getTime();
}

/** Relations are stored once, with fromId < toId; one already stored either way round is kept. */
async function writeRelations(tx: Tx, actorId: string | null, relations: ImportInput['relations'], ids: Map<string, string>, result: CatalogueImportResult) {
  if (relations.length === 0) return;
  const pairs = relations.map(([a, b]) => [ids.get(a)!, ids.get(b)!].sort() as [string, string]);
  const involved = [...new Set(pairs.flat())];
  const stored = await tx.commitmentRelation.findMany({
    where: { OR: [{ fromId: { in: involved } }, { toId: { in: involved } }] },
    select: { fromId: true, toId: true },
  });
  const existing = new Set(stored.map((relation) => [relation.fromId, relation.toId].sort().join(' ')));
  const fresh = pairs.filter((pair) => !existing.has(pair.join(' ')));
  if (fresh.length > 0) await tx.commitmentRelation.createMany({ data: fresh.map(([fromId, toId]) => ({ fromId, toId, createdById: actorId })) });
  result.relations.created = fresh.length;
  result.relations.unchanged = pairs.length - fresh.length;
}
