// What the import screens show of a text before it is saved: short excerpts, lists cut to a
// length a page can hold, and an instrument's items grouped under the chapters and sub-headings
// the parser found. Pure, and never used to decide what is imported.

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * The first words of a text, at most `maxWidth` wide (a Chinese character counts two, as it is
 * about twice as wide), cut at a word where words are spaced.
 */
export function firstWords(text: string, maxWidth = 90): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  let width = 0;
  let end = 0;
  for (const character of flat) {
    width += WIDE.test(character) ? 2 : 1;
    if (width > maxWidth) break;
    end += character.length;
  }
  if (end === flat.length) return flat;
  const cut = flat.slice(0, end);
  // Latin, Cyrillic and Arabic texts are cut at a space; Chinese has none, so anywhere will do.
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:，；：、]+$/u, '')}…`;
}

/** The first `limit` entries and how many were left out ("and N more"). */
export function capList<T>(list: readonly T[], limit: number): { shown: T[]; more: number } {
  return { shown: list.slice(0, limit), more: Math.max(0, list.length - limit) };
}

/** How many paragraphs, footnotes and line notes a dry run lists; the summary counts them all. */
export const DRY_RUN_LIMITS = { paragraphs: 200, footnotes: 100, lineNotes: 50 } as const;

type GroupedItem = { chapter: number | null; subheading: string | null };

export type PreviewRow<T extends GroupedItem> =
  | { kind: 'chapter'; number: number; title: string | null }
  | { kind: 'subheading'; text: string }
  | { kind: 'item'; item: T };

/**
 * The items in order, with a row for each chapter and sub-heading where it starts, so that a
 * person checking the preview sees the structure the parser found ("1. Demo heading").
 */
export function previewRows<T extends GroupedItem>(items: readonly T[], chapters: readonly { number: number; title: string }[]): PreviewRow<T>[] {
  const titles = new Map(chapters.map((chapter) => [chapter.number, chapter.title]));
  const rows: PreviewRow<T>[] = [];
  let chapter: number | null = null;
  let subheading: string | null = null;
  for (const item of items) {
    if (item.chapter !== null && item.chapter !== chapter) {
      rows.push({ kind: 'chapter', number: item.chapter, title: titles.get(item.chapter) ?? null });
      subheading = null;
    }
    chapter = item.chapter;
    if (item.subheading !== null && item.subheading !== subheading) rows.push({ kind: 'subheading', text: item.subheading });
    subheading = item.subheading;
    rows.push({ kind: 'item', item });
  }
  return rows;
}

/** Distinct sub-headings, counted where they start (the same heading in two chapters counts twice). */
export function countSubheadings(items: readonly GroupedItem[]): number {
  return previewRows(items, []).filter((row) => row.kind === 'subheading').length;
}

/** A title short enough for a drop-down option; the whole title goes in the option's `title`. */
export function shortTitle(title: string, maxWidth = 48): string {
  return firstWords(title, maxWidth);
}
