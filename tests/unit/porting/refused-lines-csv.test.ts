import { parse } from 'csv-parse/sync';
import { refusedLinesCsv, refusedLinesText } from '@/lib/porting/wizard/numbers/refused-lines-csv';

test('refused lines come back in the import\'s column order with the reason, formulas neutralised', () => {
  const csv = refusedLinesCsv([
    { line: 3, numberToPort: '=HYPERLINK("http://evil.example","x")', receivingNumber: '+14105550199', trackingSource: '@SUM(A1)', accountName: '-1', reason: 'Not a phone number, "really".' },
    { line: 9, numberToPort: '4.10555E+09', reason: 'A spreadsheet turned this into scientific notation.' },
  ]);
  const rows = parse(csv, { bom: true }) as string[][];
  expect(rows[0]).toEqual(['Number to Port', 'Receiving Number', 'Tracking Source', 'Account Name', 'Line', 'Reason']);
  expect(rows[1]).toEqual(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+14105550199", "'@SUM(A1)", "'-1", '3', 'Not a phone number, "really".']);
  expect(rows[2]).toEqual(['4.10555E+09', '', '', '', '9', 'A spreadsheet turned this into scientific notation.']);
});

test('refused lines go back into the text box as lines the reader reads the same way', async () => {
  const { readNumberLines } = await import('@/lib/porting/wizard/numbers/read-number-lines');
  const text = refusedLinesText([
    { line: 14, numberToPort: '+14105550115', receivingNumber: '+14105550199', trackingSource: 'Billboards', accountName: 'Summit Marketing Group', reason: 'Unknown source' },
    { line: 15, numberToPort: '410,555,0116', reason: 'Not a phone number' },
  ]);
  expect(text).toBe('+14105550115,+14105550199,Billboards,Summit Marketing Group\n"410,555,0116"');
  const read = readNumberLines(text);
  expect(read.ok && read.lines.map((l) => [l.numberToPort, l.receivingNumber, l.trackingSource, l.accountName])).toEqual([
    ['+14105550115', '+14105550199', 'Billboards', 'Summit Marketing Group'],
    ['410,555,0116', undefined, undefined, undefined],
  ]);
});
