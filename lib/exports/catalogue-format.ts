// The structured exchange format of the whole catalogue: thematic areas, instruments with their
// chapters, commitments with their texts per language and provenance, and the relations
// between commitments. Pure: no database. lib/exports/catalogue-export.ts writes it,
// lib/catalogue/catalogue-import.ts reads it.
//
// Everything is keyed by codes people use, never by database ids: thematic areas and
// instruments by code, commitments by instrument code + reference ("UNGASS2016 1(a)").
//
// Canonical output: the same catalogue always gives the same bytes, so that
// export -> import into an empty database -> export is byte-identical and two exports can be
// diffed. Lists have a fixed order, object keys a fixed order, maps keyed by language are
// sorted. Strings are compared by UTF-16 code unit (`compareText`), never with
// localeCompare: the order must not depend on the machine's locale or ICU version.
//
// JSON (version 1), pretty-printed with 2 spaces and a final newline:
//   {
//     "format": "drug-policy-tracker/catalogue",
//     "version": 1,
//     "thematicAreas": [{ "code", "parent" (code|null), "order", "title": {<locale>: text} }],
//       in tree order: each top-level area by order then code, followed by its sub-areas by
//       order then code (a parent always comes before its children).
//     "instruments": [{ "code", "symbol", "title": {...}, "adoptedOn" ("YYYY-MM-DD"|null),
//       "adoptedYear", "adoptedBy": {...}, "order", "isDemo",
//       "chapters": [{ "number", "title": {...} }]                 by number
//       "commitments": [{ "reference", "kind", "chapter" (number|null),
//         "subheading" ({<locale>: text}|null), "order", "thematicArea" (code),
//         "texts": { <locale>: { "text", "sourceName", "sourceChecksum" (|null),
//                                "importedByEmail" (|null), "importedAt" (ISO 8601, UTC, ms) } }
//       }]                                                          by order then reference
//     }],                                                           by order then code
//     "relations": [["<instrument code> <reference>", "<instrument code> <reference>"]]
//       each pair in catalogue order (the commitment listed first in "instruments" first),
//       pairs sorted the same way. A reference may hold spaces ("para. 5"); an instrument
//       code may not, so the key splits at its first space.
//   }
//
// Not in the format, on purpose: database ids and timestamps of rows; the link of a text to a
// SourceDocument and to a user account (the provenance travels as sourceName, sourceChecksum
// and importedByEmail; on import the e-mail is linked to the account with that address, if
// any); the history of replaced wordings (each database keeps its own); who created a relation.
//
// CSV: see the section "CSV" below.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { CommitmentKind } from '@/lib/generated/prisma/enums';

export const CATALOGUE_FORMAT = 'drug-policy-tracker/catalogue';
export const CATALOGUE_VERSION = 1;

/** Larger files are refused before parsing: the whole catalogue in six languages is far smaller. */
export const MAX_CATALOGUE_BYTES = 25 * 1024 * 1024;

/** At most this many problems are listed in one error message; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

// ---------------------------------------------------------------------------------------------
// Schemas (strict: an unknown field is reported, since it is usually a typo)

const CODE = /^[A-Za-z0-9][A-Za-z0-9./_-]*$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A schema's own message, except for a missing field, which says so. */
const expecting = (what: string) => (issue: z.core.$ZodRawIssue) => (issue.input === undefined ? 'is missing' : `must be ${what}`);

const nonEmpty = (what: string) => z.string().min(1, `${what} is empty`);

const codeSchema = z
  .string()
  .max(50, 'a code has at most 50 characters')
  .regex(CODE, 'a code holds letters, digits and . / _ - only, no spaces');

const localeSchema = z.string().regex(LOCALE, 'is not a language code such as "en" or "zh"');

const localizedSchema = z
  .record(localeSchema, nonEmpty('the text'))
  .refine((value) => Object.keys(value).length > 0, 'needs a text in at least one language');

