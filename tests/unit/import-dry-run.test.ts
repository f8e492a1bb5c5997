// What the import screens show before anything is saved: excerpts, capped lists, an instrument's
// items under the chapters and sub-headings found, and a report's lines that were not read as
// they look (with where they went).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capList, countSubheadings, firstWords, previewRows, shortTitle } from '@/lib/import/dry-run';
import { parseInstrument } from '@/lib/import/instrument-parser';
import { parseReport } from '@/lib/import/report-parser';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

describe('firstWords', () => {
  it('keeps a short text whole, with its spaces made single', () => {
    expect(firstWords('Invented  short\ntext.')).toBe('Invented short text.');
  });

  it('cuts a spaced text at a word and marks the cut', () => {
    const text = 'Invented paragraph about imaginary widget programmes, written only to test the dry run of the import screen.';
    const excerpt = firstWords(text, 60);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(61);
    expect(text.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(excerpt).toBe('Invented paragraph about imaginary widget programmes…');
  });

  it('counts a Chinese character as two, and cuts Chinese anywhere', () => {
    const excerpt = firstWords('虚构段落文本，仅用于测试导入屏幕的试运行，并无任何正式内容。', 20);
    expect(excerpt).toBe('虚构段落文本，仅用于…');
  });

  it('gives drop-down options a short area title', () => {
    const title = 'Supply reduction and related measures; effective law enforcement; responses to drug-related crime';
    expect(shortTitle(title)).toBe('Supply reduction and related measures…');
    expect(shortTitle('Short title')).toBe('Short title');
  });
});

describe('capList', () => {
  it('keeps the first entries and counts the others', () => {
    expect(capList([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
    expect(capList([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
  });
});

describe('previewRows', () => {
  it('shows a chapter title found before its items ("1. Demo heading")', () => {
    const parsed = parseInstrument('1. Demo heading\n(a) Invented first item;\n(b) Invented second item.\n', { code: 'X', language: 'en' });
    expect(parsed.chapters).toEqual([{ number: 1, title: 'Demo heading' }]);
    expect(previewRows(parsed.items, parsed.chapters).map((row) => (row.kind === 'item' ? row.item.reference : row))).toEqual([
      { kind: 'chapter', number: 1, title: 'Demo heading' },
      '1(a)',
      '1(b)',
    ]);
  });

  it('puts every chapter and sub-heading where it starts, once', () => {
    const parsed = parseInstrument(fixture('instruments/outcome-document.en.txt'), { code: 'X', language: 'en' });
    const rows = previewRows(parsed.items, parsed.chapters);
    expect(rows.filter((row) => row.kind === 'item')).toHaveLength(parsed.items.length);
    expect(rows.filter((row) => row.kind === 'chapter').map((row) => row.kind === 'chapter' && row.number)).toEqual(parsed.chapters.map((chapter) => chapter.number));
    const subheadings = rows.filter((row) => row.kind === 'subheading').map((row) => row.kind === 'subheading' && row.text);
    expect(subheadings).toContain('Invented prevention of widget misalignment');
    expect(subheadings).toHaveLength(new Set(parsed.items.map((item) => `${item.chapter} ${item.subheading}`).filter((key) => !key.endsWith('null'))).size);
    expect(countSubheadings(parsed.items)).toBe(subheadings.length);
    // A sub-heading row comes right before the first item under it.
    const first = rows.findIndex((row) => row.kind === 'subheading');
    const next = rows[first + 1];
    expect(next?.kind === 'item' && next.item.subheading).toBe(subheadings[0]);
  });

  it('has no chapter rows for a resolution', () => {
    const parsed = parseInstrument(fixture('instruments/resolution.en.txt'), { code: 'X', language: 'en' });
    expect(previewRows(parsed.items, parsed.chapters).some((row) => row.kind === 'chapter')).toBe(false);
  });
});

describe('the lines a report was not read as they look', () => {
  const REPORT = 'Invented note\n\nI. Introduction\n1. Invented paragraph with a marker1 in it.\n1 Invented footnote without the rule above it.\n2. Second invented paragraph.\n';

  it('say where a footnote without its rule went, and the reading is unchanged', () => {
    const parsed = parseReport(REPORT, { symbol: 'X/1', language: 'en' });
    expect(parsed.footnotes).toEqual([]);
    expect(parsed.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2]);
    expect(parsed.paragraphs[0]!.text).toBe('Invented paragraph with a marker1 in it. 1 Invented footnote without the rule above it.');
    expect(parsed.lineNotes).toEqual([
      { line: 5, text: '1 Invented footnote without the rule above it.', reason: 'footnote-outside-block', placement: { kind: 'paragraph', number: 1 } },
    ]);
  });

  it('are none for a footnote read in its block', () => {
    const withRule = REPORT.replace('1 Invented footnote', '__________\n1 Invented footnote');
    const parsed = parseReport(withRule, { symbol: 'X/1', language: 'en' });
    expect(parsed.footnotes).toEqual([{ number: 1, text: 'Invented footnote without the rule above it.' }]);
    expect(parsed.lineNotes).toEqual([]);
  });

  it('say where a paragraph number read as running text went', () => {
    const text = 'Invented note\n\nI. Introduction\n1. Invented paragraph whose sentence runs on to\n7. invented things on the next line.\n2. Second invented paragraph.\n';
    const parsed = parseReport(text, { symbol: 'X/1', language: 'en' });
    expect(parsed.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2]);
    expect(parsed.lineNotes).toEqual([
      { line: 5, text: '7. invented things on the next line.', reason: 'marker-in-text', placement: { kind: 'paragraph', number: 1 } },
    ]);
  });

  it('leave out the cover, whose dates look like footnotes, and A/74/129 reads without any', () => {
    expect(parseReport(fixture('reports/report.en.txt'), { symbol: 'X/1', language: 'en' }).lineNotes).toEqual([]);
    const report = parseReport(readFileSync(new URL('../../prisma/seed/documents/A-74-129.zh.txt', import.meta.url), 'utf8'), { symbol: 'A/74/129', language: 'zh' });
    expect(report.lineNotes).toEqual([]);
  });
});
