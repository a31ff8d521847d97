import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { formatPhoneNumber } from '@/lib/phone/format';

test('the NANP shortcut formats every +1 number exactly as libphonenumber does; others still go through it', () => {
  for (let i = 0; i < 5_000; i++) {
    const e164 = `+1${2_000_000_000 + Math.floor(Math.random() * 7_999_999_999)}`;
    const parsed = parsePhoneNumberWithError(e164);
    expect(formatPhoneNumber(e164)).toBe(parsed.formatNational());
  }
  expect(formatPhoneNumber('+14105550100')).toBe('(410) 555-0100');
  expect(formatPhoneNumber('+18005550100')).toBe('(800) 555-0100');
  expect(formatPhoneNumber('+442071838750')).toBe('+44 20 7183 8750');
  expect(formatPhoneNumber('not a number')).toBe('not a number');
});