const referenceSchema = z
  .string()
  .min(1, 'the reference is empty')
  .max(100, 'a reference has at most 100 characters')
  .refine((value) => value === value.trim() && !/[\r\n]/.test(value), 'a reference has no leading or trailing space and no line break');

const kindSchema = z.enum(CommitmentKind, { error: expecting(`one of ${Object.values(CommitmentKind).join(', ')}`) });

const int32 = z.int32({ error: expecting('a whole number') });
const chapterNumberSchema = int32.positive('a chapter number is 1 or more');

const dateSchema = z
  .string()
  .regex(DATE, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a real date');

const instantSchema = z.iso.datetime({ error: expecting('a UTC date and time such as 2026-01-31T09:30:00.000Z') });

const emailSchema = z.email({ error: expecting('an e-mail address') });

const textSchema = z.strictObject({
  text: nonEmpty('the text'),
  sourceName: nonEmpty('the source name'),
  sourceChecksum: nonEmpty('the checksum').nullable(),
  importedByEmail: emailSchema.nullable(),
  importedAt: instantSchema,
});

const commitmentSchema = z.strictObject({
  reference: referenceSchema,
  kind: kindSchema,
  chapter: chapterNumberSchema.nullable(),
  subheading: localizedSchema.nullable(),
  order: int32,
  thematicArea: codeSchema,
  texts: z.record(localeSchema, textSchema),
});

const chapterSchema = z.strictObject({ number: chapterNumberSchema, title: localizedSchema });

const instrumentSchema = z.strictObject({
  code: codeSchema,
  symbol: nonEmpty('the symbol'),
  title: localizedSchema,
  adoptedOn: dateSchema.nullable(),
  adoptedYear: int32.positive('must be a year'),
  adoptedBy: localizedSchema,
  order: int32,
  isDemo: z.boolean({ error: expecting('true or false') }),
  chapters: z.array(chapterSchema),
  commitments: z.array(commitmentSchema),
});

const thematicAreaSchema = z.strictObject({
  code: codeSchema,
  parent: codeSchema.nullable(),
  order: int32,
  title: localizedSchema,
});

const commitmentKeySchema = z.string().regex(/^\S+ \S(.*\S)?$/, 'must be "<instrument code> <reference>"');

const catalogueSchema = z.strictObject({
  format: z.literal(CATALOGUE_FORMAT),
  version: z.literal(CATALOGUE_VERSION),
  thematicAreas: z.array(thematicAreaSchema),
  instruments: z.array(instrumentSchema),
  relations: z.array(z.tuple([commitmentKeySchema, commitmentKeySchema], { error: 'must be a pair of commitment keys' })),
});

export type Localized = Record<string, string>;
export type CatalogueText = z.infer<typeof textSchema>;
export type CatalogueCommitment = z.infer<typeof commitmentSchema>;
export type CatalogueChapter = z.infer<typeof chapterSchema>;
export type CatalogueInstrument = z.infer<typeof instrumentSchema>;
export type CatalogueThematicArea = z.infer<typeof thematicAreaSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

/** A commitment as read from a file, with where it was found (for messages). */
export type LocatedCommitment = { instrument: string; commitment: CatalogueCommitment; where: string };

/** "UNGASS2016 1(a)": how the format names a commitment. */
export function commitmentKey(instrumentCode: string, reference: string): string {
  return `${instrumentCode} ${reference}`;
}

/** A per-locale JSON value as a plain map; anything that is not a non-empty string is dropped. */
export function localizedOf(value: unknown): Localized {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}

// ---------------------------------------------------------------------------------------------
// Problems: every problem of a file is collected and reported in one DomainError.

// DomainError names a message of the catalogue; "invalidFile" ("The file cannot be imported:
// {details}") frames the details, which are in English, like the file's own field names.
export function catalogueFileError(details: string): DomainError {
  return new DomainError('invalidFile', { details });
}

export function catalogueProblemsError(problems: readonly string[]): DomainError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `- ${problem}`);
  const more = problems.length - listed.length;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return catalogueFileError([`${count}, nothing was changed:`, ...listed, ...(more > 0 ? [`- … and ${more} more.`] : [])].join('\n'));
}

