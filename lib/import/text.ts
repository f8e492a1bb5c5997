// Pure text helpers shared by the document parsers (instruments now, UN reports later). Text
// copied from an official PDF carries extraction artefacts: odd line breaks and spaces,
// invisible characters, and lines broken wherever the page edge fell. These helpers undo that
// without touching the wording.

const LINE_BREAKS = /\r\n|[\r\u000B\u0085\u2028\u2029]/g;
// A form feed at the start of a line is a page break that pdftotext glues to the next page's
// first line; dropping it (rather than turning it into a line) keeps line numbers as in the file.
const PAGE_BREAK_AT_LINE_START = /(^|\n)\f+/g;
const UNICODE_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Byte-order mark, zero-width space, word joiner and soft hyphen: invisible, never wording.
// ZWJ and ZWNJ (U+200C, U+200D) stay, because in Arabic script they change how letters join.
const INVISIBLES = /[\u00AD\u200B\u2060\uFEFF]/g;

/** Line breaks to LF, Unicode spaces to plain spaces, invisible characters removed, line ends trimmed. */
export function normalizeText(raw: string): string {
  return raw
    .replace(LINE_BREAKS, '\n')
    .replace(PAGE_BREAK_AT_LINE_START, '$1')
    .replace(/\f/g, '\n')
    .replace(INVISIBLES, '')
    .replace(UNICODE_SPACES, ' ')
    .replace(/ +$/gm, '');
}

const CJK_LETTERS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK_LETTER = new RegExp(CJK_LETTERS, 'u');
// CJK symbols and punctuation (、。「」…) and the full-width forms (（），：；).
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFFEF]/u;

/** Whether one character is written in a CJK script or is CJK (full-width) punctuation. */
export function isCjkChar(char: string): boolean {
  return CJK_LETTER.test(char) || CJK_PUNCTUATION.test(char);
}

/** Width of a line in columns: CJK characters take two, as on the printed page. */
export function lineWidth(line: string): number {
  let width = 0;
  for (const char of line) width += isCjkChar(char) ? 2 : 1;
  return width;
}

/** Hyphens kept at a line end: UN texts do not hyphenate words there, so a hyphen is part of a term. */
const LINE_END_HYPHEN = /[^\s][-\u2010\u2011]$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Joins lines broken by the page layout into one text, as the script requires:
 * - after a hyphen or a slash at a line end, nothing ("CUMYL-4CN-" + "BINACA", "E/CN.7/2019/" + "CRP.10");
 * - when the break touches CJK (a CJK character or CJK punctuation on either side, or a CJK
 *   character as the nearest letter before the trailing punctuation), nothing: Chinese has no
 *   spaces between words, and the spaces UN Chinese texts put around numbers ("第 73/192 号")
 *   are kept only inside a line, never across a break;
 * - otherwise one space.
 * Each line is trimmed and its runs of spaces collapse to one (extraction pads columns); empty lines are skipped.
 */
export function joinLines(lines: string[]): string {
  let joined = '';
  for (const raw of lines) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (line === '') continue;
    joined = joined === '' ? line : joined + separatorBetween(joined, line) + line;
  }
  return joined;
}

function separatorBetween(before: string, after: string): string {
  if (LINE_END_HYPHEN.test(before) || before.endsWith('/')) return '';
  const last = before.at(-1)!;
  const first = after[0]!;
  if (isCjkChar(last) || isCjkChar(first)) return '';
  if (isCjkChar(nearestLetterBefore(before)) || isCjkChar(nearestLetterAfter(after))) return '';
  return ' ';
}

/** The last letter or digit of a line's final word, looking past closing punctuation (“的”). */
function nearestLetterBefore(text: string): string {
  for (let i = text.length - 1; i >= 0 && text[i] !== ' '; i--) {
    if (LETTER_OR_DIGIT.test(text[i]!)) return text[i]!;
  }
  return '';
}

function nearestLetterAfter(text: string): string {
  for (let i = 0; i < text.length && text[i] !== ' '; i++) {
    if (LETTER_OR_DIGIT.test(text[i]!)) return text[i]!;
  }
  return '';
}

/** Letters per script, to check that a text is in the language it is said to be in. */
export type ScriptCounts = { cjk: number; latin: number; cyrillic: number; arabic: number };

// Each pattern matches the characters of one script (in these scripts nearly all are letters;
// digits and punctuation belong to no script); counting by removal runs in native code, which
// matters for texts of several megabytes. Characters outside the BMP count twice, which does not
// change a majority.
const SCRIPT_LETTERS: Record<keyof ScriptCounts, RegExp> = {
  cjk: new RegExp(CJK_LETTERS, 'gu'),
  latin: /\p{Script=Latin}/gu,
  cyrillic: /\p{Script=Cyrillic}/gu,
  arabic: /\p{Script=Arabic}/gu,
};

export function detectScript(text: string): ScriptCounts {
  const count = (pattern: RegExp) => text.length - text.replace(pattern, '').length;
  return {
    cjk: count(SCRIPT_LETTERS.cjk),
    latin: count(SCRIPT_LETTERS.latin),
    cyrillic: count(SCRIPT_LETTERS.cyrillic),
    arabic: count(SCRIPT_LETTERS.arabic),
  };
}
