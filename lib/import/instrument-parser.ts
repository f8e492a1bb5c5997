// Reads an instrument's text, as copied from the official PDF, into chapters and trackable
// items. Pure: no database, no I/O. The text is official wording, so the parser never
// rewrites it: it only undoes line breaks, leaves out page furniture and footnotes, and says
// (with a warning) whatever it could not place, rather than guessing.
//
// Layouts read:
// - outcome documents (UNGASS 2016): title, unnumbered preamble, numbered chapters whose titles
//   may wrap ("1. Operational recommendations on ..."), an optional lead-in, optional
//   sub-headings, lettered items (a) ... (z), (aa), (bb) ... cited "1(a)";
// - General Assembly resolutions: title, preambular paragraphs, numbered operative paragraphs
//   with optional lettered sub-items, cited "para. 5" and "para. 5(b)".
// Each language's texts letter and number as its official documents do: "(a)" in English and
// Chinese ("（a）"), "a)" in French and Spanish, "a)" or "а)", "б)" in Russian, "(أ)", "(ب)" in
// Arabic, whose paragraphs are numbered "1 - ". An item is cited by the key's Latin letter at the
// same place in the sequence ("б)" and "(ب)" are "(b)"), so that every language's text of an
// item attaches to the same commitment.
//
// How a block is recognised (blank lines carry no meaning: extraction inserts them anywhere):
// - chapter: a numbered block ("1." or 一、/一.) whose heading does not end with terminal
//   punctuation and that is followed by lettered items, a lead-in or a sub-heading;
// - operative paragraph: any other numbered block. A paragraph with sub-items is an item too
//   ("para. 5", its lead-in wording), because people cite the paragraph as a whole as well;
// - lead-in: text after a chapter title that ends with terminal punctuation, before the first
//   item or sub-heading. It introduces the recommendations and is not one: it is left out;
// - sub-heading: an open (unpunctuated) block that follows a chapter title or a finished item
//   and precedes a lettered item (or, in resolutions, a numbered paragraph);
// - a heading line ends where a line is short and the next one could open a block (a capital
//   letter, or any CJK character); a lower-case start or a dangling "and", hyphen or comma
//   means the line wraps.
// Footnote markers glued to words ("drugs2", "drugs²") are left in the text: they are part of
// what was printed, and removing digits from official wording could remove real ones.
import {
  CHINESE_NUMERAL,
  FOOTNOTE_RULE,
  LINK_LINE,
  TERMINAL_PUNCTUATION,
  chineseNumber,
  continuesHeading,
  endsWithTerminal,
  isPageFurniture,
  lastCharacter,
  mayOpenBlock,
  measureLayout,
  type Layout,
  type Line,
} from './extracted-text';
import { LANGUAGE_NAMES, OFFICIAL_LANGUAGES, SCRIPT_NAMES, exceedsBytes, foreignScript, type OfficialLanguage, type ParseErrorValues } from './input-checks';
import { joinLines, normalizeText } from './text';

export const INSTRUMENT_LANGUAGES = OFFICIAL_LANGUAGES;
export type InstrumentLanguage = OfficialLanguage;

export const INSTRUMENT_PARSE_ERROR_CODES = ['empty', 'too-large', 'not-an-instrument', 'language-mismatch', 'unsupported-language'] as const;
export type InstrumentParseErrorCode = (typeof INSTRUMENT_PARSE_ERROR_CODES)[number];

export const INSTRUMENT_WARNING_CODES = [
  'lettering-gap',
  'lettering-repeat',
  'empty-item',
  'chapter-gap',
  'paragraph-gap',
  'unknown-layout',
  'script-mismatch',
] as const;
export type InstrumentWarningCode = (typeof INSTRUMENT_WARNING_CODES)[number];

/** Largest text accepted, in UTF-8 bytes. */
export const MAX_INSTRUMENT_BYTES = 5 * 1024 * 1024;

export type ParsedChapter = { number: number; title: string };

export type ParsedItem = {
  /** As people cite it: "1(a)" for chapter items, "para. 5" or "para. 5(b)" for operative paragraphs. */
  reference: string;
  chapter: number | null;
  subheading: string | null;
  text: string;
  paragraph: number | null;
  letter: string | null;
  /** Line of the item's number or letter in the text (1-based). */
  line: number;
};

