import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized, localizedTitle, pickLocalized } from '@/lib/i18n/localized';
import type { CommitmentKind, Prisma } from '@/lib/generated/prisma/client';
import { pickCommitmentText, type ShownText } from './commitment-text';
import { slugOf } from '@/lib/slug';
import { literalPattern } from '@/lib/search-pattern';
import type { CommitmentFilters } from './schemas';

// The catalogue (instruments, thematic areas, commitments and their official wording) is
// public: every query here serves anonymous readers too.
//
// Titles exist in few languages (English and Chinese; others only once imported): each comes with
// `titleLocale`, the language it is shown in, so a page in another language can say so.

/** A thematic area's code and title, in the reader's language or else English. */
export type AreaTitle = { code: string; title: string; titleLocale: string };

export type ThematicAreaTree = (AreaTitle & { subAreas: AreaTitle[] })[];

export const areaTitle = (area: { code: string; title: unknown }, locale: string): AreaTitle => ({ code: area.code, ...localizedTitle(area.title, locale) });

/** The seven thematic areas with their sub-areas, titled in `locale`. */
export async function listThematicAreas(locale: string): Promise<ThematicAreaTree> {
  const areas = await db.thematicArea.findMany({
    where: { parentId: null },
    orderBy: { order: 'asc' },
    select: {
      code: true,
      title: true,
      subAreas: { orderBy: { order: 'asc' }, select: { code: true, title: true } },
    },
  });
  return areas.map((area) => ({
    ...areaTitle(area, locale),
    subAreas: area.subAreas.map((sub) => areaTitle(sub, locale)),
  }));
}

export type InstrumentSummary = {
  code: string;
  slug: string;
  symbol: string;
  title: string;
  titleLocale: string;
  adoptedOn: Date | null;
  adoptedYear: number;
  adoptedBy: string;
  adoptedByLocale: string;
  isDemo: boolean;
  commitmentCount: number;
  languages: string[];
};

const instrumentSelect = {
  id: true, code: true, symbol: true, title: true, adoptedOn: true, adoptedYear: true, adoptedBy: true, isDemo: true,
  _count: { select: { commitments: true } },
} as const;

type InstrumentRecord = Prisma.InstrumentGetPayload<{ select: typeof instrumentSelect }>;

async function languagesOf(instrumentIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<{ instrumentId: string; locale: string }[]>`
    SELECT DISTINCT c."instrumentId", t."locale"
    FROM "CommitmentText" t JOIN "Commitment" c ON c."id" = t."commitmentId"
    WHERE c."instrumentId" = ANY(${instrumentIds})
    ORDER BY t."locale"`;
  const byInstrument = new Map<string, string[]>();
  for (const row of rows) byInstrument.set(row.instrumentId, [...(byInstrument.get(row.instrumentId) ?? []), row.locale]);
  return byInstrument;
}

function toSummary(instrument: InstrumentRecord, languages: string[], locale: string): InstrumentSummary {
  const adoptedBy = pickLocalized(instrument.adoptedBy, locale);
  return {
    code: instrument.code,
    slug: slugOf(instrument.code),
    symbol: instrument.symbol,
    ...localizedTitle(instrument.title, locale),
    adoptedOn: instrument.adoptedOn,
    adoptedYear: instrument.adoptedYear,
    adoptedBy: adoptedBy.text,
    adoptedByLocale: adoptedBy.locale,
    isDemo: instrument.isDemo,
    commitmentCount: instrument._count.commitments,
    languages,
  };
}

export async function listInstruments(locale: string): Promise<InstrumentSummary[]> {
  const instruments = await db.instrument.findMany({ orderBy: [{ order: 'asc' }, { code: 'asc' }], select: instrumentSelect });
  const languages = await languagesOf(instruments.map((instrument) => instrument.id));
  return instruments.map((instrument) => toSummary(instrument, languages.get(instrument.id) ?? [], locale));
}

export type CommitmentRow = {
  id: string;
  reference: string;
  kind: CommitmentKind;
  chapter: number | null;
  subheading: string | null;
  area: AreaTitle;
  instrument: { code: string; slug: string; symbol: string; isDemo: boolean };
  text: ShownText | null;
};

