// One record of a CSV download: RFC 4180 quoting, CRLF after it. Written by hand rather than with
// csv-stringify, whose per-field machinery (casts, per-field options, separators of several
// characters) was a large share of the export's time at a million rows. The output is what
// csv-stringify writes with the options the export used (`record_delimiter: '\r\n'`,
// `quote_record_delimiter: true`); tests/unit/csv-record.test.ts holds the two side by side.

/** A comma, a quote, or either half of a line break: the field is quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

const field = (cell: string) => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** The cells as one CSV record, ending in CRLF; a quote inside a quoted field is doubled. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(field).join(',')}\r\n`;
}
