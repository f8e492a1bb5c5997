// Cells of a downloaded spreadsheet (CSV or XLSX) that a spreadsheet program would run as a
// formula ("CSV injection", OWASP): a narrative typed as `=HYPERLINK(...)` or `@SUM(...)` must
// reach the reader as text. The rule is the one OWASP gives: a cell that starts with =, +, -, @,
// a tab or a carriage return gets a leading single quote, which spreadsheets read as "text".
//
// Two additions. The full-width forms of = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20), which a
// Chinese input method types and Apple Numbers treats as the ASCII ones. And a cell that already
// starts with a quote gets a second one, so that `restoreCell` gives back exactly what was
// stored for every cell (one quote is always removed).

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20']/;

/** Whether a spreadsheet could read the text as a formula (or it starts with the quote this module adds). */
export function needsNeutralising(value: string): boolean {
  return FORMULA_START.test(value);
}

/** The text as a spreadsheet cell that is never a formula: prefixed with ' when it starts like one. */
export function neutraliseCell(value: string): string {
  return needsNeutralising(value) ? `'${value}` : value;
}

/** The stored text of a cell `neutraliseCell` wrote (for reading an export back). */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
