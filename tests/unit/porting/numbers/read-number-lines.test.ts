import { MAX_IMPORT_BYTES, MAX_NUMBER_LINES, readNumberLines, type ReadResult } from '@/lib/porting/wizard/numbers/read-number-lines';

const HEADER = 'Number to Port,Receiving Number,Tracking Source,Account Name';

function lines(result: ReadResult) {
  if (!result.ok) throw new Error(`expected the input to be read, got: ${result.message}`);
  return result.lines;
}

function refusal(result: ReadResult): string {
  if (result.ok) throw new Error('expected the input to be refused');
  return result.message;
}

test('a CSV with a header: the header is skipped and the lines keep their numbers in the file', () => {
  const result = readNumberLines(`${HEADER}\n+14105550110,+14105550199,Google Ads,Summit Dental\n4105550111\n`);
  expect(result).toEqual({
    ok: true,
    headerSkipped: true,
    lines: [
      { line: 2, numberToPort: '+14105550110', receivingNumber: '+14105550199', trackingSource: 'Google Ads', accountName: 'Summit Dental' },
      { line: 3, numberToPort: '4105550111' },
    ],
  });
});

test('pasted numbers without a header start at line 1', () => {
  const result = readNumberLines('4105550110\n4105550111');
  expect(result).toEqual({
    ok: true,
    headerSkipped: false,
    lines: [
      { line: 1, numberToPort: '4105550110' },
      { line: 2, numberToPort: '4105550111' },
    ],
  });
});

test('blank lines are skipped but the following lines keep their real line numbers', () => {
  const read = lines(readNumberLines('\n4105550110\n\n   \n,,,\n4105550111\n\n'));
  expect(read.map((l) => [l.line, l.numberToPort])).toEqual([
    [2, '4105550110'],
    [6, '4105550111'],
  ]);
});

test('a byte order mark and Windows line endings are handled', () => {
  const read = readNumberLines(`\uFEFF${HEADER}\r\n4105550110,4105550199\r\n\r\n4105550111,4105550199\r\n`);
  expect(read).toMatchObject({ ok: true, headerSkipped: true });
  expect(lines(read)).toEqual([
    { line: 2, numberToPort: '4105550110', receivingNumber: '4105550199' },
    { line: 4, numberToPort: '4105550111', receivingNumber: '4105550199' },
  ]);
});

test('an uploaded file as bytes with a UTF-8 BOM reads like the text', () => {
  const bytes = new TextEncoder().encode(`\uFEFF${HEADER}\r\n4105550110,4105550199,Direct,Summit Dental\r\n`);
  expect(lines(readNumberLines(bytes))).toEqual([
    { line: 2, numberToPort: '4105550110', receivingNumber: '4105550199', trackingSource: 'Direct', accountName: 'Summit Dental' },
  ]);
});

test('a Windows-1252 file keeps its accented account names', () => {
  const bytes = Uint8Array.from([...Buffer.from('4105550110,,,Caf'), 0xe9, ...Buffer.from(' Summit\n')]);
  expect(lines(readNumberLines(bytes))[0].accountName).toBe('Café Summit');
});

test('Windows-1252 punctuation stays punctuation: "…" does not end a line, curly quotes stay quotes', () => {
  // 4105550111,4105550199,Radio…,O’Brien Café — as Excel on Windows saves it.
  const bytes = Uint8Array.from([...Buffer.from('4105550111,4105550199,Radio'), 0x85, ...Buffer.from(',O'), 0x92, ...Buffer.from('Brien Caf'), 0xe9, 0x0d, 0x0a]);
  const read = lines(readNumberLines(bytes, { filename: 'excel.csv' }));
  expect(read).toHaveLength(1);
  expect(read[0]).toMatchObject({ trackingSource: 'Radio…', accountName: 'O’Brien Café' });
});

test('quoted fields and stray spaces are trimmed', () => {
  const read = lines(readNumberLines('"+1 (301) 555-0122" , "+1 (301) 555-0198","Website", "Summit, Dental" \n'));
  expect(read).toEqual([
    { line: 1, numberToPort: '+1 (301) 555-0122', receivingNumber: '+1 (301) 555-0198', trackingSource: 'Website', accountName: 'Summit, Dental' },
  ]);
});

test('semicolon-separated files from a spreadsheet', () => {
  const read = lines(readNumberLines('Number to Port;Receiving Number;Tracking Source\n(410) 555-0113;(410) 555-0199;Google Ads\n'));
  expect(read).toEqual([{ line: 2, numberToPort: '(410) 555-0113', receivingNumber: '(410) 555-0199', trackingSource: 'Google Ads' }]);
});

test('tab-separated text pasted from a spreadsheet', () => {
  const read = lines(readNumberLines('Number\tReceiving\n410.555.0114\t410.555.0199\n+1 301-555-0121\t+1 301-555-0198\n'));
  expect(read.map((l) => [l.line, l.numberToPort, l.receivingNumber])).toEqual([
    [2, '410.555.0114', '410.555.0199'],
    [3, '+1 301-555-0121', '+1 301-555-0198'],
  ]);
});