type Issue = z.core.$ZodIssue;

const EXPECTED: Partial<Record<string, string>> = { string: 'a text', number: 'a number', object: 'an object', array: 'a list', tuple: 'a list' };

/** Zod's generic messages, reworded for the person who wrote the file. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'is missing' : `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  return undefined;
}

function issueMessage(issue: Issue): string {
  // A bad key of a record (a language code) carries its own message inside.
  if (issue.code === 'invalid_key') return issue.issues.map((inner) => inner.message).join('; ');
  return issue.message;
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

function checkSize(text: string) {
  if (Buffer.byteLength(text, 'utf8') > MAX_CATALOGUE_BYTES) {
    throw catalogueFileError(`The file is larger than ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB; a catalogue is much smaller. Check that this is the right file.`);
  }
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Canonical order

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedLocalized(value: Localized): Localized {
  return Object.fromEntries(Object.keys(value).sort(compareText).map((locale) => [locale, value[locale]]));
}

function byOrderThenCode<T extends { order: number }>(key: (item: T) => string) {
  return (a: T, b: T) => a.order - b.order || compareText(key(a), key(b));
}

/** Parents before their children; siblings by order then code. */
function treeOrder(areas: readonly CatalogueThematicArea[]): CatalogueThematicArea[] {
  const codes = new Set(areas.map((area) => area.code));
  const children = new Map<string | null, CatalogueThematicArea[]>();
  for (const area of areas) {
    const parent = area.parent !== null && codes.has(area.parent) ? area.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), area]);
  }
  const ordered: CatalogueThematicArea[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    for (const area of [...(children.get(parent) ?? [])].sort(byOrderThenCode((item) => item.code))) {
      if (seen.has(area.code)) continue;
      seen.add(area.code);
      ordered.push(area);
      visit(area.code);
    }
  };
  visit(null);
  // Areas caught in a parent cycle are unreachable from the top; keep them rather than lose them.
  const rest = areas.filter((area) => !seen.has(area.code)).sort(byOrderThenCode((item) => item.code));
  return [...ordered, ...rest];
}

/** The same catalogue, every list in its fixed order and every object's keys in their fixed order. */
export function canonicalCatalogue(catalogue: Catalogue): Catalogue {
  const instruments = [...catalogue.instruments].sort(byOrderThenCode((item) => item.code)).map(
    (instrument): CatalogueInstrument => ({
      code: instrument.code,
      symbol: instrument.symbol,
      title: sortedLocalized(instrument.title),
      adoptedOn: instrument.adoptedOn,
      adoptedYear: instrument.adoptedYear,
      adoptedBy: sortedLocalized(instrument.adoptedBy),
      order: instrument.order,
      isDemo: instrument.isDemo,
      chapters: [...instrument.chapters].sort((a, b) => a.number - b.number).map((chapter) => ({ number: chapter.number, title: sortedLocalized(chapter.title) })),
      commitments: [...instrument.commitments].sort(byOrderThenCode((item) => item.reference)).map(canonicalCommitment),
    }),
  );
  const position = new Map<string, number>();
  for (const instrument of instruments) {
    for (const commitment of instrument.commitments) position.set(commitmentKey(instrument.code, commitment.reference), position.size);
  }
  const compareKeys = (a: string, b: string) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || compareText(a, b);
  const relations = catalogue.relations
    .map(([a, b]): [string, string] => (compareKeys(a, b) <= 0 ? [a, b] : [b, a]))
    .sort((x, y) => compareKeys(x[0], y[0]) || compareKeys(x[1], y[1]));
  return {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    thematicAreas: treeOrder(catalogue.thematicAreas).map((area) => ({
      code: area.code,
      parent: area.parent,
      order: area.order,
      title: sortedLocalized(area.title),
    })),
    instruments,
    relations,
  };
}

