// Reads a UN report, as text extracted from its PDF, into its title, sections, numbered
// paragraphs and footnotes. Pure: no database, no I/O. The text is official wording, so the
// parser never rewrites it: it undoes line breaks, leaves out page furniture, link lines and
// footnote blocks (keeping the footnotes apart), takes out the footnote markers it is sure of,
// and warns about whatever it could not place.
//
// Layout read (the Secretary-General's reports; A/74/129 is the model):
// - a cover (organ, symbol, date, agenda item), the title, a by-line ("Report of the
//   Secretary-General", "秘书长的报告") and a summary: front matter, not paragraphs;
// - sections numbered I. II. (一. 二. in Chinese), lettered A. B. within them, and sub-sections
//   numbered 1. 2. within either; paths are "IV", "IV.C", "IV.C.2", "V.1";
// - paragraphs numbered 1 to N across the whole document.
//
// How a line is read (blank lines carry no meaning: extraction inserts them anywhere):
// - a number, numeral or letter at the start of a line opens a block when it is the next one
//   in its sequence, or when the text before it is finished (terminal punctuation) or is a
//   heading; otherwise the line is a wrapped line that happens to start with a number;
// - a numbered block is a paragraph when it carries the next paragraph number. It is a
//   sub-section heading when it is heading-shaped (a few lines, no terminal punctuation) and
//   either does not carry the next paragraph number or is followed by a block with the same
//   number (heading "2." then paragraph "2."). Sub-section numbers restart at 1 in every
//   section while paragraph numbers run on, so the two sequences tell them apart.
// - footnote markers: see takeFootnoteMarkers.
import { proposalTokens, type AreaForProposal } from './area-proposal';
import {
  CHINESE_NUMERAL,
  FOOTNOTE_RULE,
  LINK_LINE,
  chineseNumber,
  continuesHeading,
  endsWithTerminal,
  isPageFurniture,
  measureLayout,
  type Layout,
  type Line,
} from './extracted-text';
import { LANGUAGE_NAMES, OFFICIAL_LANGUAGES, SCRIPT_NAMES, exceedsBytes, foreignScript, type OfficialLanguage, type ParseErrorValues } from './input-checks';
import { joinLines, normalizeText } from './text';

export const REPORT_PARSE_ERROR_CODES = ['empty', 'too-large', 'not-a-report', 'unsupported-language', 'language-mismatch'] as const;
export type ReportParseErrorCode = (typeof REPORT_PARSE_ERROR_CODES)[number];

export const REPORT_WARNING_CODES = [
  'paragraph-gap',
  'paragraph-repeat',
  'section-numbering',
  'footnote-numbering',
  'footnote-unreferenced',
  'empty-paragraph',
  'unplaced-text',
  'title-not-found',
] as const;
export type ReportWarningCode = (typeof REPORT_WARNING_CODES)[number];

/** Largest text accepted, in UTF-8 bytes. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

export type ReportSection = { path: string; heading: string };
export type ReportParagraph = {
  number: number;
  /** Path of the innermost section holding the paragraph ("IV.C.2"); "" before any section. */
  sectionPath: string;
  text: string;
  footnoteRefs: number[];
};
export type ReportFootnote = { number: number; text: string };
export type ReportWarning = { code: ReportWarningCode; message: string; line: number | null };

/**
 * Where a line went when it looks like something it was not read as: a footnote outside a
 * footnote block, or a paragraph or section number read as the continuation of the text before
 * it. For the dry run, so that a person sees why a footnote is missing or a paragraph is longer
 * than it should be; the reading itself does not depend on these notes.
 */
export type ReportLineNote = {
  line: number;
  text: string;
  reason: 'footnote-outside-block' | 'marker-in-text';
  placement: ReportLinePlacement;
};
export type ReportLinePlacement =
  | { kind: 'paragraph'; number: number }
  | { kind: 'heading'; path: string }
  | { kind: 'left-out' };

