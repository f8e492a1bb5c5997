// The narrative draft of a thematic area in a cycle, for the secretariat to take into its reports:
// the figures of the summary written out as sentences, then, commitment by commitment, the
// narratives of the accepted reports with their evidence cited the UN way ("(A/74/129, para. 25)").
// `loadNarrativeDraft` reads what the draft needs in a few queries (never one per report);
// `buildNarrativeDraft` turns it into text in the draft's language, pure, with every sentence
// template in the message catalogue (namespace "narrativeDraft"). Who may read a draft (the
// secretariat: it shows accepted but unpublished data) is the caller's check.
import { createTranslator } from 'next-intl';
import type { Db } from '@/lib/db/client';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { displayReference } from '@/lib/catalogue/reference';
import { pickCommitmentText, type ShownText } from '@/lib/catalogue/commitment-text';
import { localized } from '@/lib/i18n/localized';
import type { Locale } from '@/lib/i18n/routing';
import { STATUS_SCALE } from '@/lib/status-reports/status-scale';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import { sentenceGap } from '@/lib/i18n/lists';
import { computeAreaSummary } from './compute';
import { itemsOf, type Distribution } from './figures';

/** A translator over the whole catalogue of the draft's language (the draft may differ from the page's). */
export function draftTranslator(lang: Locale) {
  return createTranslator({ locale: lang, messages: CATALOGUES[lang] });
}

export type DraftTranslator = ReturnType<typeof draftTranslator>;

export type DraftEvidence =
  | { kind: 'PARAGRAPH'; symbol: string; number: number }
  | { kind: 'URL'; url: string; title: string }
  | { kind: 'FILE'; name: string };

export type DraftReport = {
  entity: { code: string; name: string; memberState: boolean };
  status: ImplementationStatus;
  narrative: string;
  evidence: DraftEvidence[];
};

export type DraftCommitment = {
  id: string;
  /** The instrument's document symbol ("A/RES/S-30/1"). */
  symbol: string;
  /** As stored: the English citation ("1(a)", "para. 5"). */
  reference: string;
  isDemo: boolean;
  text: ShownText | null;
  reports: DraftReport[];
};

type Figures = { distribution: Distribution; progressIndex: number | null };

/** What a draft is built from: names and texts already in the draft's language. */
export type NarrativeDraftData = {
  lang: Locale;
  area: { code: string; title: string };
  cycle: { code: string; name: string };
  figures: Figures & {
    entities: { expected: number; reporting: number; memberStatesExpected: number; memberStatesReporting: number };
    subAreas: ({ code: string; title: string } & Figures)[];
  };
  /** In the summary's order. */
  commitments: DraftCommitment[];
};

export type DraftEntry = {
  entityCode: string;
  memberState: boolean;
  /** "Mexico (fully implemented):" */
  lead: string;
  /** The narrative with its evidence cited at its end. */
  body: string;
  citations: string[];
};

export type DraftSection = {
  commitmentId: string;
  /** "A/RES/S-30/1, 1(a)" */
  heading: string;
  text: string | null;
  /** The language of `text`, for the lang attribute when it is a fallback. */
  textLang: string | null;
  /** Why the wording is in another language, or that there is none. */
  textNote: string | null;
  entries: DraftEntry[];
  /** Said when no report on the commitment was accepted. */
  empty: string | null;
};

export type NarrativeDraft = {
  lang: Locale;
  /** What separates two sentences, and a lead from its text: a space, none in Chinese. */
  gap: string;
  title: string;
  notice: string;
  demoNote: string | null;
  figuresHeading: string;
  /** Paragraphs of prose-ready sentences. */
  figures: string[];
  commitmentsHeading: string;
  sections: DraftSection[];
  fileName: string;
};

const ACCEPTED_STATUSES = STATUS_SCALE.map((entry) => entry.status);

function acceptedOf(distribution: Distribution) {
  const items = itemsOf(distribution);
  return { items, accepted: items - distribution.NO_REPORT };
}

const percentOf = (index: number) => Math.round(index * 100);


/** The figures of the summary as sentences: coverage, items and statuses, the progress index, then each sub-area. */
function figureSentences(data: NarrativeDraftData, t: DraftTranslator): string[] {
  const { entities, distribution, progressIndex } = data.figures;
  const sentences: string[] = [];
  if (entities.expected === 0) sentences.push(t('narrativeDraft.coverageNoEntities'));
  else if (entities.reporting === 0) sentences.push(t('narrativeDraft.coverageNone', { expected: entities.expected }));
  else sentences.push(t('narrativeDraft.coverage', { ...entities }));

  const { items, accepted } = acceptedOf(distribution);
  if (items === 0) sentences.push(t('narrativeDraft.itemsNoCommitments'));
  else if (accepted === 0) sentences.push(t('narrativeDraft.itemsNone', { items }));
  else {
    const breakdown = ACCEPTED_STATUSES
      .map((status) => t('narrativeDraft.statusCount', { status, count: distribution[status] }))
      .join(t('narrativeDraft.listSeparator'));
    sentences.push(t('narrativeDraft.items', { items, accepted, breakdown }));
  }
  sentences.push(progressIndex === null ? t('narrativeDraft.progressNone') : t('narrativeDraft.progress', { percent: percentOf(progressIndex) }));

  const paragraphs = [sentences.join(sentenceGap(data.lang))];
  for (const sub of data.figures.subAreas) {
    const counts = acceptedOf(sub.distribution);
    const values = { area: sub.code, title: sub.title, ...counts };
    paragraphs.push(sub.progressIndex === null
      ? t('narrativeDraft.subAreaNoIndex', values)
      : t('narrativeDraft.subArea', { ...values, percent: percentOf(sub.progressIndex) }));
  }
  return paragraphs;
}