test('a first line with a phone number is data, not a header', () => {
  const result = readNumberLines('+14105550110,Number to port\n');
  expect(result).toMatchObject({ ok: true, headerSkipped: false, lines: [{ line: 1, numberToPort: '+14105550110' }] });
});

test('an unclosed quote does not throw and does not swallow the lines after it', () => {
  const result = readNumberLines('4105550110,4105550199\n"4105550111,4105550199\n4105550112,4105550199\n');
  expect(lines(result).map((l) => [l.line, l.numberToPort, l.receivingNumber])).toEqual([
    [1, '4105550110', '4105550199'],
    [2, '4105550111', '4105550199'],
    [3, '4105550112', '4105550199'],
  ]);
});

test('two stray quotes lines apart do not merge the lines between them', () => {
  const read = lines(readNumberLines('"4105550110,x\n4105550111\n"4105550112,y\n4105550113\n'));
  expect(read.map((l) => l.line)).toEqual([1, 2, 3, 4]);
  expect(read[1].numberToPort).toBe('4105550111');
});

test(`${MAX_NUMBER_LINES.toLocaleString('en-US')} numbers under a header are accepted`, () => {
  const body = Array.from({ length: MAX_NUMBER_LINES }, (_, i) => `+1410555${String(i).padStart(4, '0')}`).join('\n');
  const read = lines(readNumberLines(`${HEADER}\n${body}\n`));
  expect(read).toHaveLength(MAX_NUMBER_LINES);
  expect(read.at(-1)?.line).toBe(MAX_NUMBER_LINES + 1);
});

test('10,001 numbers are refused with the limit and a suggestion to split the file', () => {
  const body = Array.from({ length: MAX_NUMBER_LINES + 1 }, () => '4105550110').join('\n');
  const message = refusal(readNumberLines(body, { filename: 'numbers.csv' }));
  expect(message).toMatch(/10,000/);
  expect(message).toMatch(/numbers\.csv/);
  expect(message).toMatch(/[Ss]plit/);
});

test('a file over 5 MB is refused before it is read', () => {
  const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x31);
  const message = refusal(readNumberLines(big, { filename: 'big.csv' }));
  expect(message).toMatch(/5 MB/);
  expect(message).toMatch(/big\.csv/);
  // Multi-byte characters count as the bytes they take in the file.
  expect(refusal(readNumberLines('é'.repeat(MAX_IMPORT_BYTES / 2 + 1)))).toMatch(/5 MB/);
  expect(readNumberLines('é'.repeat(MAX_IMPORT_BYTES / 2 - 10) + '\n4105550110').ok).toBe(true);
});

test.each([
  ['an Excel workbook (zip)', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /not a text or CSV file.*Excel/],
  ['UTF-16 without a BOM (half its bytes NUL)', Uint8Array.from([0x34, 0x00, 0x31, 0x00, 0x30, 0x00, 0x0a, 0x00]), /not a text or CSV file/],
  ['random bytes that are not UTF-8', Uint8Array.from({ length: 400 }, (_, i) => (i * 73 + 11) % 256).filter((b) => b !== 0), /not a text or CSV file/],
  ['a UTF-16 file', Uint8Array.from([0xff, 0xfe, 0x34, 0x00, 0x31, 0x00]), /UTF-16.*CSV UTF-8/],
  ['a big-endian UTF-16 file', Uint8Array.from([0xfe, 0xff, 0x00, 0x34, 0x00, 0x31]), /UTF-16/],
  ['a PDF', new TextEncoder().encode('%PDF-1.7\n4105550110'), /PDF/],
])('%s is refused', (_, bytes, message) => {
  expect(refusal(readNumberLines(bytes, { filename: 'upload.csv' }))).toMatch(message);
});

test('a stray NUL byte costs only its own line, shown as \uFFFD', () => {
  const read = lines(readNumberLines(new TextEncoder().encode('4105550110\n410555\u00000111\n4105550112\n'), { filename: 'upload.csv' }));
  expect(read.map((l) => l.numberToPort)).toEqual(['4105550110', '410555\uFFFD0111', '4105550112']);
});

test('an empty file or a file with only a header is refused with what to put in it', () => {
  expect(refusal(readNumberLines(''))).toMatch(/empty.*one number/);
  expect(refusal(readNumberLines('\n \n,,,\n'))).toMatch(/empty/);
  expect(refusal(readNumberLines(`${HEADER}\n`))).toMatch(/no numbers/);
});

test('a line without a number in the first column is kept, so the check can point at it', () => {
  expect(lines(readNumberLines('4105550110\n,4105550199,Direct\n'))[1]).toEqual({
    line: 2,
    numberToPort: '',
    receivingNumber: '4105550199',
    trackingSource: 'Direct',
  });
});

test('mixed line endings still give the real line numbers', () => {
  expect(lines(readNumberLines('\n\r\n4105550110\r4105550111\r\n\n4105550112')).map((l) => l.line)).toEqual([3, 4, 6]);
});
