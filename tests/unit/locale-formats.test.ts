// Dates and numbers in the six UN languages, as the interface writes them: dates through
// lib/i18n/dates.ts, numbers and percentages through next-intl's formatter (format.number in the
// pages and summaries). Everything comes from Intl; where the digits or marks are the runtime's
// ICU's to choose (Arabic), the expectation is Intl's own output, not a hard-coded shape.
import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/routing';
import { dateLocale, datePartOrder, formatDate, formatIsoDay, monthNames } from '@/lib/i18n/dates';

const LOCALES = ['en', 'zh', 'fr', 'es', 'ru', 'ar'] as const;
const adoption = new Date(Date.UTC(2016, 3, 19, 14, 5));
/** How the summaries write a share: "43%" (summary-headline.tsx, figures-table.tsx and others). */
const PERCENT = { style: 'percent', maximumFractionDigits: 0 } as const;
const NBSP = '\u00A0';
const NARROW_NBSP = '\u202F';

describe('each interface language names an Intl locale that writes the UN style', () => {
  it.each([['en', 'en-GB'], ['zh', 'zh-CN'], ['fr', 'fr-FR'], ['es', 'es-ES'], ['ru', 'ru-RU'], ['ar', 'ar']])('%s dates through %s', (locale, intl) => {
    expect(dateLocale(locale)).toBe(intl);
    expect(Intl.DateTimeFormat.supportedLocalesOf([intl])).toEqual([intl]);
  });
});

describe('dates in the six languages', () => {
  it.each([
    ['en', '19 April 2016'],
    ['zh', '2016年4月19日'],
    ['fr', '19 avril 2016'],
    ['es', '19 de abril de 2016'],
    ['ru', '19 апреля 2016 г.'],
  ])('writes the adoption day in %s as %s', (locale, expected) => {
    expect(formatDate(adoption, locale)).toBe(expected);
    expect(formatIsoDay('2016-04-19', locale)).toBe(expected);
  });

  it('writes Arabic dates as Intl\'s "ar" does, day first with the month by name', () => {
    const intl = new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(formatDate(adoption, 'ar')).toBe(intl.format(adoption));
    expect(formatDate(adoption, 'ar')).toContain(monthNames('ar')[3]!);
    expect(intl.formatToParts(adoption).filter((part) => part.type !== 'literal').map((part) => part.type)).toEqual(['day', 'month', 'year']);
  });

  it.each(LOCALES)('writes every style in %s through Intl, in UTC', (locale) => {
    for (const style of ['day', 'dayTime', 'shortDay', 'shortDayTime'] as const) {
      const written = formatDate(adoption, locale, style);
      expect(written.length).toBeGreaterThan(6);
      // Late on the 19th in UTC is still the 19th, whatever the machine's time zone.
      expect(formatDate(new Date(Date.UTC(2016, 3, 19, 23, 59)), locale, style).slice(0, 4)).toBe(written.slice(0, 4));
    }
    const time = new Intl.NumberFormat(dateLocale(locale)).format(14);
    expect(formatDate(adoption, locale, 'dayTime')).toContain(time);
  });

  it('names twelve months in each language, January first', () => {
    expect(monthNames('fr')[0]).toBe('janvier');
    expect(monthNames('es')[0]).toBe('enero');
    expect(monthNames('ru')[0]).toBe('январь');
    for (const locale of LOCALES) expect(new Set(monthNames(locale)).size).toBe(12);
  });
});

describe('the date field orders its boxes as the language writes a date', () => {
  it.each([['en'], ['fr'], ['es'], ['ru'], ['ar']])('%s: day, month, year', (locale) => {
    expect(datePartOrder(locale)).toEqual(['day', 'month', 'year']);
  });

  it('zh: year, month, day', () => {
    expect(datePartOrder('zh')).toEqual(['year', 'month', 'day']);
  });
});

describe('numbers and percentages in the six languages', () => {
  const format = (locale: string) => createFormatter({ locale: locale as Locale });

  it.each([
    ['en', '1,234,567', '43%'],
    ['zh', '1,234,567', '43%'],
    ['fr', `1${NARROW_NBSP}234${NARROW_NBSP}567`, `43${NBSP}%`],
    ['es', '1.234.567', `43${NBSP}%`],
    ['ru', `1${NBSP}234${NBSP}567`, `43${NBSP}%`],
  ])('writes integers and shares in %s as %s and %s', (locale, integer, percent) => {
    expect(format(locale).number(1_234_567)).toBe(integer);
    expect(format(locale).number(0.425, PERCENT)).toBe(percent);
  });

  it('writes Arabic numbers as Intl\'s "ar" does, digits included', () => {
    expect(format('ar').number(1_234_567)).toBe(new Intl.NumberFormat('ar').format(1_234_567));
    expect(format('ar').number(0.425, PERCENT)).toBe(new Intl.NumberFormat('ar', PERCENT).format(0.425));
    // Whatever digits Intl chose, they spell the number: read back through Intl's own digits.
    const arabicDigits = new Map(Array.from({ length: 10 }, (_, digit) => [new Intl.NumberFormat('ar').format(digit), String(digit)]));
    const readBack = [...format('ar').number(1_234_567)].map((char) => arabicDigits.get(char) ?? '').join('');
    expect(readBack).toBe('1234567');
  });

  it.each(LOCALES)('rounds a share to a whole per cent in %s, as the summaries show it', (locale) => {
    const intl = new Intl.NumberFormat(locale, PERCENT);
    expect(format(locale).number(2 / 3, PERCENT)).toBe(intl.format(0.67));
    expect(format(locale).number(0, PERCENT)).toBe(intl.format(0));
    expect(format(locale).number(1, PERCENT)).toBe(intl.format(1));
  });
});
