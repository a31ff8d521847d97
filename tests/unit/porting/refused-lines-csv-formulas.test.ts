/**
 * Issue 12, finding 12b: the refused-lines CSV is opened in a spreadsheet, which runs a cell as a
 * formula also when = + - @ follow leading whitespace, when they are the full-width forms, or when
 * the cell starts with a tab, CR or LF. Every such cell must come back as text (prefixed with ').
 */
import { parse } from 'csv-parse/sync';
import { refusedLinesCsv } from '@/lib/porting/wizard/numbers/refused-lines-csv';

const FORMULA_CELLS: [string, string][] = [
  ['a space before =', ' =HYPERLINK("http://evil.example","x")'],
  ['spaces before +', '   +1+1'],
  ['a space before -', ' -2+3'],
  ['a space before @', ' @SUM(A1)'],
  ['a no-break space before =', '\u00A0=1+1'],
  ['an ideographic space before =', '\u3000=1+1'],
  ['a zero-width space before =', '\u200B=1+1'],
  ['a byte order mark before =', '\uFEFF=1+1'],
  ['a tab then =', '\t=1+1'],
  ['a full-width =', '＝HYPERLINK("http://evil.example")'],
  ['a full-width +', '＋1+1'],
  ['a full-width -', '－1+1'],
  ['a full-width @', '＠SUM(A1)'],
  ['a space before a full-width =', ' ＝1+1'],
  ['a leading tab', '\tcmd'],
  ['a leading CR', '\rcmd'],
  ['a leading LF', '\ncmd'],
];

/** The cell of each column as a spreadsheet reads it back. */
function cellsOf(value: string) {
  const csv = refusedLinesCsv([{ line: 7, numberToPort: value, receivingNumber: value, trackingSource: value, accountName: value, reason: value }]);
  return (parse(csv, { bom: true, relax_quotes: true }) as string[][])[1];
}

test.each(FORMULA_CELLS)('a cell starting with %s comes back as text in every column', (_name, value) => {
  const cells = cellsOf(value);
  expect(cells).toEqual([`'${value}`, `'${value}`, `'${value}`, `'${value}`, '7', `'${value}`]);
});

test.each([
  ['a number as typed', '(410) 555-0110'],
  ['a name with a hyphen inside', 'Summit-Dental'],
  ['a reason with = inside', 'Receiving number = tracking number'],
  ['an email-like source', 'ads@google'],
])('%s stays as it was', (_name, value) => {
  expect(cellsOf(value)[0]).toBe(value);
});