export type ParsedReport = {
  symbol: string;
  language: OfficialLanguage;
  title: string | null;
  sections: ReportSection[];
  paragraphs: ReportParagraph[];
  footnotes: ReportFootnote[];
  warnings: ReportWarning[];
  /** Lines read otherwise than they look (see ReportLineNote), in the order of the text. */
  lineNotes: ReportLineNote[];
};

/** A problem that makes the whole text unusable; `code` names the message the interface shows. */
export class ReportParseError extends Error {
  readonly code: ReportParseErrorCode;
  /** What the interface's message needs to say the problem in the reader's language. */
  readonly values: ParseErrorValues;

  constructor(code: ReportParseErrorCode, message: string, values: ParseErrorValues = {}) {
    super(message);
    this.name = 'ReportParseError';
    this.code = code;
    this.values = values;
  }
}

export function parseReport(text: string, options: { symbol: string; language: string }): ParsedReport {
  const language = supportedLanguage(options.language);
  if (exceedsBytes(text, MAX_REPORT_BYTES)) {
    throw new ReportParseError('too-large', `The text is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB.`);
  }
  const normalized = normalizeText(text);
  if (normalized.trim() === '') throw new ReportParseError('empty', 'The text is empty.');

  const page = separatePageText(normalized);
  checkScript(page.lines, language);
  const marked = takeFootnoteMarkers(page.lines, page.footnotes);
  const start = bodyStart(marked.lines);
  if (start === null) throw notAReport();
  const layout = measureLayout(page.lines);
  const body = new BodyReader(marked.lines.slice(start), layout).read();
  if (body.paragraphs.length === 0) throw notAReport();
  const title = readTitle(marked.lines.slice(0, start), language, layout);
  const bodyStartLine = marked.lines[start]!.line;

  return {
    symbol: options.symbol,
    language,
    title,
    sections: body.sections,
    paragraphs: body.paragraphs,
    footnotes: page.footnotes,
    warnings: sortWarnings([
      ...page.warnings,
      ...marked.warnings,
      ...body.warnings,
      ...(title === null ? [warning('title-not-found', 'No title was found before the first section.', null)] : []),
    ]),
    lineNotes: noteLines(page, body, bodyStartLine),
  };
}

// ---------------------------------------------------------------------------------------------
// Input checks

function supportedLanguage(language: string): OfficialLanguage {
  const found = OFFICIAL_LANGUAGES.find((supported) => supported === language);
  if (!found) {
    throw new ReportParseError(
      'unsupported-language',
      `"${language}" is not one of the six official languages of the United Nations (${OFFICIAL_LANGUAGES.join(', ')}).`,
    );
  }
  return found;
}

/** Judged on the document's own lines: link lines and furniture are Latin in every language. */
function checkScript(lines: Line[], language: OfficialLanguage) {
  const script = foreignScript(lines.map((line) => line.text).join('\n'), language);
  if (script) {
    throw new ReportParseError(
      'language-mismatch',
      `The text was declared as ${LANGUAGE_NAMES[language]} (${language}), but most of its letters are ${SCRIPT_NAMES[script]}.`,
      { language, script },
    );
  }
}

function notAReport(): ReportParseError {
  return new ReportParseError('not-a-report', 'No numbered paragraphs were found: the text does not look like a report.');
}

function warning(code: ReportWarningCode, message: string, line: number | null): ReportWarning {
  return { code, message, line };
}

/** Warnings in the order of the text; stable, so the output is deterministic. */
function sortWarnings(warnings: ReportWarning[]): ReportWarning[] {
  return [...warnings].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}

// ---------------------------------------------------------------------------------------------
// Page text: furniture and link lines left out, footnote blocks taken apart

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "12" or "¹²" as a number. */
function footnoteNumber(digits: string): number {
  const plain = [...digits].map((char) => {
    const superscript = SUPERSCRIPT_DIGITS.indexOf(char);
    return superscript === -1 ? char : String(superscript);
  });
  return Number(plain.join(''));
}

