// Search results: the matches marked, the excerpt around the first one, and when to tell a reader
// that the documents are in another language (lib/search/highlight.ts).
import { describe, expect, it } from 'vitest';
import { highlightMatches, scriptOf, searchedInAnotherScript } from '@/lib/search/highlight';

const marked = (text: string, words: string, options?: { length?: number; before?: number }) =>
  highlightMatches(text, words, options).parts.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');

describe('highlighted matches', () => {
  it('marks every match, ignoring case, and keeps the text as written', () => {
    expect(marked('Demo prevention and more PREVENTION.', 'prevention')).toBe('Demo [prevention] and more [PREVENTION].');
  });

  it('marks Chinese matches', () => {
    expect(marked('合成段落：预防工作与预防措施。', '预防')).toBe('合成段落：[预防]工作与[预防]措施。');
  });

  it('reads the words literally, not as a pattern', () => {
    expect(marked('Rates rose by 5% (a.b) in demo data.', '5% (a.b)')).toBe('Rates rose by [5% (a.b)] in demo data.');
  });

  it('shows the part around a match far into a long text, from a word\'s start', () => {
    const text = `${'filler '.repeat(100)}the demo match here ${'tail '.repeat(100)}`;
    const result = highlightMatches(text, 'demo match', { length: 60, before: 12 });
    expect(result.clippedStart).toBe(true);
    expect(result.clippedEnd).toBe(true);
    const shown = result.parts.map((part) => part.text).join('');
    expect(shown.startsWith('filler ') || shown.startsWith('the ')).toBe(true);
    expect(result.parts.find((part) => part.match)?.text).toBe('demo match');
  });

  it('shows the text from its start when nothing matches (or nothing was asked)', () => {
    expect(highlightMatches('Short demo text.', 'absent')).toEqual({ parts: [{ text: 'Short demo text.', match: false }], clippedStart: false, clippedEnd: false });
    expect(highlightMatches('Short demo text.', '  ').parts).toEqual([{ text: 'Short demo text.', match: false }]);
  });
});

describe('searching in another language than the documents', () => {
  it('knows the script of the words', () => {
    expect(scriptOf('prevention')).toBe('latin');
    expect(scriptOf('预防')).toBe('han');
    expect(scriptOf('профилактика')).toBe('cyrillic');
    expect(scriptOf('الوقاية')).toBe('arabic');
    expect(scriptOf('A/74/129')).toBeNull();
    expect(scriptOf('E/CN.7/2019/15')).toBeNull();
    expect(scriptOf('25')).toBeNull();
  });

  it('tells when no document is written in the script searched', () => {
    expect(searchedInAnotherScript('prevention', ['zh'])).toBe(true);
    expect(searchedInAnotherScript('预防', ['zh'])).toBe(false);
    expect(searchedInAnotherScript('prevention', ['zh', 'en'])).toBe(false);
    expect(searchedInAnotherScript('prévention', ['fr'])).toBe(false);
    expect(searchedInAnotherScript('25', ['zh'])).toBe(false);
    expect(searchedInAnotherScript('prevention', [])).toBe(false);
  });
});
