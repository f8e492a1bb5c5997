// Imports an instrument's official text into the catalogue: a preview first (what would be
// created, translated or changed, and the thematic area of every item), then the import itself
// in one transaction, with the wording's provenance and an audit row.
import type { Db } from '@/lib/db/client';
import type { CommitmentKind, Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import { checksumOf } from './checksum';
import { repeatedValues } from '@/lib/import/repeats';
import { DomainError } from '@/lib/errors';
import { parseInstrument, type ParsedInstrument } from '@/lib/import/instrument-parser';
import { proposeThematicArea, ungassArea } from '@/lib/import/area-proposal';

/** How the import relates to what the catalogue already holds for this instrument. */
export type ImportMode = 'new' | 'translation' | 'update';

/** Where an item's thematic area comes from. */
export type AreaSource = 'catalogue' | 'chapter' | 'proposal' | 'none';

export type PreviewItem = {
  reference: string;
  chapter: number | null;
  /** Operative paragraph number, for resolutions. */
  paragraph: number | null;
  subheading: string | null;
  text: string;
  areaCode: string | null;
  areaSource: AreaSource;
  /** What happens to it: created, given a text in this language, changed, or left as it is. */
  change: 'create' | 'translate' | 'update' | 'unchanged' | 'unmatched';
};

export type ImportPreview = {
  instrument: { code: string; symbol: string };
  language: string;
  mode: ImportMode;
  checksum: string;
  chapters: ParsedInstrument['chapters'];
  items: PreviewItem[];
  warnings: ParsedInstrument['warnings'];
  /** References of the catalogue that the text does not have. */
  missingFromText: string[];
  alreadyImported: boolean;
};

export type ImportInput = {
  text: string;
  instrumentCode: string;
  language: string;
  sourceName: string;
  /** Thematic areas chosen by a person, by reference; they override the proposals. */
  areas?: Record<string, string>;
};

export type ImportResult = {
  mode: ImportMode;
  created: number;
  translated: number;
  updated: number;
  unchanged: number;
  unmatched: string[];
  missingFromText: string[];
  alreadyImported: boolean;
};

type Area = { id: string; code: string; parentCode: string | null; titles: Record<string, string> };

export async function previewInstrumentImport(db: Db, input: Omit<ImportInput, 'sourceName'>): Promise<ImportPreview> {
  const parsed = parseInstrument(input.text, { code: input.instrumentCode, language: input.language });
  // A reference is how a commitment is cited and found again: two items cannot share one.
  const repeated = repeatedValues(parsed.items.map((item) => item.reference));
  if (repeated.length > 0) throw new DomainError('repeatedReferences', { references: repeated.join(', ') });
  const instrument = await db.instrument.findUnique({
    where: { code: input.instrumentCode },
    select: { id: true, code: true, symbol: true },
  });
  if (!instrument) throw new DomainError('unknownInstrument', { code: input.instrumentCode });

  const [existing, areas] = await Promise.all([
    db.commitment.findMany({
      where: { instrumentId: instrument.id },
      select: { reference: true, thematicArea: { select: { code: true } }, texts: { select: { locale: true, text: true } } },
    }),
    loadAreas(db),
  ]);
  const byReference = new Map(existing.map((commitment) => [commitment.reference, commitment]));
  const hasLanguage = existing.some((commitment) => commitment.texts.some((text) => text.locale === input.language));
  const mode: ImportMode = existing.length === 0 ? 'new' : hasLanguage ? 'update' : 'translation';
  const chapterTitles = new Map(parsed.chapters.map((chapter) => [chapter.number, chapter.title]));

  const items = parsed.items.map((item): PreviewItem => {
    const current = byReference.get(item.reference);
    const currentText = current?.texts.find((text) => text.locale === input.language)?.text;
    const change: PreviewItem['change'] = !current
      ? mode === 'translation' ? 'unmatched' : 'create'
      : currentText === undefined ? 'translate' : currentText === item.text ? 'unchanged' : 'update';
    const chosen = input.areas?.[item.reference];
    const area: { code: string | null; source: AreaSource } = chosen
      ? { code: chosen, source: current ? 'catalogue' : 'proposal' }
      : current
        ? { code: current.thematicArea.code, source: 'catalogue' }
        : proposeArea(instrument.code, item, chapterTitles.get(item.chapter ?? -1) ?? null, input.language, areas);
    return {
      reference: item.reference, chapter: item.chapter, paragraph: item.paragraph, subheading: item.subheading, text: item.text,
      areaCode: area.code, areaSource: area.source, change,
    };
  });

  const inText = new Set(parsed.items.map((item) => item.reference));
  const missingFromText = mode === 'new' ? [] : existing.map((c) => c.reference).filter((reference) => !inText.has(reference));
  return {
    instrument: { code: instrument.code, symbol: instrument.symbol },
    language: input.language,
    mode,
    checksum: checksumOf(input.text),
    chapters: parsed.chapters,
    items,
    warnings: parsed.warnings,
    missingFromText,
    alreadyImported: mode === 'update' && items.every((item) => item.change === 'unchanged'),
  };
}

function proposeArea(instrumentCode: string, item: ParsedInstrument['items'][number], chapterTitle: string | null, language: string, areas: Area[]) {
  if (instrumentCode === 'UNGASS2016' && item.chapter !== null) {
    const code = ungassArea(item.chapter);
    if (code) return { code, source: 'chapter' as const };
  }
  const proposal = proposeThematicArea({ chapterTitle, text: item.text, language }, areas);
  return proposal ? { code: proposal.code, source: 'proposal' as const } : { code: null, source: 'none' as const };
}

async function loadAreas(db: Db): Promise<Area[]> {
  const rows = await db.thematicArea.findMany({
    orderBy: { order: 'asc' },
    select: { id: true, code: true, title: true, parent: { select: { code: true } } },
  });
  return rows.map((row) => ({ id: row.id, code: row.code, parentCode: row.parent?.code ?? null, titles: row.title as Record<string, string> }));
}

function kindOf(instrumentCode: string, item: PreviewItem): CommitmentKind {
  if (item.paragraph !== null) return 'OPERATIVE_PARAGRAPH';
  return instrumentCode === 'UNGASS2016' ? 'OPERATIONAL_RECOMMENDATION' : 'COMMITMENT';
}

/** Progress of a long import: items written so far out of all. */
export type ImportProgress = (done: number, total: number) => void;

export async function importInstrument(
  db: Db,
  actorId: string | null,
  input: ImportInput,
  onProgress: ImportProgress = () => {},
): Promise<ImportResult> {
  const preview = await previewInstrumentImport(db, input);
  const unmatched = preview.items.filter((item) => item.change === 'unmatched').map((item) => item.reference);
  const result: ImportResult = {
    mode: preview.mode, created: 0, translated: 0, updated: 0, unchanged: 0, unmatched,
    missingFromText: preview.missingFromText, alreadyImported: preview.alreadyImported,
  };
  if (preview.alreadyImported) {
    result.unchanged = preview.items.length;
    return result;
  }
  const withoutArea = preview.items.filter((item) => item.change === 'create' && !item.areaCode).map((item) => item.reference);
  if (withoutArea.length > 0) {
    throw new DomainError('areaRequired', { references: withoutArea.join(', ') });
  }

  const areas = new Map((await loadAreas(db)).map((area) => [area.code, area.id]));
  const actor = actorId ? await db.user.findUnique({ where: { id: actorId }, select: { email: true } }) : null;
  const source = { sourceName: input.sourceName, sourceChecksum: preview.checksum, importedById: actorId, importedByEmail: actor?.email ?? null };
  const unknownArea = preview.items.find((item) => item.areaCode && !areas.has(item.areaCode));
  if (unknownArea) throw new DomainError('unknownArea', { area: unknownArea.areaCode!, reference: unknownArea.reference });

  await db.$transaction(
    async (tx) => {
      const instrument = await tx.instrument.findUniqueOrThrow({ where: { code: input.instrumentCode }, select: { id: true } });
      await mergeChapters(tx, instrument.id, preview);
      const order = (await tx.commitment.aggregate({ where: { instrumentId: instrument.id }, _max: { order: true } }))._max.order ?? 0;
      let nextOrder = order;
      let done = 0;
      for (const item of preview.items) {
        if (item.change === 'unmatched' || item.change === 'unchanged') {
          if (item.change === 'unchanged') result.unchanged += 1;
        } else {
          if (item.change === 'create') {
            nextOrder += 1;
            await tx.commitment.create({
              data: {
                instrumentId: instrument.id,
                thematicAreaId: areas.get(item.areaCode!)!,
                reference: item.reference,
                kind: kindOf(input.instrumentCode, item),
                chapter: item.chapter,
                subheading: item.subheading ? { [input.language]: item.subheading } : undefined,
                order: nextOrder,
                texts: { create: { locale: input.language, text: item.text, ...source } },
              },
            });
            result.created += 1;
          } else {
            await writeText(tx, instrument.id, item, input.language, source, areas);
            result[item.change === 'translate' ? 'translated' : 'updated'] += 1;
          }
        }
        done += 1;
        if (done % 25 === 0 || done === preview.items.length) onProgress(done, preview.items.length);
      }
      await recordAudit(tx, {
        actorId,
        action: 'catalogue.import',
        entityType: 'Instrument',
        entityId: instrument.id,
        after: {
          instrument: input.instrumentCode, language: input.language, source: input.sourceName, checksum: preview.checksum,
          mode: preview.mode, created: result.created, translated: result.translated, updated: result.updated,
          unchanged: result.unchanged, unmatched, missingFromText: preview.missingFromText,
        },
      });
    },
    { timeout: 120_000 },
  );
  return result;
}

type Tx = Prisma.TransactionClient;

async function mergeChapters(tx: Tx, instrumentId: string, preview: ImportPreview) {
  for (const chapter of preview.chapters) {
    const current = await tx.instrumentChapter.findUnique({
      where: { instrumentId_number: { instrumentId, number: chapter.number } },
      select: { title: true },
    });
    const title = { ...((current?.title as Record<string, string>) ?? {}), [preview.language]: chapter.title };
    await tx.instrumentChapter.upsert({
      where: { instrumentId_number: { instrumentId, number: chapter.number } },
      create: { instrumentId, number: chapter.number, title },
      update: { title },
    });
  }
}

/** Gives an existing commitment its text in this language, keeping any replaced wording. */
async function writeText(
  tx: Tx,
  instrumentId: string,
  item: PreviewItem,
  language: string,
  source: { sourceName: string; sourceChecksum: string; importedById: string | null; importedByEmail: string | null },
  areas: Map<string, string>,
) {
  const commitment = await tx.commitment.findUniqueOrThrow({
    where: { instrumentId_reference: { instrumentId, reference: item.reference } },
    select: { id: true, subheading: true, thematicArea: { select: { code: true } }, texts: { where: { locale: language } } },
  });
  const previous = commitment.texts[0];
  if (previous) {
    await tx.commitmentTextRevision.create({
      data: { commitmentId: commitment.id, locale: language, text: previous.text, sourceName: previous.sourceName, reason: 'import', replacedById: source.importedById },
    });
  }
  await tx.commitmentText.upsert({
    where: { commitmentId_locale: { commitmentId: commitment.id, locale: language } },
    create: { commitmentId: commitment.id, locale: language, text: item.text, ...source },
    update: { text: item.text, ...source, importedAt: new Date() },
  });
  const subheading = item.subheading
    ? { ...((commitment.subheading as Record<string, string> | null) ?? {}), [language]: item.subheading }
    : undefined;
  const areaChanged = item.areaCode && item.areaCode !== commitment.thematicArea.code;
  if (subheading || areaChanged) {
    await tx.commitment.update({
      where: { id: commitment.id },
      data: { ...(subheading ? { subheading } : {}), ...(areaChanged ? { thematicAreaId: areas.get(item.areaCode!)! } : {}) },
    });
  }
}