// A footnote opens with its number (or, on the cover, a mark such as *) and a space.
const FOOTNOTE_MARKS = /^[*†‡§]/u;
const FOOTNOTE_START = new RegExp(`^([0-9]{1,3}|[${SUPERSCRIPT_DIGITS}]{1,3}|[*†‡§]{1,3})\\s+(\\S.*)$`, 'u');

type FootnoteDraft = { number: number | null; lines: string[]; line: number };

/** A line with the number it starts with. */
type NumberedLine = Line & { number: number };

type PageText = {
  lines: Line[];
  footnotes: ReportFootnote[];
  warnings: ReportWarning[];
  /** Reporting only: the footnotes read (number and line), and lines outside blocks that start like one. */
  footnoteLines: NumberedLine[];
  footnoteLike: NumberedLine[];
};

/**
 * The document's own lines (trimmed, non-blank, with their line numbers) and its footnotes.
 * A footnote block starts at a rule of underscores. In it, a line opening with a number starts a
 * footnote when it is the first line after the rule or carries the next footnote number (so
 * that text continuing after the block, "12 个国家", is not taken for footnote 12); a line
 * without one continues a footnote that is not yet finished (no terminal punctuation) unless it
 * opens a paragraph or section. The block ends at any other line, at page furniture or at a link
 * line, and the paragraph it interrupted continues there.
 * Footnotes marked * or † belong to the cover (the agenda item) and are left out.
 */
function separatePageText(normalized: string): PageText {
  const lines: Line[] = [];
  const drafts: FootnoteDraft[] = [];
  const warnings: ReportWarning[] = [];
  const footnoteLike: NumberedLine[] = [];
  let inBlock = false;
  let afterRule = false;
  normalized.split('\n').forEach((raw, index) => {
    const text = raw.trim();
    const line = index + 1;
    if (text === '') return;
    if (LINK_LINE.test(text) || isPageFurniture(text)) {
      inBlock = false;
      return;
    }
    if (FOOTNOTE_RULE.test(text)) {
      inBlock = true;
      afterRule = true;
      return;
    }
    if (inBlock) {
      const taken = takeFootnoteLine(text, line, drafts, afterRule);
      afterRule = false;
      if (taken) return;
      inBlock = false;
    }
    // Reporting only: a line shaped like a footnote, outside any footnote block (see noteLines).
    const start = FOOTNOTE_START.exec(text);
    if (start && !FOOTNOTE_MARKS.test(start[1]!)) footnoteLike.push({ text, line, number: footnoteNumber(start[1]!) });
    lines.push({ text, line });
  });

  const footnotes: ReportFootnote[] = [];
  const footnoteLines: NumberedLine[] = [];
  for (const draft of drafts) {
    if (draft.number === null) continue;
    const last = footnotes.at(-1)?.number ?? 0;
    if (draft.number !== last + 1) {
      warnings.push(warning('footnote-numbering', `Footnote ${draft.number} follows footnote ${last}; footnotes are numbered 1, 2, 3 ... in sequence.`, draft.line));
    }
    footnotes.push({ number: draft.number, text: joinLines(draft.lines) });
    footnoteLines.push({ number: draft.number, line: draft.line, text: draft.lines[0]! });
  }
  return { lines, footnotes, warnings, footnoteLines, footnoteLike };
}

