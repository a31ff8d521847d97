import { businessDaysAfter, checkNumber, confirmedFoc, currentCarrier, exceptionsFor, focWindows, splitNumbers } from '@/lib/carrier/sandbox/rules';

test('local numbers whose last four digits are 0900-0999 are not portable, with the carrier reason; the rest port', () => {
  expect(checkNumber('+14105550900')).toMatchObject({ portable: false, notPortableReason: expect.stringContaining('not supported') });
  expect(checkNumber('+14105550999').portable).toBe(false);
  expect(checkNumber('+14105550899').portable).toBe(true);
  expect(checkNumber('+14105551000').portable).toBe(true);
  // Toll-free ports whatever its digits.
  expect(checkNumber('+18005550950')).toMatchObject({ portable: true, type: 'toll_free' });
  expect(checkNumber('+442079460000')).toMatchObject({ portable: false, notPortableReason: expect.stringContaining('US or Canadian') });
});

test('the current carrier comes from the exchange: two carriers among 555-01xx demo-style numbers', () => {
  expect(currentCarrier('+14105550110')).toBe('Verizon Business');
  expect(currentCarrier('+14105560110')).toBe('Comcast Business');
  expect(currentCarrier('+13015550121')).toBe('Verizon Business');
  expect(currentCarrier('+16175550130')).toBe('Comcast Business');
  expect(currentCarrier('+14165550140')).toBe('Rogers Communications');
  expect(currentCarrier('+14165560140')).toBe('Bell Canada');
  expect(currentCarrier('+18005550150')).toBe('Verizon Business');
  expect(currentCarrier('+12125550100')).toBe('Lumen Technologies');
});

test('fast-port: US local numbers ending in 7 only', () => {
  expect(checkNumber('+14105550117').fastPortable).toBe(true);
  expect(checkNumber('+14105550118').fastPortable).toBe(false);
  expect(checkNumber('+14165550147').fastPortable).toBe(false); // Canada
  expect(checkNumber('+18005550157').fastPortable).toBe(false); // toll-free
});

// The seed's numbers (docs/demo data) and the sample files' (numbers-sample.csv / .txt), copied here
// so the test runs without the shared folder.
const DEMO_NUMBERS = {
  'Summit Marketing Group': ['+14105550100', '+14105550101', '+14105550102', '+14105550000', '+14105550199', '+14105550110', '+14105550111', '+14105550112', '+14105550113', '+14105550114', '+14105550115', '+14105550117', '+14105550118', '+14105550119', '+18005550150'],
  'Summit Dental': ['+13015550120', '+13015550198', '+13015550121', '+13015550122'],
  'Summit Plumbing': ['+14165550140', '+14165550141', '+14165550199'],
  'Harbor Legal': ['+16175550130', '+16175550188'],
};

test("every demo and sample number is portable, and each account's numbers share one carrier (one order)", () => {
  for (const [account, numbers] of Object.entries(DEMO_NUMBERS)) {
    for (const n of numbers) expect([account, n, checkNumber(n).portable]).toEqual([account, n, true]);
    expect([account, new Set(numbers.map(currentCarrier)).size]).toEqual([account, 1]);
    // Toll-free and local stay apart (different number types), but never by carrier.
    expect(splitNumbers(numbers.filter((n) => checkNumber(n).type === 'local'))).toHaveLength(1);
  }
});

test('exceptions: PIN 0000, postal code 99999 / X9X 9X9, account 000000, a number ending 0899', () => {
  const clean = { numbers: ['+14105550110'], pin: '1234', accountNumber: '12345', postalCode: '21201' };
  expect(exceptionsFor(clean)).toEqual([]);
  expect(exceptionsFor({ ...clean, pin: '0000' }).map((e) => e.code)).toEqual(['PASSCODE_PIN_INVALID']);
  expect(exceptionsFor({ ...clean, postalCode: '99999' }).map((e) => e.code)).toEqual(['LOCATION_MISMATCH']);
  expect(exceptionsFor({ ...clean, postalCode: 'x9x 9x9' }).map((e) => e.code)).toEqual(['LOCATION_MISMATCH']);
  expect(exceptionsFor({ ...clean, accountNumber: '000000' }).map((e) => e.code)).toEqual(['ACCOUNT_NUMBER_MISMATCH']);
  expect(exceptionsFor({ ...clean, numbers: ['+14105550110', '+14105550899'] }).map((e) => e.code)).toEqual(['PHONE_NUMBER_HAS_SPECIAL_FEATURE']);
  expect(exceptionsFor({ numbers: ['+14105550899'], pin: '0000', accountNumber: '000000', postalCode: '99999' })).toHaveLength(4);
});

test('the FOC: the requested one when two business days away or later, else two business days after submission at 15:00 UTC', () => {
  const friday = Date.parse('2026-12-04T10:00:00Z');
  expect(new Date(businessDaysAfter(friday, 2)).toISOString()).toBe('2026-12-08T15:00:00.000Z');
  expect(new Date(confirmedFoc(friday)).toISOString()).toBe('2026-12-08T15:00:00.000Z');
  expect(new Date(confirmedFoc(friday, '2026-12-07T15:00:00Z')).toISOString()).toBe('2026-12-08T15:00:00.000Z');
  expect(new Date(confirmedFoc(friday, '2026-12-10T18:30:00Z')).toISOString()).toBe('2026-12-10T18:30:00.000Z');
  const windows = focWindows(friday);
  expect(windows).toHaveLength(10);
  expect(new Date(windows[0].startsAt).toISOString()).toBe('2026-12-08T15:00:00.000Z');
  expect(windows.every((w) => ![0, 6].includes(new Date(w.startsAt).getUTCDay()))).toBe(true);
});

test('the carrier splits an order by losing carrier and by number type', () => {
  expect(splitNumbers(['+14105550110', '+14105560111', '+14105550112']).map((g) => g.length).sort()).toEqual([1, 2]);
  expect(splitNumbers(['+14165550140', '+14105550110'])).toHaveLength(2);
});
