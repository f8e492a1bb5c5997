// Dates as the United Nations writes them in each language: "19 April 2016", "2016年4月19日",
// « 19 avril 2016 », never the United States' "April 19, 2016". Intl's "en" is American English,
// so each interface language names the Intl locale that writes the Organization's style. Times
// are UTC (the workflow's deadlines and timelines are kept in UTC) on a 24-hour clock.
// Free of Next imports: pages, client components, e-mails and jobs use it alike.

/**
 * The Intl locale that writes dates the UN way, per interface language: "19 avril 2016",
 * "19 de abril de 2016", "19 апреля 2016 г.", and Arabic as the plain 'ar' locale writes it
 * (whatever digits this runtime's ICU gives it; nothing here chooses a digit shape).
 */
const DATE_LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', zh: 'zh-CN', ar: 'ar' };

export function dateLocale(locale: string): string {
  return DATE_LOCALES[locale] ?? locale;
}

const STYLES = {
  /** "19 April 2016": in running text and headings. */
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  /** "19 April 2016 at 14:05" (the joiner is ICU's): an event in a timeline. Server-rendered only, as ICU versions differ. */
  dayTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "19 Apr 2016": a table's column. */
  shortDay: { day: 'numeric', month: 'short', year: 'numeric' },
  /** "19 Apr 2016, 14:05": a table's column of events (the joiner is ICU's, as above). */
  shortDayTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const formats = new Map<string, Intl.DateTimeFormat>();

/** `date` in the reader's language, the UN way, in UTC. */
export function formatDate(date: Date, locale: string, style: DateStyle = 'day'): string {
  const key = `${locale}:${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale(locale), { ...STYLES[style], timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format.format(date);
}

/** A calendar day kept as "2016-04-19" (a report's "as of" date), the UN way. */
export function formatIsoDay(day: string, locale: string): string {
  return formatDate(new Date(`${day}T00:00:00Z`), locale, 'day');
}

/** Formatters bound to one language, for a page or a component that writes many dates. */
export function dateFormatter(locale: string) {
  return {
    day: (date: Date) => formatDate(date, locale, 'day'),
    dayTime: (date: Date) => formatDate(date, locale, 'dayTime'),
    shortDay: (date: Date) => formatDate(date, locale, 'shortDay'),
    shortDayTime: (date: Date) => formatDate(date, locale, 'shortDayTime'),
    isoDay: (day: string) => formatIsoDay(day, locale),
  };
}

/** The months' names in the reader's language, January first (for a date field's month choice). */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(dateLocale(locale), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2000, month, 1))));
}

export type DatePart = 'day' | 'month' | 'year';

/**
 * The order the reader's language writes a date's parts in, as Intl writes "19 April 2016":
 * day, month, year in most languages; year, month, day in Chinese. For a date field's boxes.
 */
export function datePartOrder(locale: string): DatePart[] {
  const parts = new Intl.DateTimeFormat(dateLocale(locale), { ...STYLES.day, timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2016, 3, 19)));
  const order = parts.map((part) => part.type).filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  return order.length === 3 ? order : ['day', 'month', 'year'];
}
