// Exports the whole catalogue in the structured format of catalogue-format.ts, as JSON or CSV.
// Read only. All reads run in one REPEATABLE READ transaction, so that an import committing
// in the middle of an export cannot give a file that is half before and half after it.
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  formatCatalogueCsv,
  formatCatalogueJson,
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  commitmentKey,
  type Catalogue,
  type CatalogueInstrument,
  localizedOf,
} from './catalogue-format';

export type CatalogueExportOptions = {
  /** Demo instruments carry synthetic text; leave them out of a catalogue meant for real use. Default true. */
  includeDemo?: boolean;
  /** Who imported each text (e-mail addresses): for the secretariat and the command line, not the public. Default true. */
  includeImporters?: boolean;
};

export async function exportCatalogueJson(db: Db, options: CatalogueExportOptions = {}): Promise<string> {
  return formatCatalogueJson(await loadCatalogue(db, options));
}

export async function exportCatalogueCsv(db: Db, options: CatalogueExportOptions = {}): Promise<string> {
  return formatCatalogueCsv(await loadCatalogue(db, options));
}

/** The catalogue as the format describes it (not yet in canonical order: the formatters sort). */
export async function loadCatalogue(db: Db, { includeDemo = true, includeImporters = true }: CatalogueExportOptions = {}): Promise<Catalogue> {
  const instrumentWhere = includeDemo ? {} : { isDemo: false };
  const { areas, instruments, relations } = await db.$transaction(
    async (tx) => ({
      areas: await tx.thematicArea.findMany({ select: { code: true, order: true, title: true, parent: { select: { code: true } } } }),
      instruments: await tx.instrument.findMany({ where: instrumentWhere, select: instrumentSelect }),
      relations: await tx.commitmentRelation.findMany({
        // A relation to a left-out (demo) commitment would point outside the file.
        where: { from: { instrument: instrumentWhere }, to: { instrument: instrumentWhere } },
        select: { from: { select: endpointSelect }, to: { select: endpointSelect } },
      }),
    }),
    { isolationLevel: 'RepeatableRead' },
  );
  return {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    thematicAreas: areas.map((area) => ({ code: area.code, parent: area.parent?.code ?? null, order: area.order, title: localizedOf(area.title) })),
    instruments: instruments.map((row) => instrumentOf(row, includeImporters)),
    relations: relations.map((relation): [string, string] => [keyOf(relation.from), keyOf(relation.to)]),
  };
}

const endpointSelect = { reference: true, instrument: { select: { code: true } } } satisfies Prisma.CommitmentSelect;

function keyOf(endpoint: { reference: string; instrument: { code: string } }): string {
  return commitmentKey(endpoint.instrument.code, endpoint.reference);
}

const instrumentSelect = {
  code: true,
  symbol: true,
  title: true,
  adoptedOn: true,
  adoptedYear: true,
  adoptedBy: true,
  order: true,
  isDemo: true,
  chapters: { select: { number: true, title: true } },
  commitments: {
    select: {
      reference: true,
      kind: true,
      chapter: true,
      subheading: true,
      order: true,
      thematicArea: { select: { code: true } },
      texts: {
        select: {
          locale: true,
          text: true,
          sourceName: true,
          sourceChecksum: true,
          importedByEmail: true,
          importedAt: true,
          importedBy: { select: { email: true } },
        },
      },
    },
  },
} satisfies Prisma.InstrumentSelect;

type InstrumentRow = Prisma.InstrumentGetPayload<{ select: typeof instrumentSelect }>;

function instrumentOf(row: InstrumentRow, includeImporters: boolean): CatalogueInstrument {
  return {
    code: row.code,
    symbol: row.symbol,
    title: localizedOf(row.title),
    // @db.Date comes back as midnight UTC.
    adoptedOn: row.adoptedOn ? row.adoptedOn.toISOString().slice(0, 10) : null,
    adoptedYear: row.adoptedYear,
    adoptedBy: localizedOf(row.adoptedBy),
    order: row.order,
    isDemo: row.isDemo,
    chapters: row.chapters.map((chapter) => ({ number: chapter.number, title: localizedOf(chapter.title) })),
    commitments: row.commitments.map((commitment) => {
      const subheading = localizedOf(commitment.subheading);
      return {
        reference: commitment.reference,
        kind: commitment.kind,
        chapter: commitment.chapter,
        subheading: Object.keys(subheading).length > 0 ? subheading : null,
        order: commitment.order,
        thematicArea: commitment.thematicArea.code,
        texts: Object.fromEntries(
          commitment.texts.map((text) => [
            text.locale,
            {
              text: text.text,
              sourceName: text.sourceName,
              // The format has no empty strings: "none" is null, in JSON and CSV alike.
              sourceChecksum: text.sourceChecksum || null,
              // Texts imported before the e-mail was kept as provenance still name their importer.
              importedByEmail: includeImporters ? text.importedByEmail || text.importedBy?.email || null : null,
              importedAt: text.importedAt.toISOString(),
            },
          ]),
        ),
      };
    }),
  };
}
