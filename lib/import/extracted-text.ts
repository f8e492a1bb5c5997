// What text extracted from a UN document's PDF looks like, shared by the document parsers: page
// furniture and link lines to leave out, the rule that opens a footnote block, the punctuation
// that closes a block, line widths that tell a wrapped line from a short one, Chinese numerals.
import { lineWidth } from './text';

/** A trimmed, non-blank line of the text with its 1-based line number in the file. */
export type Line = { text: string; line: number };

// ---------------------------------------------------------------------------------------------
// Page furniture, link lines and footnote rules

// Page furniture: a line made only of these tokens, at least one of them a symbol, page number,
// job number or bar code ("A/RES/S-30/1", "3/25", "16-06812 5/25", "V.19-04764 (C) 150719 150719").
const DOCUMENT_SYMBOL = /^[A-Z]{1,2}(?:\/[A-Z0-9.-]+)+$/;
const PAGE_NUMBER = /^(\d{1,3})\/(\d{1,3})$/;
const JOB_NUMBER = /^(?:[A-Z]{1,2}\.)?\d{2}-\d{5}$/;
const BAR_CODE = /^\*\d{6,8}\*$/;
const LANGUAGE_TAG = /^\([A-Z]\)$/;
const PRINT_DATE = /^\d{6}$/;
/** The targets of a page's links, which extraction writes out as lines of their own. */
export const LINK_LINE = /^(?:https?:\/\/|www\.)\S+$/;
/** The rule of underscores above a page's footnotes. */
export const FOOTNOTE_RULE = /^_{5,}$/;

function isPageNumber(token: string): boolean {
  const match = PAGE_NUMBER.exec(token);
  return match !== null && Number(match[1]) <= Number(match[2]);
}

export function isPageFurniture(text: string): boolean {
  const tokens = text.split(/\s+/);
  const identifying = (token: string) => DOCUMENT_SYMBOL.test(token) || isPageNumber(token) || JOB_NUMBER.test(token) || BAR_CODE.test(token);
  return tokens.some(identifying) && tokens.every((token) => identifying(token) || LANGUAGE_TAG.test(token) || PRINT_DATE.test(token));
}

// ---------------------------------------------------------------------------------------------
// Punctuation and line shapes

export const TERMINAL_PUNCTUATION = '.;:!?。；：！？؛';
const CLOSERS_AT_END = /[\s"'”’»」』)\]）⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u;
// A footnote number glued after the punctuation ("issues;2", "drugs.3"), but not a symbol ("E/CN.7").
const FOOTNOTE_AFTER_PUNCTUATION = /([;:；：]|(?<=[\p{Ll}\p{Lo})”’"'])\.)\d{1,2}$/u;

export function lastCharacter(text: string): string {
  return text.replace(CLOSERS_AT_END, '').replace(FOOTNOTE_AFTER_PUNCTUATION, '$1').replace(CLOSERS_AT_END, '').at(-1) ?? '';
}

/** Ends a sentence or a clause that closes a block: . ; : and their CJK and Arabic forms. */
export function endsWithTerminal(text: string): boolean {
  const last = lastCharacter(text);
  return last !== '' && TERMINAL_PUNCTUATION.includes(last);
}

// A line ending like this continues on the next one, whatever that starts with.
const JOINER_AT_END = /[-‐‑/,，、(（“‘《[]$/u;
const CONNECTOR_AT_END = /(?:^|\s)(?:and|or|of|the|on|in|for|to|with|by|an?|at|from|including|as|et|ou|de|des|du|la|le|les|en|y|o|del|el|los|las|para|por|con)$/i;

/** A capital letter or a caseless letter (CJK, Arabic) may open a new block; a lower-case letter or a digit continues one. */
export function mayOpenBlock(text: string): boolean {
  return /^[\p{Lu}\p{Lo}]/u.test(text);
}

export type Layout = { isFull(text: string): boolean };

/** Share of the usual line width from which a line is "full", i.e. it was broken by the page edge. */
const FULL_LINE_SHARE = 0.75;

/**
 * The width of a full line, taken at the 95th percentile of line widths so that a few overlong
 * lines do not set it. A line well short of it ends its block; a full one was wrapped.
 */
export function measureLayout(lines: Line[]): Layout {
  const widths = lines.map((line) => lineWidth(line.text)).sort((a, b) => a - b);
  const fullWidth = widths.length === 0 ? 0 : widths[Math.floor((widths.length - 1) * 0.95)]!;
  return { isFull: (text) => lineWidth(text) >= fullWidth * FULL_LINE_SHARE };
}

/**
 * Whether `next` continues the open heading (or unknown block) that ends with `previous`.
 * `loose` also lets a full line continue: right for reading, but a chapter title whose last line
 * happens to be full then swallows the lead-in, which the strict reading avoids.
 */
export function continuesHeading(previous: string, next: string, layout: Layout, loose: boolean): boolean {
  if (previous === '') return true;
  if (endsWithTerminal(previous)) return false;
  if (loose && layout.isFull(previous)) return true;
  if (JOINER_AT_END.test(previous) || CONNECTOR_AT_END.test(previous)) return true;
  return !mayOpenBlock(next);
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const CHINESE_DIGITS = '一二三四五六七八九';

/** 一 to 九十九: a digit, or 十 with an optional digit on either side. */
export const CHINESE_NUMERAL = '[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?';

export function chineseNumber(numeral: string): number {
  const digit = (char: string | undefined) => (char === undefined ? 0 : CHINESE_DIGITS.indexOf(char) + 1);
  const ten = numeral.indexOf('十');
  if (ten === -1) return digit(numeral);
  return (ten === 0 ? 1 : digit(numeral[ten - 1])) * 10 + digit(numeral[ten + 1]);
}
