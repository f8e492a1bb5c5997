// Word-level comparison of a newly submitted narrative with the previous accepted one, for the
// reviewer. Words come from Intl.Segmenter so that Chinese (no spaces) and the other UN languages
// split into real words; whitespace and punctuation are kept as tokens of their own, so every
// part is a verbatim slice of one of the two texts. Pure: no I/O, no dependencies.

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

type Kind = DiffPart['kind'];
/** One token in the edit script; `id` is the interned token, so equal ids mean equal text. */
type Op = { kind: Kind; id: number; text: string };

// Beyond this many token edits the texts are essentially rewritten: a minimal diff would be
// unreadable confetti anyway, and Myers costs O((N+M)·D), so the changed middle is reported as
// removed + added instead. Two unrelated 10,000-character texts stay well under a second.
const MAX_EDIT_DISTANCE = 2000;

const SAME = 0;
const REMOVED = 1;
const ADDED = 2;

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      // A malformed tag (e.g. 'en_US') throws RangeError; the default locale still segments
      // spaced scripts correctly and ICU's Chinese dictionary is not locale-dependent.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Every segment, word-like or not, so that joining the tokens gives back the text. */
function tokenize(text: string, segmenter: Intl.Segmenter): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Word-level changes from `before` to `after`; joining the 'same'+'removed' parts gives `before`,
 * 'same'+'added' gives `after`. Adjacent parts of one kind are merged. Within a change the
 * 'removed' part comes before the 'added' part. Two empty texts give no parts.
 */
export function diffNarratives(before: string, after: string, locale: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];

  const segmenter = wordSegmenter(locale);
  const a = tokenize(before, segmenter);
  const b = tokenize(after, segmenter);

  // Interning turns token comparison in the inner loop into an integer comparison.
  const ids = new Map<string, number>();
  const intern = (token: string): number => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  const ai = Int32Array.from(a, intern);
  const bi = Int32Array.from(b, intern);

  // Trimming the common prefix and suffix makes the usual case (a few edits in a long text)
  // cheap, and keeps the edit-distance bound about the changed region only.
  const n = a.length;
  const m = b.length;
  let prefix = 0;
  while (prefix < n && prefix < m && ai[prefix] === bi[prefix]) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && ai[n - 1 - suffix] === bi[m - 1 - suffix]) suffix++;

  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: 'same', id: ai[i], text: a[i] });
  const script = myers(ai.subarray(prefix, n - suffix), bi.subarray(prefix, m - suffix), MAX_EDIT_DISTANCE);
  if (script) {
    let i = prefix;
    let j = prefix;
    for (const code of script) {
      if (code === SAME) {
        ops.push({ kind: 'same', id: ai[i], text: a[i] });
        i++;
        j++;
      } else if (code === REMOVED) {
        ops.push({ kind: 'removed', id: ai[i], text: a[i] });
        i++;
      } else {
        ops.push({ kind: 'added', id: bi[j], text: b[j] });
        j++;
      }
    }
  } else {
    for (let i = prefix; i < n - suffix; i++) ops.push({ kind: 'removed', id: ai[i], text: a[i] });
    for (let j = prefix; j < m - suffix; j++) ops.push({ kind: 'added', id: bi[j], text: b[j] });
  }
  for (let i = n - suffix; i < n; i++) ops.push({ kind: 'same', id: ai[i], text: a[i] });

  slideToBoundaries(ops);
  return toParts(ops);
}

/**
 * Myers' O((N+M)·D) shortest edit script from `a` to `b` as SAME/REMOVED/ADDED codes, or null when
 * more than `maxD` edits are needed. Keeps one snapshot of the frontier per D for the backtrack,
 * which is O(D²) integers (16 MB at the 2000 bound).
 */