export type ParseWarning = { code: InstrumentWarningCode; message: string; line: number | null; reference: string | null };

export type ParsedInstrument = {
  code: string;
  language: InstrumentLanguage;
  title: string | null;
  /** Unnumbered paragraphs before the first chapter or operative paragraph; not commitments. */
  preamble: string[];
  chapters: ParsedChapter[];
  items: ParsedItem[];
  warnings: ParseWarning[];
};

/** A problem that makes the whole text unusable; `code` names the message the interface shows. */
export class InstrumentParseError extends Error {
  readonly code: InstrumentParseErrorCode;
  /** Items concerned, when there are any (the first items in another language). */
  readonly references: string[];
  /** What the interface's message needs to say the problem in the reader's language (language codes, counts). */
  readonly values: ParseErrorValues;
  /** The message that words it: a text in the wrong script and a text mixing languages are said differently. */
  readonly messageKey: InstrumentParseErrorCode | 'mixed-languages';

  constructor(code: InstrumentParseErrorCode, message: string, references: string[] = [], values: ParseErrorValues = {}) {
    super(message);
    this.name = 'InstrumentParseError';
    this.code = code;
    this.references = references;
    this.values = values;
    this.messageKey = code === 'language-mismatch' && references.length > 0 ? 'mixed-languages' : code;
  }
}

export function parseInstrument(text: string, options: { code: string; language: string }): ParsedInstrument {
  const language = supportedLanguage(options.language);
  if (exceedsBytes(text, MAX_INSTRUMENT_BYTES)) {
    throw new InstrumentParseError('too-large', `The text is larger than ${MAX_INSTRUMENT_BYTES / 1024 / 1024} MB.`);
  }
  const normalized = normalizeText(text);
  if (normalized.trim() === '') throw new InstrumentParseError('empty', 'The text is empty.');
  checkDocumentScript(normalized, language);

  const lines = contentLines(normalized, language);
  const layout = measureLayout(lines);
  const split = splitUnits(lines, language);
  const front = readFrontMatter(split.front, layout);
  const body = new BodyReader(split.units, layout).read();
  if (body.items.length === 0) {
    throw new InstrumentParseError(
      'not-an-instrument',
      'No numbered chapter with lettered items and no numbered operative paragraph was found.',
    );
  }
  const scriptWarnings = checkItemScripts(body.items, language);
  return {
    code: options.code,
    language,
    title: front.title,
    preamble: front.preamble,
    chapters: body.chapters,
    items: body.items,
    warnings: sortWarnings([...split.warnings, ...body.warnings, ...scriptWarnings]),
  };
}

// ---------------------------------------------------------------------------------------------
// Input checks

function supportedLanguage(language: string): InstrumentLanguage {
  const found = INSTRUMENT_LANGUAGES.find((supported) => supported === language);
  if (!found) {
    throw new InstrumentParseError(
      'unsupported-language',
      `"${language}" is not one of the six official languages of the United Nations (${INSTRUMENT_LANGUAGES.join(', ')}).`,
    );
  }
  return found;
}

function checkDocumentScript(text: string, language: InstrumentLanguage) {
  const script = foreignScript(text, language);
  if (script) {
    throw new InstrumentParseError(
      'language-mismatch',
      `The text was declared as ${LANGUAGE_NAMES[language]} (${language}), but most of its letters are ${SCRIPT_NAMES[script]}.`,
      [],
      { language, script },
    );
  }
}

/** Items shorter than this (in letters) are not judged: a symbol or a name proves nothing. */
const MIN_LETTERS_TO_JUDGE = 8;
/** From this share of items in another script on, the text mixes languages; below it, each is a warning. */
const MIXED_LANGUAGE_SHARE = 0.1;
const REFERENCES_NAMED = 5;