/** Adds a line of a footnote block to `drafts` (a new footnote or the rest of the last one); false when the block has ended. */
function takeFootnoteLine(text: string, line: number, drafts: FootnoteDraft[], afterRule: boolean): boolean {
  const start = FOOTNOTE_START.exec(text);
  if (start) {
    const mark = start[1]!;
    const number = FOOTNOTE_MARKS.test(mark) ? null : footnoteNumber(mark);
    const lastNumber = drafts.findLast((draft) => draft.number !== null)?.number ?? 0;
    if (afterRule || number === null || number === lastNumber + 1) {
      drafts.push({ number, lines: [start[2]!], line });
      return true;
    }
  }
  const open = drafts.at(-1);
  if (!afterRule && open && !endsWithTerminal(open.lines.at(-1)!) && lineMarkers(text).length === 0) {
    open.lines.push(text);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Footnote markers

/** A line with the footnotes whose markers were taken out of it. */
type MarkedLine = Line & { footnoteRefs: number[] };

const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF';
// Where extraction glues a footnote number: right after a CJK character or punctuation
// ("实体1和", "工作。2"), a lower-case or caseless letter ("entities1 and"), or closing
// punctuation that follows a letter ("report.2", "drugs,3"); and right before the end of the
// line, a space, a CJK character or closing punctuation. Numbers in running text are set apart
// by spaces ("在 12 个国家", "in 12 countries") and symbols glue digits to capitals, digits,
// slashes or hyphens ("CRP.10", "73/192", "CUMYL-4CN"), so none of them fits.
const GLUED_NUMBER = new RegExp(
  `(?<=[${CJK}\\p{Ll}\\p{Lo}]|[\\p{Ll}\\p{Lo}][.,;:!?)\\]”’"»])([0-9]{1,3}|[${SUPERSCRIPT_DIGITS}]{1,3})(?=$|\\s|[${CJK}]|[.,;:)\\]](?:\\s|$))`,
  'gu',
);

/**
 * Takes footnote markers out of the lines and records them. A glued number is a marker only
 * when it is the next footnote number (markers appear in order, 1, 2, 3 ..., across the whole
 * text, cover and headings included) and that footnote exists: a real number in the wording
 * would have to be glued to a character and equal the next footnote number at that very point
 * to be mistaken for one. Being that sure, the marker digits are removed, so paragraphs read
 * (and are searched and cited) as printed without the superscript. A footnote whose marker is
 * never found gets a warning.
 */
function takeFootnoteMarkers(lines: Line[], footnotes: ReportFootnote[]): { lines: MarkedLine[]; warnings: ReportWarning[] } {
  const numbers = new Set(footnotes.map((footnote) => footnote.number));
  let last = 0;
  const marked = lines.map((line): MarkedLine => {
    const footnoteRefs: number[] = [];
    const text = line.text.replace(GLUED_NUMBER, (digits) => {
      const number = footnoteNumber(digits);
      if (number !== last + 1 || !numbers.has(number)) return digits;
      last = number;
      footnoteRefs.push(number);
      return '';
    });
    return { text, line: line.line, footnoteRefs };
  });
  const referenced = new Set(marked.flatMap((line) => line.footnoteRefs));
  const warnings = footnotes
    .filter((footnote) => !referenced.has(footnote.number))
    .map((footnote) => warning('footnote-unreferenced', `No marker of footnote ${footnote.number} was found in the text.`, null));
  return { lines: marked, warnings };
}

// ---------------------------------------------------------------------------------------------
// Markers at the start of a line

type MarkerKind = 'section' | 'letter' | 'number';
type Marker = { kind: MarkerKind; value: number; rest: string };

const ROMAN_SECTION = /^([IVXL]+)[.．]\s+(\S.*)$/u;
const CHINESE_SECTION = new RegExp(`^(${CHINESE_NUMERAL})[.．、]\\s*(\\S.*)$`, 'u');
const LETTER_SECTION = /^([A-Z])[.．]\s+(\S.*)$/u;
const NUMBERED = /^([0-9]{1,3})[.．](?![0-9])\s*(.*)$/u;

const ROMAN_DIGITS: [string, number][] = [
  ['XC', 90], ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
];

function toRoman(value: number): string {
  let rest = value;
  let roman = '';
  for (const [symbol, amount] of ROMAN_DIGITS) {
    while (rest >= amount) {
      roman += symbol;
      rest -= amount;
    }
  }
  return roman;
}

/** Value of a well-formed Roman numeral below 90, or null ("IIII" and "VX" are not numerals). */
function fromRoman(roman: string): number | null {
  for (let value = 1; value < 90; value++) if (toRoman(value) === roman) return value;
  return null;
}

/** Every reading of a line's start: "I." is section one or letter I, "C." only a letter. */
function lineMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  const roman = ROMAN_SECTION.exec(text);
  const romanValue = roman ? fromRoman(roman[1]!) : null;
  if (roman && romanValue !== null) markers.push({ kind: 'section', value: romanValue, rest: roman[2]! });
  const chinese = CHINESE_SECTION.exec(text);
  if (chinese) markers.push({ kind: 'section', value: chineseNumber(chinese[1]!), rest: chinese[2]! });
  const letter = LETTER_SECTION.exec(text);
  if (letter) markers.push({ kind: 'letter', value: letter[1]!.charCodeAt(0) - 64, rest: letter[2]! });
  const numbered = NUMBERED.exec(text);
  if (numbered) markers.push({ kind: 'number', value: Number(numbered[1]), rest: numbered[2]! });
  return markers;
}

/** Index of the first line of the body: section I, or paragraph 1 in a report without sections. */
function bodyStart(lines: MarkedLine[]): number | null {
  const firstOf = (kind: MarkerKind) => lines.findIndex((line) => lineMarkers(line.text).some((marker) => marker.kind === kind && marker.value === 1));
  const section = firstOf('section');
  if (section !== -1) return section;
  const paragraph = firstOf('number');
  return paragraph === -1 ? null : paragraph;
}

// ---------------------------------------------------------------------------------------------
// Body: sections and paragraphs

/** Section numbers may skip this many (a heading lost in extraction) and still be read as headings. */
const MAX_SECTION_SKIP = 2;
/** A numbered heading is at most this many lines long; a paragraph is usually longer. */
const MAX_HEADING_LINES = 4;

/** A block opened by a marker; its first line holds the text after the marker. */
type Unit = { marker: Marker; line: number; lines: MarkedLine[] };

type BodyReading = {
  sections: ReportSection[];
  paragraphs: ReportParagraph[];
  warnings: ReportWarning[];
  placements: Map<number, ReportLinePlacement>;
  markersInText: Line[];
};

class BodyReader {
  private readonly sections: ReportSection[] = [];
  private readonly paragraphs: ReportParagraph[] = [];
  private readonly warnings: ReportWarning[] = [];
  /** Reporting only: where each line went, and the lines opening with a marker that continued a block. */
  private readonly placements = new Map<number, ReportLinePlacement>();
  private readonly markersInText: Line[] = [];
  private section: string | null = null;
  private letter: string | null = null;
  private subsection: number | null = null;
  private lastSection = 0;
  private lastLetter = 0;
  private lastSubsection = 0;
  private lastParagraph = 0;

  constructor(
    private readonly lines: MarkedLine[],
    private readonly layout: Layout,
  ) {}

  /** The body's first line opens a block (see bodyStart); every other line opens one or continues the last. */
  read(): BodyReading {
    const [first, ...rest] = this.lines;
    let unit = this.open(first!, lineMarkers(first!.text)[0]!);
    for (const line of rest) {
      const marker = this.markerOpening(line.text, unit);
      if (marker === null) {
        if (lineMarkers(line.text).length > 0) this.markersInText.push({ text: line.text, line: line.line });
        unit.lines.push(line);
        continue;
      }
      this.close(unit, marker);
      unit = this.open(line, marker);
    }
    this.close(unit, null);
    return {
      sections: this.sections, paragraphs: this.paragraphs, warnings: this.warnings,
      placements: this.placements, markersInText: this.markersInText,
    };
  }

  /**
   * A section or letter takes effect where its heading starts, so that the lines under the
   * heading are read against the new sequences (letters start again at A in every section).
   * Whether a number opens a sub-section is known only when its block ends.
   */
  private open(line: MarkedLine, marker: Marker): Unit {
    if (marker.kind === 'section') this.enterSection(marker.value, line.line);
    if (marker.kind === 'letter') this.enterLetter(marker.value, line.line);
    return { marker, line: line.line, lines: [{ ...line, text: marker.rest }] };
  }

  /** The marker that opens a new block at this line, or null when the line continues `current`. */
  private markerOpening(text: string, current: Unit): Marker | null {
    const markers = lineMarkers(text);
    if (markers.length === 0) return null;
    const afterBreak = current.marker.kind !== 'number' || endsWithTerminal(current.lines.at(-1)!.text);
    const expected = (marker: Marker): boolean => {
      if (marker.kind === 'section') return marker.value === this.lastSection + 1;
      if (marker.kind === 'letter') return marker.value === this.lastLetter + 1;
      const nextParagraphs = [this.lastParagraph + 1, this.lastSubsection + 1];
      if (current.marker.kind === 'number') nextParagraphs.push(current.marker.value + 1);
      return nextParagraphs.includes(marker.value);
    };
    const plausible = (marker: Marker): boolean => {
      if (marker.kind === 'number') return true;
      const last = marker.kind === 'section' ? this.lastSection : this.lastLetter;
      return marker.value > last && marker.value <= last + 1 + MAX_SECTION_SKIP;
    };
    return markers.find(expected) ?? (afterBreak ? (markers.find(plausible) ?? null) : null);
  }

  private close(unit: Unit, next: Marker | null) {
    if (unit.marker.kind === 'number' && !this.isSubsectionHeading(unit, next)) {
      this.addParagraph(unit);
      return;
    }
    if (unit.marker.kind === 'number') this.enterSubsection(unit.marker.value, unit.line);
    this.addSection(unit);
  }

  private enterSection(value: number, line: number) {
    this.checkSequence(`Section ${toRoman(value)}`, value, this.lastSection, line);
    this.lastSection = value;
    this.section = toRoman(value);
    this.letter = null;
    this.subsection = null;
    this.lastLetter = 0;
    this.lastSubsection = 0;
  }

  private enterLetter(value: number, line: number) {
    const letter = String.fromCharCode(64 + value);
    this.checkSequence(`Section ${this.section ?? ''}.${letter}`, value, this.lastLetter, line);
    this.lastLetter = value;
    this.letter = letter;
    this.subsection = null;
    this.lastSubsection = 0;
  }

  private enterSubsection(value: number, line: number) {
    this.checkSequence(`Sub-section ${value} of section ${this.path()}`, value, this.lastSubsection, line);
    this.lastSubsection = value;
    this.subsection = value;
  }

  /**
   * See the file comment. A heading needs a section to belong to, and a sub-section number close
   * after the last one: a short unpunctuated paragraph after a gap in the numbering stays a paragraph.
   */
  private isSubsectionHeading(unit: Unit, next: Marker | null): boolean {
    const { value } = unit.marker;
    const headingShaped = unit.lines.length <= MAX_HEADING_LINES && !endsWithTerminal(unit.lines.at(-1)!.text);
    if (!headingShaped || this.section === null) return false;
    if (value <= this.lastSubsection || value > this.lastSubsection + 1 + MAX_SECTION_SKIP) return false;
    return value !== this.lastParagraph + 1 || (next?.kind === 'number' && next.value === value);
  }

  /** A heading is the whole block; text after a finished heading has no number and no place. */
  private addSection(unit: Unit) {
    const length = endsWithTerminal(unit.lines.at(-1)!.text) ? this.headingLength(unit.lines) : unit.lines.length;
    const rest = unit.lines.slice(length);
    if (rest.length > 0) {
      this.warnings.push(warning('unplaced-text', `Text after the heading of section ${this.path()} is not in a numbered paragraph; it was left out.`, rest[0]!.line));
    }
    this.sections.push({ path: this.path(), heading: joinLines(unit.lines.slice(0, length).map((line) => line.text)) });
    for (const line of unit.lines.slice(0, length)) this.placements.set(line.line, { kind: 'heading', path: this.path() });
    for (const line of rest) this.placements.set(line.line, { kind: 'left-out' });
  }

  private headingLength(lines: MarkedLine[]): number {
    let length = 1;
    while (length < lines.length && continuesHeading(lines[length - 1]!.text, lines[length]!.text, this.layout, true)) length++;
    return length;
  }

  private addParagraph(unit: Unit) {
    const number = unit.marker.value;
    if (number !== this.lastParagraph + 1) {
      const code = number <= this.lastParagraph ? 'paragraph-repeat' : 'paragraph-gap';
      const after = this.lastParagraph === 0 ? 'is the first paragraph' : `follows paragraph ${this.lastParagraph}`;
      this.warnings.push(warning(code, `Paragraph ${number} ${after}; paragraphs are numbered 1, 2, 3 ... in sequence.`, unit.line));
    }
    this.lastParagraph = Math.max(this.lastParagraph, number);
    const text = joinLines(unit.lines.map((line) => line.text));
    if (text === '') this.warnings.push(warning('empty-paragraph', `Paragraph ${number} has no text.`, unit.line));
    this.paragraphs.push({ number, sectionPath: this.path(), text, footnoteRefs: unit.lines.flatMap((line) => line.footnoteRefs) });
    for (const line of unit.lines) this.placements.set(line.line, { kind: 'paragraph', number });
  }

  private checkSequence(what: string, value: number, last: number, line: number) {
    if (value !== last + 1) {
      this.warnings.push(warning('section-numbering', `${what} does not follow in sequence (${value} after ${last}).`, line));
    }
  }

  private path(): string {
    return [this.section, this.letter, this.subsection].filter((part) => part !== null).join('.');
  }
}

// ---------------------------------------------------------------------------------------------
// Line notes (reporting only)

/** Longest line text a note repeats; the line number leads to the rest. */
const NOTE_TEXT_LENGTH = 160;

/**
 * Notes on the body's lines. A line outside a footnote block is noted as a footnote when it starts
 * with the next footnote number (after the footnotes read and the lines noted so far), so that
 * "12 countries" wrapped onto a line of its own is not. The cover is left out: its dates
 * ("1 July 2019") look like footnotes, and nothing on it becomes a paragraph anyway.
 */
function noteLines(page: PageText, body: BodyReading, bodyStart: number): ReportLineNote[] {
  const note = (reason: ReportLineNote['reason']) => (entry: Line): ReportLineNote => ({
    line: entry.line,
    text: entry.text.length > NOTE_TEXT_LENGTH ? `${entry.text.slice(0, NOTE_TEXT_LENGTH)}…` : entry.text,
    reason,
    placement: body.placements.get(entry.line) ?? { kind: 'left-out' },
  });
  const read = [...page.footnoteLines];
  let last = 0;
  const footnoteLike: Line[] = [];
  for (const candidate of page.footnoteLike) {
    while (read.length > 0 && read[0]!.line < candidate.line) last = Math.max(last, read.shift()!.number);
    if (candidate.line < bodyStart || candidate.number !== last + 1) continue;
    footnoteLike.push(candidate);
    last = candidate.number;
  }
  const footnotes = footnoteLike.map(note('footnote-outside-block'));
  const noted = new Set(footnotes.map((entry) => entry.line));
  const markers = body.markersInText.filter((entry) => !noted.has(entry.line)).map(note('marker-in-text'));
  return [...footnotes, ...markers].sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------
// Title

// The line under the title that names the author ("Report of the Secretary-General", "Note by
// the Secretariat"), and the heading of the summary that follows; both are the same on every
// report cover in a language, so the title is found by its place, not by its wording.
const BYLINE: Record<OfficialLanguage, RegExp> = {
  ar: /^(?:تقرير|مذكرة) (?:من )?(?:الأمين العام|الأمانة العامة|المدير التنفيذي)/u,
  en: /^(?:Report|Note) (?:of|by) the \p{Lu}/u,
  es: /^(?:Informe|Nota) del? (?:la )?\p{Lu}/u,
  fr: /^(?:Rapport|Note) d(?:u|e la) \p{Lu}/u,
  ru: /^(?:Доклад|Записка) \p{Lu}/u,
  zh: /^\p{Script=Han}{1,8}的(?:报告|说明)$/u,
};
const SUMMARY_HEADING: Record<OfficialLanguage, RegExp> = {
  ar: /^موجز$/u,
  en: /^Summary$/u,
  es: /^Resumen$/u,
  fr: /^Résumé$/u,
  ru: /^Резюме$/u,
  zh: /^摘\s*要$/u,
};

/**
 * The heading just above the by-line (or, without one, above the summary heading, or at the end
 * of the front matter), joined over the lines it wraps onto. Null when the text there is prose.
 */
function readTitle(front: MarkedLine[], language: OfficialLanguage, layout: Layout): string | null {
  const byline = front.findIndex((line) => BYLINE[language].test(line.text));
  const summary = front.findIndex((line) => SUMMARY_HEADING[language].test(line.text));
  const end = byline !== -1 ? byline : summary !== -1 ? summary : front.length;
  const last = front[end - 1];
  if (!last || endsWithTerminal(last.text)) return null;
  let start = end - 1;
  while (start > 0 && continuesHeading(front[start - 1]!.text, front[start]!.text, layout, true)) start--;
  return joinLines(front.slice(start, end).map((line) => line.text));
}

// ---------------------------------------------------------------------------------------------
// Thematic areas

/** Share of words (Chinese: character pairs) a heading and an area title must have in common. */
const MIN_HEADING_SIMILARITY = 0.5;

/** Dice coefficient of the heading's and the title's words. */
function headingSimilarity(heading: string, title: string): number {
  const a = proposalTokens(heading);
  const b = proposalTokens(title);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Best similarity of a heading with any of the area's titles: the one in the report's language wins. */
function areaSimilarity(heading: string, area: AreaForProposal): number {
  return Math.max(0, ...Object.values(area.titles).map((title) => headingSimilarity(heading, title)));
}

/** Pairs sections with areas one to one, most similar pairs first; pairs below the threshold stay apart. */
function pairByHeading(sections: ReportSection[], areas: AreaForProposal[]): Map<string, string> {
  const pairs = sections.flatMap((section, sectionOrder) =>
    areas.map((area, areaOrder) => ({ section, area, sectionOrder, areaOrder, score: areaSimilarity(section.heading, area) })),
  );
  pairs.sort((a, b) => b.score - a.score || a.sectionOrder - b.sectionOrder || a.areaOrder - b.areaOrder);
  const mapping = new Map<string, string>();
  const taken = new Set<string>();
  for (const pair of pairs) {
    if (pair.score < MIN_HEADING_SIMILARITY) break;
    if (mapping.has(pair.section.path) || taken.has(pair.area.code)) continue;
    mapping.set(pair.section.path, pair.area.code);
    taken.add(pair.area.code);
  }
  return mapping;
}

/**
 * Thematic area of each section whose heading names one: top-level areas (TA1 ... TA7) are
 * matched with any section of the report, and sub-areas (TA3.1 ...) with the sub-sections of the
 * section matched with their parent. Matching compares headings with the area titles; neither
 * section letters nor paragraph numbers are assumed, so another year's report with its sections
 * in another order maps as well. Sections without a match are absent.
 */
export function mapSectionsToThematicAreas(sections: ReportSection[], areas: AreaForProposal[]): Record<string, string> {
  const codes = new Set(areas.map((area) => area.code));
  const topLevel = areas.filter((area) => area.parentCode === null || !codes.has(area.parentCode));
  const mapping = pairByHeading(sections, topLevel);
  for (const [path, code] of [...mapping]) {
    const children = sections.filter((section) => section.path.startsWith(`${path}.`) && !section.path.slice(path.length + 1).includes('.'));
    const subAreas = areas.filter((area) => area.parentCode === code);
    for (const [childPath, childCode] of pairByHeading(children, subAreas)) mapping.set(childPath, childCode);
  }
  return Object.fromEntries(mapping);
}

/** Area of a paragraph in `sectionPath`: its section's, or the nearest enclosing section's; null when none is mapped. */
export function thematicAreaOfSection(sectionPath: string, mapping: Record<string, string>): string | null {
  for (let path = sectionPath; path !== ''; path = path.slice(0, Math.max(path.lastIndexOf('.'), 0))) {
    const code = mapping[path];
    if (code) return code;
  }
  return null;
}