function canonicalCommitment(commitment: CatalogueCommitment): CatalogueCommitment {
  return {
    reference: commitment.reference,
    kind: commitment.kind,
    chapter: commitment.chapter,
    subheading: commitment.subheading === null ? null : sortedLocalized(commitment.subheading),
    order: commitment.order,
    thematicArea: commitment.thematicArea,
    texts: Object.fromEntries(
      Object.keys(commitment.texts).sort(compareText).map((locale) => {
        const text = commitment.texts[locale];
        return [locale, {
          text: text.text,
          sourceName: text.sourceName,
          sourceChecksum: text.sourceChecksum,
          importedByEmail: text.importedByEmail,
          importedAt: text.importedAt,
        }];
      }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON

export function formatCatalogueJson(catalogue: Catalogue): string {
  return `${JSON.stringify(canonicalCatalogue(catalogue), null, 2)}\n`;
}

/** Parses and validates a JSON catalogue; throws one DomainError listing every problem. */
export function readCatalogueJson(text: string): Catalogue {
  checkSize(text);
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (error) {
    throw catalogueFileError(`The file is not valid JSON (${(error as Error).message}). Export the catalogue again, or check the file in a JSON validator.`);
  }
  // A file of another kind would otherwise produce dozens of beside-the-point problems.
  const head = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (head.format !== CATALOGUE_FORMAT) {
    throw catalogueFileError(`This is not a catalogue file: its "format" should be "${CATALOGUE_FORMAT}".`);
  }
  if (head.version !== CATALOGUE_VERSION) {
    throw catalogueFileError(`This catalogue file has version ${JSON.stringify(head.version ?? null)}; this application reads version ${CATALOGUE_VERSION}.`);
  }
  const parsed = catalogueSchema.safeParse(data, { error: describeIssue });
  if (!parsed.success) {
    throw catalogueProblemsError(parsed.error.issues.map((issue) => `${jsonPath(issue.path) || 'the file'}: ${issueMessage(issue)}`));
  }
  const problems = checkCatalogue(parsed.data);
  if (problems.length > 0) throw catalogueProblemsError(problems);
  return parsed.data;
}

/** What a schema cannot see: repeats, relations to unknown commitments, parent cycles. */
function checkCatalogue(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const firstArea = new Map<string, number>();
  catalogue.thematicAreas.forEach((area, index) => {
    const first = firstArea.get(area.code);
    if (first !== undefined) problems.push(`thematicAreas[${index}].code: ${area.code} appears twice (also thematicAreas[${first}])`);
    else firstArea.set(area.code, index);
  });
  problems.push(...parentCycles(new Map(catalogue.thematicAreas.map((area) => [area.code, area.parent]))).map((cycle) => `thematicAreas: parents go round in a circle: ${cycle}`));

  const firstInstrument = new Map<string, number>();
  const keys = new Set<string>();
  catalogue.instruments.forEach((instrument, i) => {
    const at = `instruments[${i}]`;
    const first = firstInstrument.get(instrument.code);
    if (first !== undefined) problems.push(`${at}.code: ${instrument.code} appears twice (also instruments[${first}])`);
    else firstInstrument.set(instrument.code, i);
    if (instrument.adoptedOn !== null && Number(instrument.adoptedOn.slice(0, 4)) !== instrument.adoptedYear) {
      problems.push(`${at}.adoptedOn: ${instrument.adoptedOn} is not in adoptedYear ${instrument.adoptedYear}`);
    }
    const chapters = new Set<number>();
    instrument.chapters.forEach((chapter, c) => {
      if (chapters.has(chapter.number)) problems.push(`${at}.chapters[${c}].number: chapter ${chapter.number} appears twice in ${instrument.code}`);
      chapters.add(chapter.number);
    });
    const references = new Map<string, number>();
    instrument.commitments.forEach((commitment, c) => {
      const seen = references.get(commitment.reference);
      if (seen !== undefined) {
        problems.push(`${at}.commitments[${c}].reference: ${instrument.code} ${commitment.reference} appears twice (also commitments[${seen}])`);
      } else references.set(commitment.reference, c);
      keys.add(commitmentKey(instrument.code, commitment.reference));
    });
  });

  const pairs = new Map<string, number>();
  catalogue.relations.forEach(([a, b], index) => {
    for (const [side, key] of [[0, a], [1, b]] as const) {
      if (!keys.has(key)) problems.push(`relations[${index}][${side}]: ${key} is not a commitment of this file`);
    }
    const [instrumentA, instrumentB] = [a, b].map((key) => key.slice(0, key.indexOf(' ')));
    if (a === b) problems.push(`relations[${index}]: relates ${a} to itself`);
    // As in the application: a relation links the same matter across instruments.
    else if (instrumentA === instrumentB) problems.push(`relations[${index}]: both commitments belong to ${instrumentA}; related commitments belong to different instruments`);
    const pair = [a, b].sort(compareText).join('\n');
    const first = pairs.get(pair);
    if (first !== undefined) problems.push(`relations[${index}]: repeats relations[${first}]`);
    else pairs.set(pair, index);
  });
  return problems;
}

/** Chains of parents that come back to where they started, as "TA2 -> TA3 -> TA2". */
export function parentCycles(parents: ReadonlyMap<string, string | null>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  for (const start of parents.keys()) {
    const path: string[] = [];
    let code: string | null | undefined = start;
    while (code && !done.has(code) && !path.includes(code)) {
      path.push(code);
      code = parents.get(code);
    }
    if (code && path.includes(code)) cycles.push([...path.slice(path.indexOf(code)), code].join(' -> '));
    for (const visited of path) done.add(visited);
  }
  return cycles;
}

// ---------------------------------------------------------------------------------------------
// CSV
//
// RFC 4180: comma-separated, fields quoted with " when they hold a comma, a quote or a line
// break (a quote inside is doubled), records end with CRLF, the first record is the header.
// UTF-8 with a byte order mark: without it Excel reads the file in the machine's legacy code
// page and Chinese (or Arabic, Russian) text turns into mojibake. Readers accept the file with
// or without the BOM, and with CRLF or LF line ends.
//
// One row per commitment and language, columns in CSV_COLUMNS order; rows sorted like the JSON
// (instrument by order then code, commitment by order then reference, then language).
// Commitment columns (kind, chapter, order, thematic_area) repeat on each row of a commitment
// and must agree. `subheading` is the sub-heading in that row's language. Empty cell = none.
// Two special rows keep the CSV lossless: a commitment with no text at all has one row with an
// empty `locale` (and empty text); a sub-heading in a language that has no text has a row with
// that locale, the sub-heading and an empty text.
//
// Not in the CSV: instrument details and chapter titles (an instrument must exist in the target
// database before its commitments can be imported from CSV), thematic areas (they must exist
// too) and relations (pairs of commitments do not fit one-row-per-text). The JSON export
// carries all of them.
//
// Spreadsheet formulas: a cell that starts with = + - @ TAB or CR is a formula to Excel and
// LibreOffice ("CSV injection"). Commitment texts come from outside (imported documents), so
// such cells are neutralised on export with a leading apostrophe, which spreadsheets read as
// "this is text". To keep the round trip lossless the apostrophe is an escape, applied to every
// cell: a cell that starts with an apostrophe also gets one more, and on import exactly one
// leading apostrophe is removed from every cell that has one. Someone writing a CSV by hand and
// starting a cell with an apostrophe must therefore double it.

export const CSV_COLUMNS = [
  'instrument', 'reference', 'kind', 'chapter', 'order', 'thematic_area', 'subheading', 'locale',
  'text', 'source_name', 'source_checksum', 'imported_by', 'imported_at',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type CsvRecord = Record<CsvColumn, string>;

const FORMULA_START = /^[=+\-@\t\r']/;

export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unprotectCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

function csvRecords(catalogue: Catalogue): CsvRecord[] {
  const records: CsvRecord[] = [];
  for (const instrument of canonicalCatalogue(catalogue).instruments) {
    for (const commitment of instrument.commitments) {
      const common = {
        instrument: instrument.code,
        reference: commitment.reference,
        kind: commitment.kind,
        chapter: commitment.chapter === null ? '' : String(commitment.chapter),
        order: String(commitment.order),
        thematic_area: commitment.thematicArea,
      };
      const locales = [...new Set([...Object.keys(commitment.texts), ...Object.keys(commitment.subheading ?? {})])].sort(compareText);
      for (const locale of locales.length > 0 ? locales : ['']) {
        const text = commitment.texts[locale];
        records.push({
          ...common,
          subheading: commitment.subheading?.[locale] ?? '',
          locale,
          text: text?.text ?? '',
          source_name: text?.sourceName ?? '',
          source_checksum: text?.sourceChecksum ?? '',
          imported_by: text?.importedByEmail ?? '',
          imported_at: text?.importedAt ?? '',
        });
      }
    }
  }
  return records;
}

export function formatCatalogueCsv(catalogue: Catalogue): string {
  const rows = csvRecords(catalogue).map((record) => CSV_COLUMNS.map((column) => protectCell(record[column])));
  return stringify([[...CSV_COLUMNS], ...rows], {
    bom: true,
    record_delimiter: '\r\n',
    // Explicit: with a custom record delimiter csv-stringify would not quote a lone \n or \r.
    quote_record_delimiter: true,
  });
}

const blankToNull = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? null : value), schema.nullable());

const intCell = z
  .string()
  .regex(/^-?\d{1,10}$/, 'must be a whole number')
  .transform(Number)
  .pipe(int32);

const csvRowSchema = z.strictObject({
  instrument: codeSchema,
  reference: referenceSchema,
  kind: kindSchema,
  chapter: blankToNull(intCell.pipe(chapterNumberSchema)),
  order: intCell,
  thematic_area: codeSchema,
  subheading: blankToNull(z.string()),
  locale: blankToNull(localeSchema),
  text: blankToNull(z.string()),
  source_name: blankToNull(z.string()),
  source_checksum: blankToNull(z.string()),
  imported_by: blankToNull(emailSchema),
  imported_at: blankToNull(instantSchema),
});

type CsvRow = z.infer<typeof csvRowSchema> & { row: number };

/**
 * Parses and validates a CSV catalogue into its commitments; throws one DomainError listing
 * every problem. Row numbers count the header as row 1, as a spreadsheet shows them.
 */
export function readCatalogueCsv(text: string): LocatedCommitment[] {
  checkSize(text);
  let records: string[][];
  try {
    records = parse(stripBom(text), { relax_column_count: true, record_delimiter: ['\r\n', '\n'] }) as string[][];
  } catch (error) {
    throw catalogueFileError(`The file is not a readable CSV file (${(error as Error).message}).`);
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) throw catalogueFileError('The CSV file has no rows: it needs a header row and one row per commitment text.');
  const headerProblems = checkHeader(header.map((cell) => cell.trim()));
  if (headerProblems.length > 0) throw catalogueProblemsError(headerProblems);
  const columns = header.map((cell) => cell.trim() as CsvColumn);

  const problems: string[] = [];
  const rows: CsvRow[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length === 1 && cells[0] === '') return; // a blank line
    if (cells.length !== columns.length) {
      problems.push(`row ${row}: has ${cells.length} cells, the header has ${columns.length}`);
      return;
    }
    const record = Object.fromEntries(columns.map((column, c) => [column, unprotectCell(cells[c])]));
    const parsed = csvRowSchema.safeParse(record, { error: describeIssue });
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `row ${row}${issue.path.length > 0 ? `, column ${String(issue.path[0])}` : ''}: ${issueMessage(issue)}`));
      return;
    }
    const rowProblem = checkCsvRow(parsed.data);
    if (rowProblem) problems.push(`row ${row}: ${rowProblem}`);
    else rows.push({ ...parsed.data, row });
  });
  const commitments = groupCsvRows(rows, problems);
  if (problems.length > 0) throw catalogueProblemsError(problems);
  return commitments;
}