const commitmentRowSelect = {
  id: true, reference: true, kind: true, chapter: true, subheading: true, order: true,
  thematicArea: { select: { code: true, title: true } },
  instrument: { select: { code: true, symbol: true, isDemo: true, order: true } },
  texts: { select: { locale: true, text: true, importedAt: true } },
} as const;

type CommitmentRecord = Prisma.CommitmentGetPayload<{ select: typeof commitmentRowSelect }>;

function toRow(commitment: CommitmentRecord, locale: string): CommitmentRow {
  return {
    id: commitment.id,
    reference: commitment.reference,
    kind: commitment.kind,
    chapter: commitment.chapter,
    subheading: commitment.subheading ? localized(commitment.subheading, locale) || null : null,
    area: areaTitle(commitment.thematicArea, locale),
    instrument: {
      code: commitment.instrument.code, slug: slugOf(commitment.instrument.code),
      symbol: commitment.instrument.symbol, isDemo: commitment.instrument.isDemo,
    },
    text: pickCommitmentText(commitment.texts, locale),
  };
}

export type InstrumentDetail = InstrumentSummary & {
  chapters: { number: number; title: string; titleLocale: string }[];
  commitments: CommitmentRow[];
};

/** An instrument by its URL slug, with its chapters and commitments in order. */
export async function getInstrument(slug: string, locale: string): Promise<InstrumentDetail> {
  const candidates = await db.instrument.findMany({ select: { id: true, code: true } });
  const match = candidates.find((candidate) => slugOf(candidate.code) === slug);
  if (!match) notFound();
  const [instrument, chapters, commitments, languages] = await Promise.all([
    db.instrument.findUniqueOrThrow({ where: { id: match.id }, select: instrumentSelect }),
    db.instrumentChapter.findMany({ where: { instrumentId: match.id }, orderBy: { number: 'asc' }, select: { number: true, title: true } }),
    db.commitment.findMany({ where: { instrumentId: match.id }, orderBy: [{ order: 'asc' }, { reference: 'asc' }], select: commitmentRowSelect }),
    languagesOf([match.id]),
  ]);
  return {
    ...toSummary(instrument, languages.get(match.id) ?? [], locale),
    chapters: chapters.map((chapter) => ({ number: chapter.number, ...localizedTitle(chapter.title, locale) })),
    commitments: commitments.map((commitment) => toRow(commitment, locale)),
  };
}

const SEARCH_LIMIT = 200;

/** Commitments of every instrument, filtered; text search in any language of the wording. */
export async function searchCommitments(
  filters: CommitmentFilters,
  locale: string,
  limit: number | undefined = SEARCH_LIMIT,
  offset = 0,
): Promise<{ rows: CommitmentRow[]; total: number }> {
  const areaCodes = filters.area ? await areaWithSubAreas(filters.area) : null;
  const where: Prisma.CommitmentWhereInput = {
    ...(filters.instrument ? { instrument: { code: filters.instrument } } : {}),
    ...(areaCodes ? { thematicArea: { code: { in: areaCodes } } } : {}),
    ...(filters.q ? { texts: { some: { text: { contains: literalPattern(filters.q), mode: 'insensitive' } } } } : {}),
  };
  const [commitments, total] = await Promise.all([
    db.commitment.findMany({
      where,
      orderBy: [{ instrument: { order: 'asc' } }, { order: 'asc' }, { id: 'asc' }],
      skip: offset,
      take: limit,
      select: commitmentRowSelect,
    }),
    db.commitment.count({ where }),
  ]);
  return { rows: commitments.map((commitment) => toRow(commitment, locale)), total };
}

/** An area's code and its sub-areas' codes: a thematic area includes its sub-areas. */
async function areaWithSubAreas(code: string): Promise<string[]> {
  const area = await db.thematicArea.findUnique({ where: { code }, select: { code: true, subAreas: { select: { code: true } } } });
  return area ? [area.code, ...area.subAreas.map((sub) => sub.code)] : [code];
}

export type ThematicAreaDetail = AreaTitle & {
  parent: AreaTitle | null;
  subAreas: AreaTitle[];
  commitments: CommitmentRow[];
};

