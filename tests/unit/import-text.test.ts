import { describe, expect, it } from 'vitest';
import { detectScript, isCjkChar, joinLines, lineWidth, normalizeText } from '@/lib/import/text';

describe('normalizeText', () => {
  it('turns every kind of line break into LF', () => {
    expect(normalizeText('one\r\ntwo\rthree\u2028four\u000Bfive\u0085six')).toBe('one\ntwo\nthree\nfour\nfive\nsix');
  });

  it('drops a form feed that starts a page, so line numbers stay those of the file, and breaks the line at any other', () => {
    expect(normalizeText('end of page\n\fnext page')).toBe('end of page\nnext page');
    expect(normalizeText('\fcover')).toBe('cover');
    expect(normalizeText('before\fafter')).toBe('before\nafter');
  });

  it('turns no-break, thin, ideographic and other Unicode spaces and tabs into plain spaces', () => {
    expect(normalizeText('a\u00A0b\u2009c\u202Fd\u3000e\tf')).toBe('a b c d e f');
  });

  it('strips the byte-order mark, zero-width spaces, word joiners and soft hyphens, and keeps joiners that shape Arabic', () => {
    expect(normalizeText('\uFEFFwid\u200Bget\u2060s trea\u00ADty')).toBe('widgets treaty');
    expect(normalizeText('a\u200Cb\u200Dc')).toBe('a\u200Cb\u200Dc');
  });

  it('trims line ends but keeps indentation and blank lines', () => {
    expect(normalizeText('  indented  \n\nnext \u00A0')).toBe('  indented\n\nnext');
  });
});

describe('joinLines', () => {
  it('joins Latin words with one space', () => {
    expect(joinLines(['Invented text that wraps', 'onto the next line;'])).toBe('Invented text that wraps onto the next line;');
  });

  it('keeps a hyphen at a line end and adds no space after it', () => {
    expect(joinLines(['the made-up compound WIDGET-4X-', 'GADGET and more'])).toBe('the made-up compound WIDGET-4X-GADGET and more');
  });

  it('keeps the space after a spaced dash', () => {
    expect(joinLines(['invented words -', 'more words'])).toBe('invented words - more words');
  });

  it('adds no space after a slash at a line end, so document symbols stay whole', () => {
    expect(joinLines(['see document X/CN.9/2016/', 'CRP.7 for details'])).toBe('see document X/CN.9/2016/CRP.7 for details');
  });

  it('joins CJK characters and CJK punctuation without spaces', () => {
    expect(joinLines(['虚构条目文本，涉及', '齿轮校准'])).toBe('虚构条目文本，涉及齿轮校准');
    expect(joinLines(['虚构条目文本', '，涉及齿轮'])).toBe('虚构条目文本，涉及齿轮');
    expect(joinLines(['虚构条目（', 'a）文本'])).toBe('虚构条目（a）文本');
  });

  it('joins CJK and Latin letters or digits across a break without a space, and keeps the spaces inside a line', () => {
    expect(joinLines(['虚构的第', '99/999 号决议'])).toBe('虚构的第99/999 号决议');
    expect(joinLines(['提及第 99/999 号决议和', 'WIDGET 部件'])).toBe('提及第 99/999 号决议和WIDGET 部件');
    expect(joinLines(['虚构的 2099', '年会议'])).toBe('虚构的 2099年会议');
  });

  it('looks past closing punctuation to the last letter: a Chinese closing quote is Chinese', () => {
    expect(joinLines(['题为“虚构部件”', '(a)的决议'])).toBe('题为“虚构部件”(a)的决议');
  });

  it('trims lines, collapses runs of spaces and skips empty lines', () => {
    expect(joinLines(['  first   line  ', '', '   ', 'second\tline'])).toBe('first line second line');
    expect(joinLines([])).toBe('');
  });
});

describe('detectScript', () => {
  it('counts letters per script and ignores digits, spaces and punctuation', () => {
    expect(detectScript('虚构文本 Widget 2099, текст نص')).toEqual({ cjk: 4, latin: 6, cyrillic: 5, arabic: 2 });
  });

  it('does not count CJK punctuation as letters', () => {
    expect(detectScript('（）；：。')).toEqual({ cjk: 0, latin: 0, cyrillic: 0, arabic: 0 });
  });
});

describe('character classes and widths', () => {
  it('knows CJK characters and full-width punctuation', () => {
    expect(['虚', '，', '（', '。'].every(isCjkChar)).toBe(true);
    expect(['a', '1', '(', ' '].some(isCjkChar)).toBe(false);
  });

  it('counts a CJK character as two columns, as printed', () => {
    expect(lineWidth('ab虚构')).toBe(6);
  });
});
