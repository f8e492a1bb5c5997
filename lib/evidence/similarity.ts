// Text similarity between a commitment and the paragraphs of imported documents, to suggest
// evidence. Pure: no database. Chinese is segmented into words with jieba (a character-by-character
// comparison would match unrelated words that share a character); English is split into words,
// stop words dropped and lightly stemmed, so that "trafficking" meets "trafficked".
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;

/** Loading the dictionary takes a moment: once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /(\p{Script=Han}+)/u;

/** Single characters that carry grammar rather than meaning. */
const CHINESE_FUNCTION_CHARACTERS = new Set(
  '的 了 和 与 及 或 在 对 为 以 于 是 将 应 并 等 中 其 之 被 把 从 由 向 而 也 又 但 就 都 该 这 那 有 各 所 此 个 上 下 则 即 如 若 因 至 按 使 得 着 过 要 会 可 能 已 均 更 还 不 给 让 我 你 他 她 它'.split(' '),
);

/** Words so common in reports and resolutions that they say nothing about the subject. */
const CHINESE_STOP_WORDS = new Set([
  '以及', '有关', '方面', '包括', '通过', '关于', '根据', '其他', '这些', '那些', '以便', '并且', '或者', '因此',
  '进行', '等等', '已经', '可以', '应当', '如何', '一个', '一些', '以来', '之间', '其中', '为了', '由于', '对于',
  '同时', '此外', '以上', '以下', '所有', '各种', '相关', '就是', '并未', '没有', '我们', '他们', '它们',
]);

const ENGLISH_STOP_WORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just may me might more most must my myself no nor not now of off on once only or other our ' +
    'ours ourselves out over own same shall she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up upon very was we were what when where which while who whom why will with within without ' +
    'would you your yours yourself yourselves inter alia including etc').split(' '),
);

/** A light suffix stripper: plural, -ing, -ed and a final e, so that related forms share a stem. */
export function stemEnglish(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.length > 4 && /(?:[sxz]|ch|sh)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  const suffix = stem.length > 5 && stem.endsWith('ing') ? 3 : stem.length > 4 && stem.endsWith('ed') ? 2 : 0;
  if (suffix > 0) {
    stem = stem.slice(0, -suffix);
    // "controlled" -> "control", "stopped" -> "stop"; "pass(ed)" keeps its double letter.
    if (/([b-df-hj-np-rtv-z])\1$/.test(stem) && !/(?:ss|zz)$/.test(stem)) stem = stem.slice(0, -1);
  }
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

function englishTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    // Numbers (years, paragraph numbers, symbols) would link texts that only cite the same thing.
    if (/^\p{N}+$/u.test(word) || word.length < 2 || ENGLISH_STOP_WORDS.has(word)) continue;
    tokens.push(stemEnglish(word));
  }
  return tokens;
}

function chineseTokens(run: string): string[] {
  return segmenter()
    .cut(run, false)
    .filter((word) => HAN.test(word) && !CHINESE_STOP_WORDS.has(word) && !(word.length === 1 && CHINESE_FUNCTION_CHARACTERS.has(word)));
}

/** The words of a text: Chinese runs segmented by jieba, everything else as English words. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // split() with a capturing group alternates non-Han and Han runs: odd indexes are Han.
  text.normalize('NFKC').split(HAN_RUN).forEach((part, index) => {
    if (!part) return;
    tokens.push(...(index % 2 === 1 ? chineseTokens(part) : englishTokens(part)));
  });
  return tokens;
}

export type CommitmentTextInput = { locale: string; text: string };
export type ParagraphInput = { id: string; text: string; language: string };
export type RankedParagraph = { id: string; score: number };

type Vector = Map<string, number>;

// The pieces below are shared with the stored index (suggestion-index.ts, indexed-ranking.ts),
// which must compute the same numbers in the same order to give the same scores to the last bit.

/** How often each word occurs, in the order of first occurrence. */
export function termCounts(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Sublinear term frequency. */
export function termFrequencyWeight(count: number): number {
  return 1 + Math.log(count);
}

/** Smoothed IDF over `total` paragraphs: always positive, highest for words no paragraph uses. */
export function inverseDocumentFrequency(total: number, documentFrequency: number): number {
  return Math.log((total + 1) / (documentFrequency + 1)) + 1;
}

/** TF-IDF with sublinear term frequency, normalised to unit length. */
function weigh(counts: Map<string, number>, idf: (term: string) => number): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = termFrequencyWeight(count) * idf(term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

/** Scores are cosines in 0..1, rounded to six decimals. */
export function roundScore(dot: number): number {
  return Math.round(Math.min(1, Math.max(0, dot)) * 1e6) / 1e6;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** The commitment's wording in the paragraph's language, else English, else any. */
export function wordingFor(texts: readonly CommitmentTextInput[], language: string): CommitmentTextInput | undefined {
  return texts.find((text) => text.locale === language) ?? texts.find((text) => text.locale === 'en') ?? texts[0];
}

/** Best first; equal scores by paragraph id (code-unit order), so the same input always gives the same ranking. */
export function compareRanked(a: RankedParagraph, b: RankedParagraph): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Paragraphs ranked by their similarity to the commitment, best first, at most `limit`.
 * Term weights (IDF) come from the candidate paragraphs themselves, so words common to every
 * paragraph of the reports count for little. Scores are cosines in 0..1, rounded to six decimals;
 * equal scores are ordered by paragraph id, so the same input always gives the same ranking.
 * Paragraphs sharing no word with the commitment (score 0) are left out.
 * This is the reference: suggestions are ranked from the stored index (indexed-ranking.ts), which
 * must give exactly this result on the same paragraphs.
 */
export function rankParagraphs(
  commitmentTexts: readonly CommitmentTextInput[],
  paragraphs: readonly ParagraphInput[],
  limit: number,
): RankedParagraph[] {
  if (commitmentTexts.length === 0 || paragraphs.length === 0 || limit <= 0) return [];

  const paragraphCounts = paragraphs.map((paragraph) => termCounts(tokenize(paragraph.text)));
  const documentFrequency = new Map<string, number>();
  for (const counts of paragraphCounts) for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = paragraphs.length;
  const idf = (term: string) => inverseDocumentFrequency(total, documentFrequency.get(term) ?? 0);

  const queries = new Map<string, Vector>();
  const queryFor = (language: string): Vector => {
    const wording = wordingFor(commitmentTexts, language)!;
    let vector = queries.get(wording.locale);
    if (!vector) {
      vector = weigh(termCounts(tokenize(wording.text)), idf);
      queries.set(wording.locale, vector);
    }
    return vector;
  };

  const ranked: RankedParagraph[] = [];
  paragraphs.forEach((paragraph, index) => {
    const score = roundScore(cosine(queryFor(paragraph.language), weigh(paragraphCounts[index]!, idf)));
    if (score > 0) ranked.push({ id: paragraph.id, score });
  });
  ranked.sort(compareRanked);
  return ranked.slice(0, limit);
}