/** How the UN cites a piece of evidence: a paragraph by symbol and number, a web page by its title, a file by its name. */
export function citeEvidence(evidence: DraftEvidence, t: DraftTranslator): string {
  switch (evidence.kind) {
    case 'PARAGRAPH': return t('documents.citation', { symbol: evidence.symbol, number: String(evidence.number) });
    case 'URL': return evidence.title || evidence.url;
    case 'FILE': return evidence.name;
  }
}

const SENTENCE_END = /[.。]$/;

/**
 * The narrative with its citations in parentheses: before the final full stop, as in a UN text
 * ("… programme (A/74/129, para. 25)."), or after the text when it ends otherwise.
 */
export function citeNarrative(narrative: string, citations: string[], t: DraftTranslator): string {
  const text = narrative.trim() || t('narrativeDraft.noNarrative');
  if (citations.length === 0) return text;
  const end = SENTENCE_END.exec(text)?.[0] ?? '';
  return t('narrativeDraft.cited', {
    text: end ? text.slice(0, -end.length) : text,
    citations: citations.join(t('narrativeDraft.citationSeparator')),
    end,
  });
}

/** Member States first, then the other entities, each alphabetical in the draft's language. */
export function orderReports(reports: readonly DraftReport[], lang: Locale): DraftReport[] {
  const collator = new Intl.Collator(lang);
  return [...reports].sort((a, b) =>
    Number(b.entity.memberState) - Number(a.entity.memberState) ||
    collator.compare(a.entity.name, b.entity.name) ||
    a.entity.code.localeCompare(b.entity.code));
}