function checkHeader(header: readonly string[]): string[] {
  // Spreadsheets set to some European locales save "CSV" with semicolons.
  if (header.length === 1 && header[0].includes(';')) {
    return ['the columns are separated by semicolons, not commas: save the file as "CSV UTF-8 (comma delimited)"'];
  }
  const problems: string[] = [];
  const known = new Set<string>(CSV_COLUMNS);
  const missing = CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    problems.push(`the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected: ${CSV_COLUMNS.join(', ')})`);
  }
  for (const column of new Set(header)) {
    if (!known.has(column)) problems.push(`the header row has an unknown column "${column}"`);
    else if (header.indexOf(column) !== header.lastIndexOf(column)) problems.push(`the header row has the column ${column} twice`);
  }
  return problems;
}

/** The rules between the cells of one row. */
function checkCsvRow(row: z.infer<typeof csvRowSchema>): string | null {
  const source = [row.source_name, row.source_checksum, row.imported_by, row.imported_at];
  if (row.locale === null) {
    return row.text !== null || row.subheading !== null || source.some((cell) => cell !== null)
      ? 'has no locale, so it stands for a commitment without any text: leave subheading, text and the source columns empty, or give the locale'
      : null;
  }
  if (row.text === null) {
    if (source.some((cell) => cell !== null)) return `has source columns but no text in ${row.locale}`;
    if (row.subheading === null) return `has neither a text nor a sub-heading in ${row.locale}`;
    return null;
  }
  if (row.source_name === null) return 'a text needs its source_name (the file or document it was imported from)';
  if (row.imported_at === null) return 'a text needs its imported_at (when it was imported)';
  return null;
}

