// Spreadsheets run a cell as a formula when = + - @ (or their full-width forms) come first, even
// after spaces or invisible characters, and some when it starts with a tab or line break: prefix
// such a cell with ' so it stays text.
const FORMULA_START = /^[\s\u180E\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/** One CSV cell that a spreadsheet shows as text, never runs: for any file a person opens in Excel or Sheets. */
export function spreadsheetSafeCell(value: string | null | undefined): string {
  const text = value ?? '';
  return csvCell(FORMULA_START.test(text) ? `'${text}` : text);
}

/** One CSV cell, quoted when it needs to be (RFC 4180), without the formula guard. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line of spreadsheet-safe cells, with the CRLF ending spreadsheets expect. */
export function spreadsheetSafeLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(spreadsheetSafeCell).join(',')}\r\n`;
}

/** Excel reads a UTF-8 file as UTF-8 only with this mark first. */
export const CSV_BYTE_ORDER_MARK = '\uFEFF';
