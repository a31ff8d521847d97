import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';

describe('numbers people type or export are read as the same US number', () => {
  test.each([
    '+14105550000',
    '14105550000',
    '4105550000',
    '(410) 555-0000',
    '410.555.0000',
    '+1 410-555-0000',
    '  4105550000  ',
    '"4105550000"',
    "'4105550000",
    '="4105550000"',
    '\u200B+1 410 555 0000\uFEFF',
  ])('%j', (input) => {
    expect(parsePortNumber(input)).toEqual({ ok: true, e164: '+14105550000', country: 'US', isTollFree: false });
  });

  test('with a country code and parentheses', () => {
    expect(parsePortNumber('+1 (301) 555-0122')).toEqual({ ok: true, e164: '+13015550122', country: 'US', isTollFree: false });
  });

  // The demo data uses the 555-01XX range reserved for fiction: it has to pass validation.
  test.each(['+14105550110', '+14105550199', '+13015550198'])('fictional demo number %s is valid', (input) => {
    expect(parsePortNumber(input)).toMatchObject({ ok: true, e164: input });
  });
});

test.each([
  ['+14165550140', '+14165550140'],
  ['416 555 0141', '+14165550141'],
  ['(604) 555-0100', '+16045550100'],
])('a Canadian number %s is accepted as Canadian', (input, e164) => {
  expect(parsePortNumber(input)).toEqual({ ok: true, e164, country: 'CA', isTollFree: false });
});

test.each(['+18005550150', '1 888 555 0100', '(877) 555-0100'])('toll-free %s is accepted and flagged', (input) => {
  expect(parsePortNumber(input)).toMatchObject({ ok: true, country: 'US', isTollFree: true });
});

test.each(['4.10555E+09', '4.10555e+09', '4,10555E+09', '4.105550000E+9'])(
  'spreadsheet scientific notation %s is refused, telling how to export the column as text',
  (input) => {
    const result = parsePortNumber(input);
    expect(result).toMatchObject({ ok: false, code: 'scientific_notation' });
    if (result.ok) return;
    expect(result.message).toMatch(/scientific notation/);
    expect(result.message).toMatch(/digits are lost/);
    expect(result.message).toMatch(/as Text/);
    expect(result.message).toMatch(/export/);
  },
);

test.each([
  ['+442079460000', 'GB', '+442079460000'],
  ['+44 20 7946 0000', 'GB', '+442079460000'],
  ['011 44 20 7946 0000', 'GB', '+442079460000'],
  ['+33 1 23 45 67 89', 'FR', '+33123456789'],
  ['+1 787 555 0100', 'PR', '+17875550100'],
])('%s is a valid number outside the US and Canada: sent to the regulatory team', (input, country, e164) => {
  const result = parsePortNumber(input);
  expect(result).toMatchObject({ ok: false, code: 'international', country, e164 });
  if (!result.ok) expect(result.message).toMatch(/ticket to our regulatory team/);
});

test.each(['not a number', 'abc123', 'N/A', '+', '---', '1-800-FLOWERS', 'call me'])('%j is not a number', (input) => {
  expect(parsePortNumber(input)).toMatchObject({ ok: false, code: 'not_a_number' });
});

test('a vanity number is refused with the advice to write it in digits', () => {
  const result = parsePortNumber('1-800-FLOWERS');
  expect(!result.ok && result.message).toMatch(/write it with digits/);
});

test.each(['', '   ', '""'])('%j is empty', (input) => {
  expect(parsePortNumber(input)).toMatchObject({ ok: false, code: 'empty' });
});

test.each([
  ['+1 555 555 0000', /area code 555 is not in use/],
  ['(010) 555-0000', /area codes never start with 0 or 1/],
  ['(410) 155-0000', /three digits after the area code never start with 0 or 1/],
  ['410555', /too short.*10 digits/],
  ['310 0000', /too short/],
  ['+1410555000', /too short/],
  ['410555000011', /too long/],
  ['+999 123 4567', /country code that does not exist/],
  ['4105550000 ext 12', /remove the extension/],
])('%s is invalid and the message says what to fix', (input, why) => {
  const result = parsePortNumber(input);
  expect(result).toMatchObject({ ok: false, code: 'invalid' });
  if (!result.ok) expect(result.message).toMatch(why);
});

test.each([
  ['fullwidth', '４１０ ５５５ ０１１０'],
  ['Arabic-Indic', '٤١٠٥٥٥٠١١٠'],
  ['Persian', '۴۱۰۵۵۵۰۱۱۰'],
  ['Devanagari', '४१०५५५०११०'],
  ['a thin space and a direction mark between groups', '410\u2009555\u200E0110'],
])('digits typed in %s are read as the digits they are', (_, input) => {
  expect(parsePortNumber(input)).toMatchObject({ ok: true, e164: '+14105550110' });
});

test.each(['410555011¹', '410 555 011①', '410-555-⒈011'])('%j is refused: a superscript or circled figure is not a digit', (input) => {
  expect(parsePortNumber(input).ok).toBe(false);
});
