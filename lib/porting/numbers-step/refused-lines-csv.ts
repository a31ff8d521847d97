export type RefusedLine = { line: number; numberToPort: string; receivingNumber?: string; trackingSource?: string; accountName?: string; reason: string };

// A cell starting with = + - @ (or a tab/CR) is run as a formula by spreadsheets: prefix it so it stays text.
function safeCell(value: string | undefined): string {
  const text = value ?? '';
  const neutral = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}

/** The refused lines as a CSV in the import's own column order, plus the reason, to fix and upload again. */
export function refusedLinesCsv(lines: RefusedLine[]): string {
  const header = 'Number to Port,Receiving Number,Tracking Source,Account Name,Line,Reason';
  const rows = lines.map((l) =>
    [l.numberToPort, l.receivingNumber, l.trackingSource, l.accountName, String(l.line), l.reason].map(safeCell).join(','),
  );
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}
