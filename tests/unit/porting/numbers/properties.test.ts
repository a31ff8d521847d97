import fc from 'fast-check';
import { checkPortNumbers } from '@/lib/porting/wizard/numbers/check-rules';
import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';
import { readNumberLines, type RawLine } from '@/lib/porting/wizard/numbers/read-number-lines';
import { demoContext } from './demo-context';

// Strings built from the characters that matter to the parsers, so that the interesting cases are hit often.
const csvish = fc
  .array(
    fc.oneof(
      fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', '\r', '\u2028', '\u0085', '\u0000', ' ', '+', '(', ')', '-', '.', 'E+09', '\uFEFF', 'Number to Port'),
      fc.stringMatching(/^\+?1?\d{10}$/),
      fc.string(),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

let generated = 0;
let properties = 0;
/** Runs a property and counts it, for the figure the suite prints. */
function check<T>(property: fc.IProperty<T>, numRuns: number) {
  fc.assert(property, { numRuns });
  properties += 1;
  generated += numRuns;
}
afterAll(() => console.log(`properties: ${properties} properties of the number parser and CSV reader, ${generated} generated inputs`));

const phoneish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[+(]?\d{0,3}[) .-]*\d{3}[ .-]?\d{4}\s*$/),
  fc.constantFrom('+14105550000', '4.10555E+09', '+442079460000', '1-800-FLOWERS', '="4105550000"'),
);

test('parsePortNumber never throws, and anything accepted is a +1 number in E.164', () => {
  check(
    fc.property(phoneish, (input) => {
      const result = parsePortNumber(input);
      if (result.ok) expect(result.e164).toMatch(/^\+1[2-9]\d{2}[2-9]\d{6}$/);
      else expect(result.message.length).toBeGreaterThan(0);
    }),
    2000,
  );
});

test('readNumberLines never throws on any text, and reports lines that exist, in order', () => {
  check(
    fc.property(fc.oneof(csvish, fc.string()), (input) => {
      const result = readNumberLines(input);
      if (!result.ok) {
        // The catch-all message means the reader itself threw, which only the safety net hid.
        expect(result.message).not.toMatch(/could not be read/);
        return;
      }
      const lineCount = input.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length;
      const numbers = result.lines.map((l) => l.line);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const n of numbers) {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(lineCount);
      }
    }),
    1000,
  );
});

test('readNumberLines never throws on any bytes', () => {
  check(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const result = readNumberLines(bytes, { filename: 'upload.csv' });
      if (!result.ok) expect(result.message).not.toMatch(/could not be read/);
    }),
    1000,
  );
});

const rawLine = fc.record(
  {
    numberToPort: phoneish,
    receivingNumber: phoneish,
    trackingSource: fc.oneof(fc.constantFrom('Google Ads', ' website ', 'Billboards'), fc.string()),
    accountName: fc.oneof(fc.constantFrom('Summit Dental', 'harbor legal', ''), fc.string()),
  },
  { requiredKeys: ['numberToPort'] },
);

test('checkPortNumbers gives exactly one verdict per line, in order, and repeats never pass twice', () => {
  check(
    fc.property(fc.array(rawLine, { maxLength: 30 }), fc.boolean(), (rows, withDefaults) => {
      const lines: RawLine[] = rows.map((row, i) => ({ ...row, line: i + 2 }));
      const defaults = withDefaults ? { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' } : {};
      const verdicts = checkPortNumbers(lines, demoContext(defaults));
      expect(verdicts.map((v) => v.line)).toEqual(lines.map((l) => l.line));
      const accepted = verdicts.filter((v) => v.verdict === 'accepted').map((v) => v.e164);
      expect(new Set(accepted).size).toBe(accepted.length);
    }),
    500,
  );
});