function listRows(rows: readonly number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`;
}

/** One commitment per instrument and reference, from its rows; disagreements become problems. */
function groupCsvRows(rows: readonly CsvRow[], problems: string[]): LocatedCommitment[] {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const key = commitmentKey(row.instrument, row.reference);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const commitments: LocatedCommitment[] = [];
  for (const [key, group] of groups) {
    const [first] = group;
    let consistent = true;
    for (const row of group.slice(1)) {
      for (const column of ['kind', 'chapter', 'order', 'thematic_area'] as const) {
        if (row[column] !== first[column]) {
          problems.push(`row ${row.row}: ${column} ${row[column] ?? '(empty)'} differs from row ${first.row} (${first[column] ?? '(empty)'}) for the same commitment ${key}`);
          consistent = false;
        }
      }
    }
    const byLocale = new Map<string | null, CsvRow>();
    for (const row of group) {
      const earlier = byLocale.get(row.locale);
      if (earlier) {
        problems.push(`row ${row.row}: repeats ${row.locale === null ? 'the row without locale' : `locale ${row.locale}`} of ${key} (row ${earlier.row})`);
        consistent = false;
      } else byLocale.set(row.locale, row);
    }
    if (byLocale.has(null) && group.length > 1) {
      problems.push(`${listRows(group.map((row) => row.row))}: ${key} has a row without locale and rows with one; leave out the row without locale`);
      consistent = false;
    }
    if (!consistent) continue;
    const subheading = Object.fromEntries(group.flatMap((row) => (row.locale !== null && row.subheading !== null ? [[row.locale, row.subheading]] : [])));
    const texts = Object.fromEntries(
      group.flatMap((row) =>
        row.locale !== null && row.text !== null
          ? [[row.locale, { text: row.text, sourceName: row.source_name!, sourceChecksum: row.source_checksum, importedByEmail: row.imported_by, importedAt: row.imported_at! }]]
          : [],
      ),
    );
    commitments.push({
      instrument: first.instrument,
      where: listRows(group.map((row) => row.row)),
      commitment: {
        reference: first.reference,
        kind: first.kind,
        chapter: first.chapter,
        subheading: Object.keys(subheading).length > 0 ? subheading : null,
        order: first.order,
        thematicArea: first.thematic_area,
        texts,
      },
    });
  }
  return commitments;
}
