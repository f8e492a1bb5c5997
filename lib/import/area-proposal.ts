// Proposes a thematic area for an imported item, for a person to confirm or change in the import
// preview. Pure: the areas are passed in. The proposal ranks areas by the words an item shares
// with their titles; it is a suggestion, never a decision.

export type AreaForProposal = { code: string; parentCode: string | null; titles: Record<string, string> };
export type AreaProposal = { code: string; score: number };
export type ItemForProposal = { chapterTitle: string | null; text: string; language: string };

/** UNGASS 2016 chapter n is thematic area TAn (the seven chapters define the seven areas). */
export function ungassArea(chapter: number): string | null {
  return Number.isInteger(chapter) && chapter >= 1 && chapter <= 7 ? `TA${chapter}` : null;
}

/** A chapter title says what its items are about more reliably than any one item's wording. */
const CHAPTER_TITLE_WEIGHT = 2;
const TEXT_WEIGHT = 1;
/** A sub-area is proposed only when it beats each of its siblings by this factor. */
const CLEAR_LEAD = 1.25;

// English function words, and words every area title shares; other languages keep all words.
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'including', 'into', 'is', 'it',
  'its', 'of', 'on', 'or', 'our', 'such', 'that', 'the', 'their', 'these', 'this', 'to', 'well', 'which',
  'while', 'with', 'within', 'other', 'related', 'issue',
]);

/** Light stemming, enough to match plurals: "substances" and "substance", "policies" and "policy". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Words of alphabetic scripts (lower-cased, stemmed, without stop words) and bigrams of Chinese characters. */
export function proposalTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const [run] of text.toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{M}]+/gu)) {
    if (/^\p{Script=Han}/u.test(run)) {
      const chars = [...run];
      if (chars.length === 1) tokens.add(run);
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
    } else if (!STOP_WORDS.has(run)) {
      const word = stem(run.replace(/'s$/, ''));
      if (!STOP_WORDS.has(word)) tokens.add(word);
    }
  }
  return tokens;
}

/** Token weights of an item: chapter-title words count more than words of the text. */
function itemWeights(item: ItemForProposal): Map<string, number> {
  const weights = new Map<string, number>();
  for (const token of proposalTokens(item.text)) weights.set(token, TEXT_WEIGHT);
  for (const token of proposalTokens(item.chapterTitle ?? '')) weights.set(token, CHAPTER_TITLE_WEIGHT);
  return weights;
}

/** Cosine of the weighted item tokens and the area-title tokens, so long titles are not favoured. */
function similarity(weights: Map<string, number>, areaTokens: Set<string>): number {
  if (weights.size === 0 || areaTokens.size === 0) return 0;
  let shared = 0;
  let norm = 0;
  for (const [token, weight] of weights) {
    norm += weight * weight;
    if (areaTokens.has(token)) shared += weight;
  }
  return shared / (Math.sqrt(norm) * Math.sqrt(areaTokens.size));
}

/** Area title in the item's language, or in English when the area has none in it. */
function areaTitle(area: AreaForProposal, language: string): string {
  return area.titles[language] ?? area.titles.en ?? '';
}

type Scored = { area: AreaForProposal; score: number; order: number };

function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || a.order - b.order;
}

/**
 * The best area for an item, or null when no title shares a word with it. Areas compete by
 * their best score, their own or a sub-area's; the winner's sub-area is proposed when it clearly
 * leads its siblings, the area itself otherwise. Ties go to the area listed first.
 */
export function proposeThematicArea(item: ItemForProposal, areas: AreaForProposal[]): AreaProposal | null {
  const weights = itemWeights(item);
  const scored: Scored[] = areas.map((area, order) => ({
    area,
    score: similarity(weights, proposalTokens(areaTitle(area, item.language))),
    order,
  }));
  const codes = new Set(areas.map((area) => area.code));
  const isTopLevel = (entry: Scored) => entry.area.parentCode === null || !codes.has(entry.area.parentCode);
  const childrenOf = (parent: Scored) => scored.filter((entry) => entry.area.parentCode === parent.area.code).sort(byScore);

  const ranked = scored
    .filter(isTopLevel)
    .map((entry) => ({ ...entry, score: Math.max(entry.score, childrenOf(entry)[0]?.score ?? 0) }))
    .sort(byScore);
  const winner = ranked[0];
  if (!winner || winner.score === 0) return null;

  const parent = scored[winner.order]!;
  const [first, second] = childrenOf(parent);
  const subArea = first && first.score > 0 && first.score >= CLEAR_LEAD * (second?.score ?? 0) ? first : null;
  // An area chosen for its sub-areas' words keeps their best score: its own may be nought.
  const score = subArea ? subArea.score : winner.score;
  return { code: (subArea ?? parent).area.code, score: Math.round(score * 10_000) / 10_000 };
}