function checkItemScripts(items: ParsedItem[], language: InstrumentLanguage): ParseWarning[] {
  const foreign = items.filter((item) => letterCount(item.text) >= MIN_LETTERS_TO_JUDGE && foreignScript(item.text, language) !== null);
  if (foreign.length === 0) return [];
  const references = foreign.map((item) => item.reference);
  if (foreign.length >= items.length * MIXED_LANGUAGE_SHARE) {
    const named = references.slice(0, REFERENCES_NAMED).join(', ') + (references.length > REFERENCES_NAMED ? ', ...' : '');
    throw new InstrumentParseError(
      'language-mismatch',
      `The text mixes languages: ${foreign.length} of ${items.length} items are not in ${LANGUAGE_NAMES[language]} (${named}).`,
      references,
      { language, foreign: foreign.length, total: items.length, references: named },
    );
  }
  return foreign.map((item) => ({
    code: 'script-mismatch',
    message: `Item ${item.reference} does not appear to be in ${LANGUAGE_NAMES[language]}.`,
    line: item.line,
    reference: item.reference,
  }));
}

function letterCount(text: string): number {
  return text.length - text.replace(/\p{L}/gu, '').length;
}

// ---------------------------------------------------------------------------------------------
// Lines: page furniture and footnotes left out

// Arabic texts number their footnotes in parentheses: "(1) ...".
const FOOTNOTE_START = /^(?:\d{1,3}|[(（][\d٠-٩]{1,3}[)）]|[*†‡§]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s+\S/u;

type FootnoteState = 'outside' | 'after-rule' | 'open-footnote' | 'closed-footnote';

/**
 * Non-blank lines that carry the document's own text, trimmed, with their line numbers.
 * A footnote block starts at a rule of underscores and holds footnotes (lines opening with a
 * number or a mark) and their wrapped lines; it ends at the first other line once its last
 * footnote is punctuated, at a structural line, or at page furniture (the footer follows the
 * footnotes), so that an item interrupted by a page break continues after it.
 */
function contentLines(normalized: string, language: InstrumentLanguage): Line[] {
  const lines: Line[] = [];
  let footnotes: FootnoteState = 'outside';
  normalized.split('\n').forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || LINK_LINE.test(text)) return;
    if (isPageFurniture(text)) {
      footnotes = 'outside';
      return;
    }
    if (FOOTNOTE_RULE.test(text)) {
      footnotes = 'after-rule';
      return;
    }
    if (footnotes !== 'outside' && belongsToFootnotes(text, footnotes, language)) {
      footnotes = endsWithTerminal(text) ? 'closed-footnote' : 'open-footnote';
      return;
    }
    footnotes = 'outside';
    lines.push({ text, line: index + 1 });
  });
  return lines;
}

function belongsToFootnotes(text: string, state: FootnoteState, language: InstrumentLanguage): boolean {
  if (FOOTNOTE_START.test(text)) return true;
  return state === 'open-footnote' && readNumbered(text, language) === null && readLettered(text, language) === null;
}

// ---------------------------------------------------------------------------------------------
// Punctuation and line shapes

const PARAGRAPH_END_PUNCTUATION = TERMINAL_PUNCTUATION + ',，،';
/** Preambular paragraphs of resolutions end with a comma ("Recalling ...,"). */
function endsParagraph(text: string): boolean {
  const last = lastCharacter(text);
  return last !== '' && PARAGRAPH_END_PUNCTUATION.includes(last);
}

/** A heading or an unknown block starts with a capital or caseless letter, or a digit. */
function mayStartHeading(text: string): boolean {
  return /^[\p{Lu}\p{Lo}\p{N}]/u.test(text);
}

/** Number of leading lines that form one heading. */
function headingLength(lines: Line[], layout: Layout, loose: boolean): number {
  let length = 1;
  while (length < lines.length && continuesHeading(lines[length - 1]!.text, lines[length]!.text, layout, loose)) length++;
  return length;
}

/**
 * Where an open heading at the end of `lines` starts (at `from` or later), or null: the text
 * before it must end with terminal punctuation (a finished item or lead-in), the heading itself
 * must not, and every line of it must continue the one before.
 */
function findTrailingHeading(lines: Line[], from: number, layout: Layout): number | null {
  const last = lines.length - 1;
  if (last < from || endsWithTerminal(lines[last]!.text)) return null;
  let start: number | null = null;
  for (let k = last; k >= from; k--) {
    if (k < last && !continuesHeading(lines[k]!.text, lines[k + 1]!.text, layout, true)) break;
    const afterFinishedText = k === 0 || endsWithTerminal(lines[k - 1]!.text);
    if (mayStartHeading(lines[k]!.text) && afterFinishedText) start = k;
  }
  return start;
}