function sectionOf(commitment: DraftCommitment, lang: Locale, t: DraftTranslator): DraftSection {
  const languageName = (code: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  const { text } = commitment;
  return {
    commitmentId: commitment.id,
    heading: t('narrativeDraft.commitmentCitation', { symbol: commitment.symbol, reference: displayReference(commitment.reference, lang) }),
    text: text?.text ?? null,
    textLang: text?.locale ?? null,
    textNote: !text
      ? t('narrativeDraft.noText')
      : text.isFallback ? t('narrativeDraft.textFallback', { wanted: languageName(lang), shown: languageName(text.locale) }) : null,
    entries: orderReports(commitment.reports, lang).map((report) => {
      const citations = report.evidence.map((evidence) => citeEvidence(evidence, t));
      return {
        entityCode: report.entity.code,
        memberState: report.entity.memberState,
        lead: t('narrativeDraft.entityLead', { entity: report.entity.name, status: report.status }),
        body: citeNarrative(report.narrative, citations, t),
        citations,
      };
    }),
    empty: commitment.reports.length === 0 ? t('narrativeDraft.noReports') : null,
  };
}

const fileNamePart = (value: string) => value.replace(/[^A-Za-z0-9._-]+/g, '-');

/** "draft-TA3-2025-en.docx" */
export function draftFileName(areaCode: string, cycleCode: string, lang: Locale): string {
  return `draft-${fileNamePart(areaCode)}-${fileNamePart(cycleCode)}-${lang}.docx`;
}

/** The draft as text in `data.lang`; `t` translates in that language (see draftTranslator). */
export function buildNarrativeDraft(data: NarrativeDraftData, t: DraftTranslator): NarrativeDraft {
  const demo = data.commitments.filter((commitment) => commitment.isDemo).length;
  return {
    lang: data.lang,
    gap: sentenceGap(data.lang),
    title: t('narrativeDraft.title', { area: data.area.code, title: data.area.title, cycle: data.cycle.name }),
    notice: t('narrativeDraft.notice'),
    demoNote: demo === 0 ? null : t('narrativeDraft.demoNote', { scope: demo === data.commitments.length ? 'all' : 'some' }),
    figuresHeading: t('narrativeDraft.figuresHeading'),
    figures: figureSentences(data, t),
    commitmentsHeading: t('narrativeDraft.commitmentsHeading'),
    sections: data.commitments.map((commitment) => sectionOf(commitment, data.lang, t)),
    fileName: draftFileName(data.area.code, data.cycle.code, data.lang),
  };
}

export type LoadDraftRequest = {
  /** A cycle's code; without one, the open cycle, else the latest closed one. */
  cycleCode?: string;
  areaCode: string;
  /** The draft's language. */
  locale: Locale;
};

/**
 * Everything a draft of one area (a chapter with its sub-areas) in one cycle needs, or null when
 * the area or the cycle (open or closed) does not exist. Only accepted reports count, under the
 * area their commitment had when they were accepted, from the entities the cycle expects (as
 * the summary counts them).
 */
export async function loadNarrativeDraft(db: Db, { cycleCode, areaCode, locale }: LoadDraftRequest): Promise<NarrativeDraftData | null> {
  const [cycle, area] = await Promise.all([
    db.reportingCycle.findFirst({
      where: { state: { in: ['OPEN', 'CLOSED'] }, ...(cycleCode ? { code: cycleCode } : {}) },
      // PostgreSQL sorts an enum in its declared order: OPEN before CLOSED.
      orderBy: [{ state: 'asc' }, { opensAt: 'desc' }],
      select: { id: true, code: true, name: true },
    }),
    db.thematicArea.findUnique({
      where: { code: areaCode },
      select: { id: true, code: true, title: true, parentId: true, subAreas: { orderBy: { order: 'asc' }, select: { code: true, title: true } } },
    }),
  ]);
  if (!cycle || !area) return null;

  const [summary, accepted] = await Promise.all([
    computeAreaSummary(db, cycle.id, area.code),
    db.acceptedStatus.findMany({
      where: {
        cycleId: cycle.id,
        ...(area.parentId ? { thematicAreaId: area.id } : { topAreaId: area.id }),
        entity: { cycles: { some: { cycleId: cycle.id } } },
      },
      select: {
        commitmentId: true,
        status: true,
        entity: { select: { code: true, kind: true, name: true } },
        statusReport: {
          select: {
            narrative: true,
            evidence: {
              where: { state: 'ACCEPTED' },
              orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
              select: {
                kind: true, url: true, title: true,
                paragraph: { select: { number: true, document: { select: { symbol: true } } } },
                file: { select: { fileName: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  if (!summary) return null;

  // The summary's commitments in its order, then any reclassified since whose reports were
  // accepted under this area (they count in its figures, so their narratives belong here).
  const summaryOrder = summary.commitments.map((commitment) => commitment.id);
  const ids = [...new Set([...summaryOrder, ...accepted.map((row) => row.commitmentId)])];
  const commitments = ids.length === 0 ? [] : await db.commitment.findMany({
    where: { id: { in: ids } },
    orderBy: [{ instrument: { order: 'asc' } }, { order: 'asc' }, { reference: 'asc' }],
    select: {
      id: true, reference: true,
      instrument: { select: { symbol: true, isDemo: true } },
      texts: { select: { locale: true, text: true, importedAt: true } },
    },
  });
  const position = new Map(summaryOrder.map((id, index) => [id, index]));
  const ordered = commitments
    .map((commitment, index) => ({ commitment, rank: position.get(commitment.id) ?? summaryOrder.length + index }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ commitment }) => commitment);

  const reports = new Map<string, DraftReport[]>();
  for (const row of accepted) {
    const evidence = row.statusReport.evidence.flatMap((link): DraftEvidence[] => {
      if (link.kind === 'PARAGRAPH' && link.paragraph) return [{ kind: 'PARAGRAPH', symbol: link.paragraph.document.symbol, number: link.paragraph.number }];
      if (link.kind === 'URL' && link.url) return [{ kind: 'URL', url: link.url, title: link.title ?? link.url }];
      if (link.kind === 'FILE' && link.file) return [{ kind: 'FILE', name: link.file.fileName }];
      return [];
    });
    const list = reports.get(row.commitmentId) ?? [];
    list.push({
      entity: { code: row.entity.code, name: localized(row.entity.name, locale) || row.entity.code, memberState: row.entity.kind === 'MEMBER_STATE' },
      status: row.status,
      narrative: row.statusReport.narrative,
      evidence,
    });
    reports.set(row.commitmentId, list);
  }

  const subTitles = new Map(area.subAreas.map((sub) => [sub.code, localized(sub.title, locale)]));
  return {
    lang: locale,
    area: { code: area.code, title: localized(area.title, locale) },
    cycle: { code: cycle.code, name: localized(cycle.name, locale) || cycle.code },
    figures: {
      entities: summary.entities,
      distribution: summary.distribution,
      progressIndex: summary.progressIndex,
      subAreas: summary.subAreas.map((sub) => ({ code: sub.code, title: subTitles.get(sub.code) ?? '', distribution: sub.distribution, progressIndex: sub.progressIndex })),
    },
    commitments: ordered.map((commitment) => ({
      id: commitment.id,
      symbol: commitment.instrument.symbol,
      reference: commitment.reference,
      isDemo: commitment.instrument.isDemo,
      text: pickCommitmentText(commitment.texts, locale),
      reports: reports.get(commitment.id) ?? [],
    })),
  };
}