export async function getThematicArea(code: string, locale: string): Promise<ThematicAreaDetail> {
  const area = await db.thematicArea.findUnique({
    where: { code: code.toUpperCase() },
    select: {
      code: true, title: true,
      parent: { select: { code: true, title: true } },
      subAreas: { orderBy: { order: 'asc' }, select: { code: true, title: true } },
    },
  });
  if (!area) notFound();
  // An area page lists all its commitments, however many.
  const { rows } = await searchCommitments({ area: area.code }, locale, undefined);
  return {
    ...areaTitle(area, locale),
    parent: area.parent ? areaTitle(area.parent, locale) : null,
    subAreas: area.subAreas.map((sub) => areaTitle(sub, locale)),
    commitments: rows,
  };
}

export type CommitmentDetail = CommitmentRow & {
  chapterTitle: string | null;
  chapterTitleLocale: string | null;
  instrumentTitle: string;
  instrumentTitleLocale: string;
  provenance: { locale: string; sourceName: string; sourceChecksum: string | null; importedBy: string | null; importedAt: Date }[];
  /** The current wording in each language, for editing. */
  texts: { locale: string; text: string }[];
  related: CommitmentRow[];
  history: { locale: string; text: string; sourceName: string; reason: string; replacedBy: string | null; replacedAt: Date }[] | null;
};

export async function getCommitment(user: SessionUser | null, id: string, locale: string): Promise<CommitmentDetail> {
  const commitment = await db.commitment.findUnique({
    where: { id },
    select: {
      ...commitmentRowSelect,
      instrument: { select: { id: true, code: true, symbol: true, isDemo: true, order: true, title: true } },
      texts: {
        orderBy: { locale: 'asc' },
        select: { locale: true, text: true, importedAt: true, sourceName: true, sourceChecksum: true, importedByEmail: true },
      },
      relatedFrom: { select: { to: { select: commitmentRowSelect } } },
      relatedTo: { select: { from: { select: commitmentRowSelect } } },
    },
  });
  if (!commitment) notFound();
  const chapter = commitment.chapter === null ? null : await db.instrumentChapter.findUnique({
    where: { instrumentId_number: { instrumentId: commitment.instrument.id, number: commitment.chapter } },
    select: { title: true },
  });
  const showHistory = can(user, 'catalogue.edit');
  const mayImport = can(user, 'catalogue.import');
  const history = showHistory
    ? await db.commitmentTextRevision.findMany({
        where: { commitmentId: id },
        orderBy: { replacedAt: 'desc' },
        select: { locale: true, text: true, sourceName: true, reason: true, replacedAt: true, replacedBy: { select: { email: true } } },
      })
    : null;
  const chapterTitle = chapter && pickLocalized(chapter.title, locale);
  const instrumentTitle = pickLocalized(commitment.instrument.title, locale);
  const related = [...commitment.relatedFrom.map((relation) => relation.to), ...commitment.relatedTo.map((relation) => relation.from)]
    .sort((a, b) => a.instrument.order - b.instrument.order || a.order - b.order);
  return {
    ...toRow(commitment, locale),
    chapterTitle: chapterTitle?.text ?? null,
    chapterTitleLocale: chapterTitle?.locale ?? null,
    instrumentTitle: instrumentTitle.text,
    instrumentTitleLocale: instrumentTitle.locale,
    // The imported file's name and the importer's e-mail are internal: staff who import see them,
    // everyone else the instrument's symbol and "the secretariat".
    provenance: commitment.texts.map((text) => ({
      locale: text.locale, sourceName: mayImport ? text.sourceName : commitment.instrument.symbol, sourceChecksum: text.sourceChecksum,
      importedBy: mayImport ? text.importedByEmail : null, importedAt: text.importedAt,
    })),
    texts: commitment.texts.map((text) => ({ locale: text.locale, text: text.text })),
    related: related.map((row) => toRow(row, locale)),
    history: history?.map(({ replacedBy, ...revision }) => ({ ...revision, replacedBy: replacedBy?.email ?? null })) ?? null,
  };
}
