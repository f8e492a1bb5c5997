// What a search result shows of a long text: the part around the first match, with every match
// marked. Case is ignored as the search ignores it (ILIKE); the text itself is never changed.

export type HighlightedText = {
  parts: { text: string; match: boolean }[];
  /** Text was left out before the first part, or after the last. */
  clippedStart: boolean;
  clippedEnd: boolean;
};

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` cut to about `length` characters around the first match of `words` (starting
 * `before` characters ahead of it, at a word's start where there is one), split into matched
 * and unmatched parts.
 */
export function highlightMatches(text: string, words: string, { length = 320, before = 60 } = {}): HighlightedText {
  const query = words.trim();
  const pattern = query ? new RegExp(escape(query), 'giu') : null;
  const first = pattern ? text.search(pattern) : -1;
  let start = first > before ? first - before : 0;
  if (start > 0) {
    // Start at a word's beginning when one is near (Chinese has no spaces: start where we are).
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  const end = Math.min(text.length, Math.max(start + length, first + query.length));
  const shown = text.slice(start, end);
  const parts: HighlightedText['parts'] = [];
  let at = 0;
  if (pattern) {
    for (const found of shown.matchAll(pattern)) {
      if (found.index > at) parts.push({ text: shown.slice(at, found.index), match: false });
      parts.push({ text: found[0], match: true });
      at = found.index + found[0].length;
    }
  }
  if (at < shown.length) parts.push({ text: shown.slice(at), match: false });
  return { parts, clippedStart: start > 0, clippedEnd: end < text.length };
}

type Script = 'han' | 'latin' | 'cyrillic' | 'arabic';

const SCRIPT_OF_LANGUAGE: Record<string, Script> = { zh: 'han', en: 'latin', fr: 'latin', es: 'latin', ru: 'cyrillic', ar: 'arabic' };

/** The script the words are written in, or null for digits and symbols alone (a symbol, a number). */
export function scriptOf(words: string): Script | null {
  // A document symbol (A/74/129, E/CN.7/2019/15) is written alike in every language.
  if (/^[A-Z]+(?:\.\d+)?\/[\w./-]+$/i.test(words.trim())) return null;
  if (/\p{Script=Han}/u.test(words)) return 'han';
  if (/\p{Script=Cyrillic}/u.test(words)) return 'cyrillic';
  if (/\p{Script=Arabic}/u.test(words)) return 'arabic';
  if (/\p{Script=Latin}/u.test(words)) return 'latin';
  return null;
}

/**
 * Whether a search that found nothing was written in a script that none of the documents is in
 * (English words over Chinese reports): the reader is then told which languages to search in.
 */
export function searchedInAnotherScript(words: string, documentLanguages: readonly string[]): boolean {
  const script = scriptOf(words);
  if (!script || documentLanguages.length === 0) return false;
  return !documentLanguages.some((language) => SCRIPT_OF_LANGUAGE[language] === script);
}
