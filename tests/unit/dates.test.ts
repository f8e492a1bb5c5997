// Dates as the United Nations writes them, in each language (lib/i18n/dates.ts), and the date
// field's reading of its parts (components/ui/date-field.tsx).
import { describe, expect, it } from 'vitest';
import { dateFormatter, formatDate, formatIsoDay, monthNames } from '@/lib/i18n/dates';
import { isoOf } from '@/components/ui/date-field';

const adoption = new Date(Date.UTC(2016, 3, 19, 14, 5));

describe('UN dates', () => {
  it('writes the day before the month in English, never the American order', () => {
    expect(formatDate(adoption, 'en')).toBe('19 April 2016');
    expect(formatDate(adoption, 'en', 'shortDay')).toBe('19 Apr 2016');
    expect(formatDate(adoption, 'en', 'dayTime')).toMatch(/^19 April 2016.*14:05$/);
  });

  it('writes 2016年4月19日 in Chinese, with a 24-hour time', () => {
    expect(formatDate(adoption, 'zh')).toBe('2016年4月19日');
    expect(formatDate(adoption, 'zh', 'dayTime')).toBe('2016年4月19日 14:05');
  });

  it('writes the other UN languages day first', () => {
    expect(formatDate(adoption, 'fr')).toBe('19 avril 2016');
    expect(formatDate(adoption, 'es')).toBe('19 de abril de 2016');
    expect(formatDate(adoption, 'ru')).toBe('19 апреля 2016 г.');
  });

  it('keeps to UTC whatever the machine\'s time zone: late on the 19th is still the 19th', () => {
    expect(formatDate(new Date(Date.UTC(2016, 3, 19, 23, 59)), 'en')).toBe('19 April 2016');
    expect(formatIsoDay('2016-04-19', 'en')).toBe('19 April 2016');
    expect(dateFormatter('zh').isoDay('2026-06-30')).toBe('2026年6月30日');
  });

  it('names the months in the reader\'s language', () => {
    expect(monthNames('en')).toHaveLength(12);
    expect(monthNames('en')[0]).toBe('January');
    expect(monthNames('zh')[11]).toBe('十二月');
  });
});

describe('the date field', () => {
  it('makes a date of day, month and year', () => {
    expect(isoOf({ day: '1', month: '3', year: '2031' })).toBe('2031-03-01');
    expect(isoOf({ day: ' 29 ', month: '2', year: '2028' })).toBe('2028-02-29');
  });

  it('gives nothing for empty parts, and what was typed for a day that does not exist', () => {
    expect(isoOf({ day: '', month: '', year: '' })).toBe('');
    // The server refuses these in words ("Give a whole date that exists…").
    expect(isoOf({ day: '31', month: '2', year: '2031' })).toBe('2031-2-31');
    expect(isoOf({ day: '1', month: '', year: '2031' })).toBe('2031--1');
    expect(isoOf({ day: '1', month: '1', year: '31' })).toBe('31-1-1');
  });
});