function texts(lines: Line[]): string[] {
  return lines.map((line) => line.text);
}

// ---------------------------------------------------------------------------------------------
// Markers: numbers and letters at the start of a line

type NumberedMarker = { kind: 'numbered'; number: number; numeral: 'arabic' | 'chinese' };
/** `letter` is the key's Latin letter at the same place in the sequence ("б)" and "(ب)" are "b"). */
type LetteredMarker = { kind: 'lettered'; letter: string; index: number; romanLike: boolean };
type Marker = NumberedMarker | LetteredMarker;
type MarkedLine<M extends Marker> = { marker: M; rest: string };

const DIGITS = '0-9０-９٠-٩۰-۹';
const ARABIC_NUMBERED = new RegExp(`^([${DIGITS}]{1,3})[.．、](?![${DIGITS}])\\s*(.*)$`, 'u');
// Arabic texts number paragraphs and chapters "1 - " (or "١ - "), with a dash.
const DASH_NUMBERED = new RegExp(`^([${DIGITS}]{1,3})\\s*[-–]\\s+(.*)$`, 'u');
const CHINESE_NUMBERED = new RegExp(`^(${CHINESE_NUMERAL})[、.．]\\s*(.*)$`, 'u');

// The letters items are lettered with, in each alphabet's order. Russian texts letter а) б) в) ...
// leaving out ё, й, ъ, ы, ь; Arabic texts letter (أ) (ب) (ج) (د) (هـ) ... in the abjad order.
const LATIN_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const CYRILLIC_LETTERS = [...'абвгдежзиклмнопрстуфхцчшщэюя'];
const ARABIC_LETTERS = [...'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ'];
// How Arabic letters may also be typed or extracted: hamza-less alif, dotless yā', and hā' with
// its tatweel (هـ) or without.
const ARABIC_LETTER_FORMS: Record<string, string> = { ا: 'أ', إ: 'أ', آ: 'أ', ى: 'ي' };

type Lettering = { pattern: RegExp; alphabet: readonly string[]; script: 'latin' | 'other' };
const LATIN_IN_PARENTHESES: Lettering = { pattern: /^[(（](([a-z])\2?)[)）]\s*(.*)$/u, alphabet: LATIN_LETTERS, script: 'latin' };
// French, Spanish and Russian texts letter items "a)", without the opening parenthesis.
const LATIN_CLOSING_ONLY: Lettering = { pattern: /^(([a-z])\2?)\)\s+(.*)$/u, alphabet: LATIN_LETTERS, script: 'latin' };
const CYRILLIC: Lettering = { pattern: /^[(（]?(([а-я])\2?)[)）]\s+(.*)$/u, alphabet: CYRILLIC_LETTERS, script: 'other' };
const ARABIC: Lettering = { pattern: /^[(（]\s*([\p{Script=Arabic}\u0640]{1,2}(?:\s?[\p{Script=Arabic}\u0640]{1,2})?)\s*[)）]\s*(.*)$/u, alphabet: ARABIC_LETTERS, script: 'other' };

/** The lettering styles each language's texts use, tried in this order. */
const LETTERINGS: Record<InstrumentLanguage, readonly Lettering[]> = {
  en: [LATIN_IN_PARENTHESES],
  zh: [LATIN_IN_PARENTHESES],
  fr: [LATIN_IN_PARENTHESES, LATIN_CLOSING_ONLY],
  es: [LATIN_IN_PARENTHESES, LATIN_CLOSING_ONLY],
  ru: [LATIN_IN_PARENTHESES, LATIN_CLOSING_ONLY, CYRILLIC],
  ar: [LATIN_IN_PARENTHESES, ARABIC],
};
// Lettering in an alphabet the declared language does not letter with is reported, not guessed.
const UNREAD_LETTERING = /^[(（]?[\p{Script=Cyrillic}\p{Script=Arabic}]{1,2}[)）]\s/u;
// Roman numerals that look like letters: sub-items (i), (ii) ... of an item, not items.
const ROMAN_LIKE_LETTERS: ReadonlySet<string> = new Set(['i', 'ii', 'v', 'x', 'xx']);