function myers(a: Int32Array, b: Int32Array, maxD: number): number[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxD, n + m);
  const offset = limit + 1;
  // v[offset + k] is the furthest x reached on diagonal k = x - y.
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the saved frontiers back from (n, m); trace[d][k + d] is the frontier after d edits. */
function backtrack(trace: Int32Array[], n: number, m: number): number[] {
  const reversed: number[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length; d > 0; d--) {
    const prev = trace[d - 1];
    const k = x - y;
    // The same choice the forward pass made: down (insertion) from k+1, or right (deletion) from k-1.
    const down = k === -d || (k !== d && prev[k - 1 + d - 1] < prev[k + 1 + d - 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[prevK + d - 1];
    const snakeStart = down ? prevX : prevX + 1;
    while (x > snakeStart) {
      reversed.push(SAME);
      x--;
      y--;
    }
    reversed.push(down ? ADDED : REMOVED);
    x = prevX;
    y = prevX - prevK;
  }
  while (x > 0) {
    reversed.push(SAME);
    x--;
  }
  return reversed.reverse();
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const LEADING_SPACE = /^\s/;
const TRAILING_SPACE = /\s$/;
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * How natural a change boundary between two tokens reads; higher is better. An inserted paragraph
 * should start after a line break and end with its own line breaks, an inserted word should carry its
 * following space ("was [formally ]adopted"), and cutting between two letters is worst.
 */
function boundaryScore(prev: string | undefined, next: string | undefined): number {
  if (prev === undefined || next === undefined) return 7;
  const afterBreak = LINE_BREAK.test(prev.slice(-1));
  const beforeBreak = LINE_BREAK.test(next.charAt(0));
  if (afterBreak && !beforeBreak) return 6;
  if (beforeBreak && !afterBreak) return 5;
  // Inside a blank line ("\n|\n"): still a line boundary, but it splits the paragraph break.
  if (afterBreak) return 4;
  if (TRAILING_SPACE.test(prev)) return 3;
  if (LEADING_SPACE.test(next)) return 2;
  if (!WORDISH.test(prev) || !WORDISH.test(next)) return 1;
  return 0;
}

/**
 * A pure insertion or deletion next to equal text can often sit at several places: "A one.\n\nC one."
 * -> "A one.\n\nB one.\n\nC one." may come out as "\nB one.\n" added inside the blank line, or as
 * "one.\n\nB " added mid-sentence. Slide each such run, between 'same' tokens, to the position
 * whose two boundaries read best. Only the kinds of equal tokens are swapped, so both texts are
 * unchanged.
 */
function slideToBoundaries(ops: Op[]): void {
  const len = ops.length;
  const isSame = (i: number) => i < 0 || i >= len || ops[i].kind === 'same';
  const text = (i: number) => (i < 0 || i >= len ? undefined : ops[i].text);
  const score = (s: number, e: number) => boundaryScore(text(s - 1), text(s)) + boundaryScore(text(e - 1), text(e));

  let s = 0;
  while (s < len) {
    if (ops[s].kind === 'same') {
      s++;
      continue;
    }
    const kind = ops[s].kind;
    let e = s;
    while (e < len && ops[e].kind === kind) e++;
    if (!isSame(s - 1) || !isSame(e)) {
      // Part of a replacement (removed and added together): nothing to slide.
      while (e < len && ops[e].kind !== 'same') e++;
      s = e;
      continue;
    }
    // Slide fully left, keeping a 'same' token (or the text edge) on each side so the run never
    // merges into a neighbouring change.
    while (s > 0 && ops[s - 1].id === ops[e - 1].id && isSame(s - 2)) {
      ops[s - 1].kind = kind;
      ops[e - 1].kind = 'same';
      s--;
      e--;
    }
    // Then walk right through every position, remembering the best (leftmost on ties).
    let bestScore = score(s, e);
    let bestStart = s;
    while (e < len && ops[e].kind === 'same' && ops[e].id === ops[s].id && isSame(e + 1)) {
      ops[s].kind = 'same';
      ops[e].kind = kind;
      s++;
      e++;
      const current = score(s, e);
      if (current > bestScore) {
        bestScore = current;
        bestStart = s;
      }
    }
    while (s > bestStart) {
      ops[s - 1].kind = kind;
      ops[e - 1].kind = 'same';
      s--;
      e--;
    }
    s = e;
  }
}

// Whitespace within a line; line breaks are left as 'same' so paragraph structure stays visible.
const INLINE_WHITESPACE = /^[^\S\n\r\u2028\u2029]+$/;

type Segment = { same: true; text: string } | { same: false; removed: string; added: string };

/**
 * Groups the script into unchanged runs and changes, each change shown as removed-then-added.
 * A rewritten phrase would otherwise alternate removed/added around every matching space;
 * a space-only unchanged run between two changes is folded into both sides of one change.
 */
function toParts(ops: Op[]): DiffPart[] {
  const segments: Segment[] = [];
  for (const op of ops) {
    const last = segments.at(-1);
    if (op.kind === 'same') {
      if (last?.same) last.text += op.text;
      else segments.push({ same: true, text: op.text });
      continue;
    }
    let change: Segment;
    if (last && !last.same) {
      change = last;
    } else {
      const beforeLast = segments.at(-2);
      if (last?.same && INLINE_WHITESPACE.test(last.text) && beforeLast && !beforeLast.same) {
        segments.pop();
        beforeLast.removed += last.text;
        beforeLast.added += last.text;
        change = beforeLast;
      } else {
        change = { same: false, removed: '', added: '' };
        segments.push(change);
      }
    }
    if (op.kind === 'removed') change.removed += op.text;
    else change.added += op.text;
  }

  const parts: DiffPart[] = [];
  const push = (kind: Kind, text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  for (const segment of segments) {
    if (segment.same) {
      push('same', segment.text);
      continue;
    }
    // Folding can leave the same whitespace at both ends of both sides ("carried out " ->
    // "postponed "); give it back to the unchanged text. Whitespace only, so no word is split.
    const { removed, added } = segment;
    const lead = commonWhitespace(removed, added, 1);
    const trail = commonWhitespace(removed.slice(lead), added.slice(lead), -1);
    push('same', removed.slice(0, lead));
    push('removed', removed.slice(lead, removed.length - trail));
    push('added', added.slice(lead, added.length - trail));
    push('same', removed.slice(removed.length - trail));
  }
  return parts;
}

/** Length of the whitespace that both strings share at their start (step 1) or end (step -1). */
function commonWhitespace(x: string, y: string, step: 1 | -1): number {
  let length = 0;
  while (length < x.length && length < y.length) {
    const cx = step === 1 ? x[length] : x[x.length - 1 - length];
    const cy = step === 1 ? y[length] : y[y.length - 1 - length];
    if (cx !== cy || !/\s/.test(cx)) break;
    length++;
  }
  return length;
}

/**
 * Counts of words (word-like segments only, not whitespace/punctuation) added and removed.
 * Each part is segmented on its own, which for Chinese can split slightly differently than in
 * context; the counts are a summary for the reviewer, not an exact measure.
 */
export function diffStats(parts: DiffPart[], locale: string): { added: number; removed: number } {
  const segmenter = wordSegmenter(locale);
  const stats = { added: 0, removed: 0 };
  for (const part of parts) {
    if (part.kind === 'same') continue;
    for (const segment of segmenter.segment(part.text)) {
      if (segment.isWordLike) stats[part.kind]++;
    }
  }
  return stats;
}
