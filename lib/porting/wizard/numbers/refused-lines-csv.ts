export type RefusedLine = { line: number; numberToPort: string; receivingNumber?: string; trackingSource?: string; accountName?: string; reason: string };

// Spreadsheets run a cell as a formula when = + - @ (or their full-width forms) come first, even
// after spaces or invisible characters, and some when it starts with a tab or line break: prefix
// such a cell with ' so it stays text.
const FORMULA_START = /^[\s\u180E\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/** One cell, kept as text by spreadsheets (shared by every CSV the app writes). */
export function safeCell(value: string | undefined): string {
  const text = value ?? '';
  return csvCell(FORMULA_START.test(text) ? `'${text}` : text);
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The refused lines as a CSV in the import's own column order, plus the reason, to fix and upload again. */
export function refusedLinesCsv(lines: RefusedLine[]): string {
  const header = 'Number to Port,Receiving Number,Tracking Source,Account Name,Line,Reason';
  const rows = lines.map((l) =>
    [l.numberToPort, l.receivingNumber, l.trackingSource, l.accountName, String(l.line), l.reason].map(safeCell).join(','),
  );
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

/** The refused lines as lines to paste back and fix: the import's four columns, without the reasons. */
export function refusedLinesText(lines: RefusedLine[]): string {
  return lines
    // Back into the page's own text box, not a spreadsheet: no formula guard needed.
    .map((l) => [l.numberToPort, l.receivingNumber, l.trackingSource, l.accountName].map((c) => csvCell(c ?? '')).join(',').replace(/,+$/, ''))
    .join('\n');
}