function readNumbered(text: string, language: InstrumentLanguage): MarkedLine<NumberedMarker> | null {
  const arabic = ARABIC_NUMBERED.exec(text) ?? (language === 'ar' ? DASH_NUMBERED.exec(text) : null);
  if (arabic) {
    return { marker: { kind: 'numbered', number: Number(westernDigits(arabic[1]!)), numeral: 'arabic' }, rest: arabic[2]! };
  }
  const chinese = CHINESE_NUMBERED.exec(text);
  if (chinese) {
    return { marker: { kind: 'numbered', number: chineseNumber(chinese[1]!), numeral: 'chinese' }, rest: chinese[2]! };
  }
  return null;
}

/** Full-width (２７), Arabic-Indic (٢٧) and Persian (۲۷) digits as 0-9. */
function westernDigits(digits: string): string {
  return digits
    .replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10))
    .replace(/[٠-٩۰-۹]/gu, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/** Position in a sequence such as a ... z, aa, bb ... zz (1-based); null when it is not one of its letters. */
function positionIn(alphabet: readonly string[], letters: readonly string[]): number | null {
  if (letters.length === 0 || letters.length > 2 || letters.some((letter) => letter !== letters[0])) return null;
  const at = alphabet.indexOf(letters[0]!);
  return at === -1 ? null : (letters.length - 1) * alphabet.length + at + 1;
}

function letterAt(index: number): string {
  return String.fromCharCode(96 + ((index - 1) % 26) + 1).repeat(Math.floor((index - 1) / 26) + 1);
}

function readLettered(text: string, language: InstrumentLanguage): MarkedLine<LetteredMarker> | null {
  for (const lettering of LETTERINGS[language]) {
    const match = lettering.pattern.exec(text);
    if (!match) continue;
    const letters = [...match[1]!.replace(/[\s\u0640]/gu, '')].map((letter) => ARABIC_LETTER_FORMS[letter] ?? letter);
    const index = positionIn(lettering.alphabet, letters);
    if (index === null) continue;
    const letter = letterAt(index);
    const romanLike = lettering.script === 'latin' && ROMAN_LIKE_LETTERS.has(letter);
    return { marker: { kind: 'lettered', letter, index, romanLike }, rest: match.at(-1)! };
  }
  return null;
}

/** A numbered or lettered block with its lines; the first line holds the text after the marker. */
type Unit = { marker: Marker; line: number; lines: Line[] };

/** Chinese-numeral headings (一、) and arabic numbers (1.) run in separate sequences. */
type MarkerState = { previous: string; lastNumber: Record<NumberedMarker['numeral'], number>; lastLetter: number; romanRun: boolean };

/**
 * A number at a line start is a marker only after finished text or when it is the next number:
 * otherwise it is a wrapped line that happens to start with a number.
 */
function startsNumberedBlock(marker: NumberedMarker, state: MarkerState): boolean {
  return state.previous === '' || endsWithTerminal(state.previous) || marker.number === state.lastNumber[marker.numeral] + 1;
}

/**
 * The marker a line starts with, if it starts a block. A roman-looking letter is a sub-item,
 * kept inside its item's text, when it is not the next letter and follows a colon or another
 * roman sub-item; `state.romanRun` records that run.
 */
function readMarker(text: string, language: InstrumentLanguage, state: MarkerState): MarkedLine<Marker> | null {
  const numbered = readNumbered(text, language);
  if (numbered && startsNumberedBlock(numbered.marker, state)) return numbered;
  const lettered = readLettered(text, language);
  if (!lettered) return null;
  const { letter, index, romanLike } = lettered.marker;
  const romanSubItem =
    index !== state.lastLetter + 1 &&
    romanLike &&
    (state.romanRun || (letter === 'i' && /[:：]$/u.test(state.previous)));
  if (romanSubItem) {
    state.romanRun = true;
    return null;
  }
  return lettered;
}

function advanceMarkerState(state: MarkerState, marker: Marker) {
  state.romanRun = false;
  if (marker.kind === 'numbered') {
    state.lastNumber[marker.numeral] = marker.number;
    state.lastLetter = 0;
  } else {
    state.lastLetter = Math.max(state.lastLetter, marker.index);
  }
}

/** Splits the lines into the front matter (before the first marker) and the numbered and lettered units. */
function splitUnits(lines: Line[], language: InstrumentLanguage): { front: Line[]; units: Unit[]; warnings: ParseWarning[] } {
  const front: Line[] = [];
  const units: Unit[] = [];
  const warnings: ParseWarning[] = [];
  const state: MarkerState = { previous: '', lastNumber: { arabic: 0, chinese: 0 }, lastLetter: 0, romanRun: false };
  for (const line of lines) {
    const marked = readMarker(line.text, language, state);
    if (marked) {
      advanceMarkerState(state, marked.marker);
      units.push({ marker: marked.marker, line: line.line, lines: [{ text: marked.rest, line: line.line }] });
    } else {
      if (UNREAD_LETTERING.test(line.text)) {
        warnings.push(unknownLayout(line.line, `Items lettered in this alphabet are not read in a text in ${LANGUAGE_NAMES[language]}; the line was read as part of the text before it.`));
      }
      (units.at(-1)?.lines ?? front).push(line);
    }
    state.previous = line.text;
  }
  return { front, units, warnings };
}

// ---------------------------------------------------------------------------------------------
// Front matter: title and preamble

// "73/192. International cooperation ..." and "S-30/1. Our joint commitment ...".
const RESOLUTION_NUMBER = /^(?:[A-Z]+-)?\d+\/\d+\.\s+/;

/**
 * Blocks of the front matter. After a full stop, semicolon or colon a line that may open a block
 * opens one; after a comma (preambular paragraphs of resolutions end with one) only when the
 * line before is short, because a comma at the end of a full line is usually mid-sentence. A
 * resolution's numbered title ("73/192. ...") always opens a block. An open line continues as
 * headings do.
 */
function continuesFrontBlock(previous: string, next: string, layout: Layout): boolean {
  if (RESOLUTION_NUMBER.test(next)) return false;
  if (endsWithTerminal(previous)) return !mayOpenBlock(next);
  if (endsParagraph(previous)) return layout.isFull(previous) || !mayOpenBlock(next);
  return continuesHeading(previous, next, layout, true);
}

function frontBlocks(front: Line[], layout: Layout): Line[][] {
  const blocks: Line[][] = [];
  for (const line of front) {
    const block = blocks.at(-1);
    if (block && continuesFrontBlock(block.at(-1)!.text, line.text, layout)) block.push(line);
    else blocks.push([line]);
  }
  return blocks;
}

/**
 * The title is the open heading just before the first paragraph (or the last heading when there
 * is no preamble); headings before it are the cover page (organ, session, agenda item) and are
 * left out. Everything after the title is preamble.
 */
function readFrontMatter(front: Line[], layout: Layout): { title: string | null; preamble: string[] } {
  const blocks = frontBlocks(front, layout);
  const firstParagraph = blocks.findIndex((block) => endsParagraph(block.at(-1)!.text));
  const titleIndex = (firstParagraph === -1 ? blocks.length : firstParagraph) - 1;
  return {
    title: titleIndex >= 0 ? joinLines(texts(blocks[titleIndex]!)).replace(RESOLUTION_NUMBER, '') : null,
    preamble: blocks.slice(titleIndex + 1).map((block) => joinLines(texts(block))),
  };
}

// ---------------------------------------------------------------------------------------------
// Body: chapters, operative paragraphs, lettered items

type NumberedReading = { kind: 'chapter'; titleLength: number } | { kind: 'paragraph' };

/** First reading of a numbered block; `titleIfChapter` is set when the document must decide. */
type FirstReading = { number: number; reading: NumberedReading; titleIfChapter: number | null };

/**
 * Chapter or operative paragraph (see the file comment). Chinese numerals (一、) number
 * headings only. A block followed by items whose strict heading is open may still be a chapter
 * whose title's last line happened to be full, so that the loose heading ran into the lead-in.
 */
function readNumberedUnit(unit: Unit, marker: NumberedMarker, next: Unit | undefined, layout: Layout): FirstReading {
  const followedByItems = next?.marker.kind === 'lettered';
  const chapter = (titleLength: number): FirstReading => ({ number: marker.number, reading: { kind: 'chapter', titleLength }, titleIfChapter: null });
  const loose = headingLength(unit.lines, layout, true);
  const looseOpen = !endsWithTerminal(unit.lines[loose - 1]!.text);
  if (looseOpen && (loose < unit.lines.length || followedByItems)) return chapter(loose);
  const strict = headingLength(unit.lines, layout, false);
  const strictOpen = !endsWithTerminal(unit.lines[strict - 1]!.text);
  if (marker.numeral === 'chinese') return chapter(strictOpen ? strict : 1);
  return { number: marker.number, reading: { kind: 'paragraph' }, titleIfChapter: followedByItems && strictOpen ? strict : null };
}

/**
 * Readings of the numbered units (null for lettered ones). In a document that has chapters, a
 * block read as a paragraph becomes a chapter when it could be one and carries the next chapter
 * number; in a resolution, where paragraphs with sub-items look the same, nothing changes.
 */
function readNumberedUnits(units: Unit[], layout: Layout): (NumberedReading | null)[] {
  const first = units.map((unit, i) => (unit.marker.kind === 'numbered' ? readNumberedUnit(unit, unit.marker, units[i + 1], layout) : null));
  if (!first.some((entry) => entry?.reading.kind === 'chapter')) return first.map((entry) => entry?.reading ?? null);
  let lastChapter = 0;
  return first.map((entry) => {
    if (!entry) return null;
    const promoted = entry.reading.kind === 'paragraph' && entry.titleIfChapter !== null && entry.number === lastChapter + 1;
    const reading: NumberedReading = promoted ? { kind: 'chapter', titleLength: entry.titleIfChapter! } : entry.reading;
    if (reading.kind === 'chapter') lastChapter = entry.number;
    return reading;
  });
}

function unknownLayout(line: number | null, message: string): ParseWarning {
  return { code: 'unknown-layout', message, line, reference: null };
}

class BodyReader {
  private readonly readings: (NumberedReading | null)[];
  private readonly chapters: ParsedChapter[] = [];
  private readonly items: ParsedItem[] = [];
  private readonly warnings: ParseWarning[] = [];
  private chapter: number | null = null;
  private paragraph: number | null = null;
  private subheading: string | null = null;
  private lastLetter = 0;
  private lastChapter = 0;
  private lastParagraph = 0;

  constructor(
    private readonly units: Unit[],
    private readonly layout: Layout,
  ) {
    this.readings = readNumberedUnits(units, layout);
  }

  read(): { chapters: ParsedChapter[]; items: ParsedItem[]; warnings: ParseWarning[] } {
    this.units.forEach((unit, i) => {
      const reading = this.readings[i];
      if (unit.marker.kind === 'lettered') this.readLettered(unit, unit.marker, i);
      else if (reading?.kind === 'chapter') this.readChapter(unit, unit.marker, reading.titleLength, i);
      else this.readParagraph(unit, unit.marker, i);
    });
    return { chapters: this.chapters, items: this.items, warnings: this.warnings };
  }

  private readChapter(unit: Unit, marker: NumberedMarker, titleLength: number, index: number) {
    if (marker.number !== this.lastChapter + 1) {
      const after = this.lastChapter === 0 ? 'is the first chapter' : `follows chapter ${this.lastChapter}`;
      this.warn('chapter-gap', `Chapter ${marker.number} ${after}; chapters are numbered 1, 2, 3 ... in sequence.`, unit.line, null);
    }
    this.lastChapter = marker.number;
    this.chapters.push({ number: marker.number, title: joinLines(texts(unit.lines.slice(0, titleLength))) });
    this.chapter = marker.number;
    this.paragraph = null;
    this.subheading = null;
    this.lastLetter = 0;

    // What follows the title: a lead-in (left out, it introduces the items), a sub-heading, or both.
    const rest = unit.lines.slice(titleLength);
    if (rest.length === 0) return;
    const headingStart = findTrailingHeading(rest, 0, this.layout);
    if (headingStart !== null) this.placeHeading(rest.slice(headingStart), index);
    else if (!endsWithTerminal(rest.at(-1)!.text)) {
      this.warnings.push(unknownLayout(rest[0]!.line, `Text after the title of chapter ${marker.number} is neither a lead-in nor a sub-heading; it was left out.`));
    }
  }

  private readParagraph(unit: Unit, marker: NumberedMarker, index: number) {
    const reference = `para. ${marker.number}`;
    if (marker.number !== this.lastParagraph + 1) {
      const after = this.lastParagraph === 0 ? 'is the first paragraph' : `follows paragraph ${this.lastParagraph}`;
      this.warn('paragraph-gap', `Paragraph ${marker.number} ${after}; paragraphs are numbered 1, 2, 3 ... in sequence.`, unit.line, reference);
    }
    this.lastParagraph = marker.number;
    this.paragraph = marker.number;
    this.lastLetter = 0;
    this.addItem(unit, reference, null, index);
  }

  private readLettered(unit: Unit, marker: LetteredMarker, index: number) {
    if (this.chapter === null && this.paragraph === null) {
      this.warnings.push(unknownLayout(unit.line, `Item (${marker.letter}) is not inside a chapter or a numbered paragraph; it was left out.`));
      return;
    }
    const reference = this.paragraph !== null ? `para. ${this.paragraph}(${marker.letter})` : `${this.chapter}(${marker.letter})`;
    this.checkLettering(marker, reference, unit.line);
    this.addItem(unit, reference, marker.letter, index);
  }

  private checkLettering(marker: LetteredMarker, reference: string, line: number) {
    const where = this.paragraph !== null ? `paragraph ${this.paragraph}` : `chapter ${this.chapter}`;
    if (marker.index > this.lastLetter + 1) {
      const missing = this.lastLetter + 1 === marker.index - 1 ? `(${letterAt(this.lastLetter + 1)}) is` : `(${letterAt(this.lastLetter + 1)}) to (${letterAt(marker.index - 1)}) are`;
      this.warn('lettering-gap', `In ${where}, ${missing} missing before (${marker.letter}).`, line, reference);
    } else if (marker.index <= this.lastLetter) {
      const last = letterAt(this.lastLetter);
      const repeat = last === marker.letter ? `(${marker.letter}) appears twice in a row` : `(${marker.letter}) comes again after (${last})`;
      this.warn('lettering-repeat', `In ${where}, ${repeat}.`, line, reference);
    }
    this.lastLetter = Math.max(this.lastLetter, marker.index);
  }

  /** Adds the unit as an item; an open heading at its end is not its text but what comes next. */
  private addItem(unit: Unit, reference: string, letter: string | null, index: number) {
    const headingStart = findTrailingHeading(unit.lines, 1, this.layout);
    const text = joinLines(texts(unit.lines.slice(0, headingStart ?? unit.lines.length)));
    if (text === '') this.warn('empty-item', `Item ${reference} has no text.`, unit.line, reference);
    this.items.push({ reference, chapter: this.chapter, subheading: this.subheading, text, paragraph: this.paragraph, letter, line: unit.line });
    if (headingStart !== null) this.placeHeading(unit.lines.slice(headingStart), index);
  }

  /** A heading before items (or, in a resolution, before paragraphs) is their sub-heading; anywhere else it is unknown. */
  private placeHeading(lines: Line[], index: number) {
    const next = this.units[index + 1];
    const nextIsItem = next?.marker.kind === 'lettered';
    const nextIsParagraph = next?.marker.kind === 'numbered' && this.readings[index + 1]?.kind === 'paragraph';
    if (nextIsItem || nextIsParagraph) this.subheading = joinLines(texts(lines));
    else this.warnings.push(unknownLayout(lines[0]!.line, `"${joinLines(texts(lines))}" is not followed by items, so it cannot be a sub-heading; it was left out.`));
  }

  private warn(code: InstrumentWarningCode, message: string, line: number, reference: string | null) {
    this.warnings.push({ code, message, line, reference });
  }
}

/** Warnings in the order of the text; stable, so the output is deterministic. */
function sortWarnings(warnings: ParseWarning[]): ParseWarning[] {
  return [...warnings].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}
