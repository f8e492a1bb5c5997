import { describe, expect, it } from 'vitest';
import { needsNeutralising, neutraliseCell, restoreCell } from '@/lib/exports/spreadsheet-safety';

describe('a spreadsheet cell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=HYPERLINK("http://example.test","click")', '\'=HYPERLINK("http://example.test","click")'],
  ])('that a spreadsheet would run as a formula is prefixed with a quote: %j', (value, cell) => {
    expect(needsNeutralising(value)).toBe(true);
    expect(neutraliseCell(value)).toBe(cell);
  });

  it('is neutralised when it starts with the full-width = + - @ a Chinese input method types', () => {
    for (const value of ['＝1+1', '＋1', '－1', '＠SUM(A1)']) expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('keeps ordinary text as it is, whatever follows its first character', () => {
    for (const value of ['', 'In progress', 'A/74/129, para. 25', '中文叙述 =1+1', ' =1+1', '\n=1+1', '1-2', 'x@example.test', '2026-05-31', '第25段']) {
      expect(needsNeutralising(value)).toBe(false);
      expect(neutraliseCell(value)).toBe(value);
    }
  });

  it('that starts with a quote gets another, so that reading it back is exact', () => {
    expect(neutraliseCell("'quoted'")).toBe("''quoted'");
    for (const value of ['', 'plain', '=1+1', "'quoted'", "''", '-', '\t', '＠x', '中文']) {
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }
  });

  it('neutralised twice needs restoring twice (the rule is applied once, where a file is written)', () => {
    expect(neutraliseCell(neutraliseCell('=1+1'))).toBe("''=1+1");
    expect(restoreCell(restoreCell(neutraliseCell(neutraliseCell('=1+1'))))).toBe('=1+1');
  });
});
