import { describe, expect, it } from 'vitest';
import { diffNarratives, diffStats, type DiffPart } from '@/lib/status-reports/narrative-diff';

// All narratives here are synthetic sentences written for the test.

const join = (parts: DiffPart[], kinds: DiffPart['kind'][]) =>
  parts.filter((p) => kinds.includes(p.kind)).map((p) => p.text).join('');

/** The contract every result must meet, whatever the input. */
function expectInvariants(parts: DiffPart[], before: string, after: string) {
  expect(join(parts, ['same', 'removed'])).toBe(before);
  expect(join(parts, ['same', 'added'])).toBe(after);
  for (const [i, part] of parts.entries()) {
    expect(part.text).not.toBe('');
    if (i === 0) continue;
    // Merged: never two parts of one kind in a row; and a change reads removed-then-added.
    expect(part.kind).not.toBe(parts[i - 1].kind);
    expect([parts[i - 1].kind, part.kind]).not.toEqual(['added', 'removed']);
  }
}

/** Small seeded PRNG (mulberry32) so the random cases are reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('diffNarratives', () => {
  it('returns one same part for identical texts, and nothing for two empty texts', () => {
    const text = 'The working group met twice.\n\nIt agreed on a draft plan.';
    expect(diffNarratives(text, text, 'en')).toEqual([{ kind: 'same', text }]);
    expect(diffNarratives('', '', 'en')).toEqual([]);
  });

  it('marks everything added when there was no previous narrative', () => {
    expect(diffNarratives('', 'A new narrative.', 'en')).toEqual([{ kind: 'added', text: 'A new narrative.' }]);
  });

  it('marks everything removed when the new narrative is empty', () => {
    expect(diffNarratives('An old narrative.', '', 'en')).toEqual([{ kind: 'removed', text: 'An old narrative.' }]);
  });

  it('marks changed English words, removed before added', () => {
    expect(diffNarratives('The plan was adopted in 2019.', 'The plan was revised in 2020.', 'en')).toEqual([
      { kind: 'same', text: 'The plan was ' },
      { kind: 'removed', text: 'adopted' },
      { kind: 'added', text: 'revised' },
      { kind: 'same', text: ' in ' },
      { kind: 'removed', text: '2019' },
      { kind: 'added', text: '2020' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('keeps an inserted word together with its following space', () => {
    expect(diffNarratives('The plan was adopted.', 'The plan was formally adopted.', 'en')).toEqual([
      { kind: 'same', text: 'The plan was ' },
      { kind: 'added', text: 'formally ' },
      { kind: 'same', text: 'adopted.' },
    ]);
  });

  it('shows a rewritten phrase as one change rather than word-by-word around the spaces', () => {
    expect(diffNarratives('one two three four', 'one five six four', 'en')).toEqual([
      { kind: 'same', text: 'one ' },
      { kind: 'removed', text: 'two three' },
      { kind: 'added', text: 'five six' },
      { kind: 'same', text: ' four' },
    ]);
  });

  it('diffs Chinese by words, not characters or the whole sentence', () => {
    expect(diffNarratives('各国加强了管制。', '各国放宽了管制。', 'zh')).toEqual([
      { kind: 'same', text: '各国' },
      { kind: 'removed', text: '加强' },
      { kind: 'added', text: '放宽' },
      { kind: 'same', text: '了管制。' },
    ]);
  });

  it('marks a paragraph break that replaces a space', () => {
    expect(diffNarratives('First point. Second point.', 'First point.\n\nSecond point.', 'en')).toEqual([
      { kind: 'same', text: 'First point.' },
      { kind: 'removed', text: ' ' },
      { kind: 'added', text: '\n\n' },
      { kind: 'same', text: 'Second point.' },
    ]);
  });

  it('shows an inserted paragraph whole, with its own paragraph break', () => {
    const before = 'Alpha paragraph.\n\nGamma paragraph.';
    const after = 'Alpha paragraph.\n\nBeta paragraph.\n\nGamma paragraph.';
    expect(diffNarratives(before, after, 'en')).toEqual([
      { kind: 'same', text: 'Alpha paragraph.\n\n' },
      { kind: 'added', text: 'Beta paragraph.\n\n' },
      { kind: 'same', text: 'Gamma paragraph.' },
    ]);
    expect(diffNarratives(after, before, 'en')).toEqual([
      { kind: 'same', text: 'Alpha paragraph.\n\n' },
      { kind: 'removed', text: 'Beta paragraph.\n\n' },
      { kind: 'same', text: 'Gamma paragraph.' },
    ]);
  });

  it('handles Arabic text', () => {
    const before = 'اعتمدت اللجنة الخطة في عام ٢٠١٩.';
    const after = 'اعتمدت اللجنة الخطة المنقحة في عام ٢٠٢٠.';
    const parts = diffNarratives(before, after, 'ar');
    expectInvariants(parts, before, after);
    expect(parts).toEqual([
      { kind: 'same', text: 'اعتمدت اللجنة الخطة ' },
      { kind: 'added', text: 'المنقحة ' },
      { kind: 'same', text: 'في عام ' },
      { kind: 'removed', text: '٢٠١٩' },
      { kind: 'added', text: '٢٠٢٠' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('handles Russian text', () => {
    const before = 'План был принят в 2019 году.\n\nПервый пункт.';
    const after = 'План был пересмотрен в 2019 году.\n\nПервый пункт.\n\nНовый пункт.';
    const parts = diffNarratives(before, after, 'ru');
    expectInvariants(parts, before, after);
    expect(parts).toEqual([
      { kind: 'same', text: 'План был ' },
      { kind: 'removed', text: 'принят' },
      { kind: 'added', text: 'пересмотрен' },
      { kind: 'same', text: ' в 2019 году.\n\nПервый пункт.' },
      { kind: 'added', text: '\n\nНовый пункт.' },
    ]);
  });

  it('falls back to the default locale for a malformed locale tag', () => {
    const parts = diffNarratives('The plan was adopted.', 'The plan was revised.', 'en_US');
    expectInvariants(parts, 'The plan was adopted.', 'The plan was revised.');
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['adopted', 'revised']);
  });

  it('keeps the join invariants on random edits of random texts', () => {
    const random = prng(20240611);
    const vocabulary = ['plan', 'the', 'report', 'was', 'adopted', 'revised', '2019', ' ', ' ', ', ', '.', '\n\n', '各国', '加强', '了', 'план', 'الخطة'];
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
    const text = (length: number) => Array.from({ length }, pick).join('');
    for (let round = 0; round < 200; round++) {
      const before = text(Math.floor(random() * 60));
      // Half the rounds edit `before` (the realistic case), half compare unrelated texts.
      let after: string;
      if (round % 2 === 0) {
        const pieces = before.split(' ');
        after = pieces.map((piece) => (random() < 0.2 ? text(Math.floor(random() * 4)) : piece)).join(random() < 0.1 ? '  ' : ' ');
      } else {
        after = text(Math.floor(random() * 60));
      }
      const locale = ['en', 'fr', 'es', 'ru', 'ar', 'zh'][round % 6];
      expectInvariants(diffNarratives(before, after, locale), before, after);
    }
  });

  it('finds the few edits in a long narrative', () => {
    const sentences = Array.from({ length: 150 }, (_, i) => `Measure ${i} was carried out by the national body.`);
    const before = sentences.join(' ');
    sentences[40] = 'Measure 40 was postponed by the national body.';
    sentences[120] = 'Measure 120 was carried out by the regional body.';
    const after = sentences.join(' ');
    const parts = diffNarratives(before, after, 'en');
    expectInvariants(parts, before, after);
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['carried out', 'postponed', 'national', 'regional']);
  });

  it('stays safe on two completely different 10,000-character texts', () => {
    const random = prng(7);
    const text = (words: string[]) => {
      let result = '';
      while (result.length < 10_000) result += words[Math.floor(random() * words.length)] + (random() < 0.05 ? '.\n\n' : ' ');
      return result.slice(0, 10_000);
    };
    const before = text(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    const after = text(['foxtrot', 'golf', 'hotel', 'india', 'juliet']);
    const parts = diffNarratives(before, after, 'en');
    expectInvariants(parts, before, after);

    const chineseBefore = '各国加强了管制，并报告了进展。'.repeat(700).slice(0, 10_000);
    const chineseAfter = '会员国放宽措施以后提交数据！'.repeat(800).slice(0, 10_000);
    expectInvariants(diffNarratives(chineseBefore, chineseAfter, 'zh'), chineseBefore, chineseAfter);
  });
});

describe('diffStats', () => {
  it('counts added and removed words, not spaces or punctuation', () => {
    const parts = diffNarratives('The plan was adopted in 2019.', 'The plan was revised in 2020.', 'en');
    expect(diffStats(parts, 'en')).toEqual({ added: 2, removed: 2 });
    expect(diffStats(diffNarratives('First point. Second point.', 'First point.\n\nSecond point.', 'en'), 'en')).toEqual({ added: 0, removed: 0 });
    expect(diffStats(diffNarratives('', 'One, two; three.', 'en'), 'en')).toEqual({ added: 3, removed: 0 });
    expect(diffStats(diffNarratives('A short old text.', '', 'en'), 'en')).toEqual({ added: 0, removed: 4 });
  });

  it('counts Chinese words from the segmenter', () => {
    const parts = diffNarratives('各国加强了管制。', '各国放宽了管制。', 'zh');
    expect(diffStats(parts, 'zh')).toEqual({ added: 1, removed: 1 });
  });

  it('counts nothing for identical texts', () => {
    expect(diffStats(diffNarratives('Same text.', 'Same text.', 'en'), 'en')).toEqual({ added: 0, removed: 0 });
  });
});
