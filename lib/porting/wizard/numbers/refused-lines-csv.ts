import { csvCell, spreadsheetSafeCell as safeCell } from '@/lib/csv/spreadsheet-safe';

/** `line`: its number in the list checked, or where a kept line came from ("clinic.csv, line 14"). */
export type RefusedLine = { line: number | string; numberToPort: string; receivingNumber?: string; trackingSource?: string; accountName?: string; reason: string };

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
