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
  // The NANP's other countries stay abroad, named.
  ['+1 876 234 5678', 'JM', '+18762345678'],
  ['+1 809 234 5678', 'DO', '+18092345678'],
  ['+1 829 234 5678', 'DO', '+18292345678'],
  ['+1 246 234 5678', 'BB', '+12462345678'],
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

describe('the whole North American Numbering Plan, as a porting desk sees it', () => {
  // Area codes of the US territories are US numbers: ported as US ports, their territory kept.
  test.each([
    ['(787) 234-5678', '+17872345678', 'PR'],
    ['939 234 5678', '+19392345678', 'PR'],
    ['+1 671 234 5678', '+16712345678', 'GU'],
    ['+1 340 555 0123', '+13405550123', 'VI'],
    ['+1 684 633 1234', '+16846331234', 'AS'],
    ['+1 670 234 5678', '+16702345678', 'MP'],
  ])('%s is a US number of %s', (input, e164, region) => {
    expect(parsePortNumber(input)).toEqual({ ok: true, e164, country: 'US', isTollFree: false, region });
  });

  test.each([
    ['+1 340 234 5678', /not a valid number in the US Virgin Islands: .*234/],
    ['+1 684 234 5678', /not a valid number in American Samoa: .*234/],
  ])('an unused exchange of a territory (%s) is named as such, not as an area code out of use', (input, why) => {
    const result = parsePortNumber(input);
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (!result.ok) {
      expect(result.message).toMatch(why);
      expect(result.message).not.toMatch(/area code \d+ is not in use/);
    }
  });

  test.each([
    ['(900) 234-5678', /premium-rate/],
    ['+1 500 234 5678', /personal communications/],
    ['533 234 5678', /personal communications/],
    ['544 234 5678', /personal communications/],
    ['566 234 5678', /personal communications/],
    ['577 234 5678', /personal communications/],
    ['588 234 5678', /personal communications/],
    ['+1 600 234 5678', /non-geographic/],
  ])('%s is not a local number: refused with the reason', (input, why) => {
    const result = parsePortNumber(input);
    expect(result).toMatchObject({ ok: false, code: 'not_local' });
    if (!result.ok) expect(result.message).toMatch(why);
    // Still read, so a search can look it up.
    expect(result.e164).toMatch(/^\+1\d{10}$/);
  });

  test.each(['(410) 211-2345', '(410) 311-2345', '(410) 411-2345', '(617) 611-0000', '(212) 711-1234', '(410) 811-2345', '(410) 911-2345', '(416) 411-1234'])(
    '%s has an N11 exchange: never a line, refused',
    (input) => {
      const result = parsePortNumber(input);
      expect(result).toMatchObject({ ok: false, code: 'not_assignable' });
      if (!result.ok) expect(result.message).toMatch(/service code/);
    },
  );

  test.each(['(410) 555-0100', '(410) 555-0150', '+1 617 555 0199', '(416) 555-0123'])('%s is fictional: accepted where the demo runs, refused elsewhere', (input) => {
    expect(parsePortNumber(input, { fictional: 'accept' })).toMatchObject({ ok: true });
    const refused = parsePortNumber(input, { fictional: 'refuse' });
    expect(refused).toMatchObject({ ok: false, code: 'not_assignable' });
    if (!refused.ok) expect(refused.message).toMatch(/555-0100 to 555-0199/);
  });

  test.each(['(410) 555-0200', '(410) 555-0099', '(410) 556-0150'])('%s is outside the fictional range: accepted everywhere', (input) => {
    expect(parsePortNumber(input, { fictional: 'refuse' })).toMatchObject({ ok: true });
  });

  test('by default the fictional range follows where the app runs: these tests run it locally, with the demo', () => {
    expect(parsePortNumber('(410) 555-0110')).toMatchObject({ ok: true });
  });
});
