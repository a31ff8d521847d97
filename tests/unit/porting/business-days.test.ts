import { addBusinessDays, federalHolidays, holidayName, isBusinessDay, isoDate, utcDate } from '@/lib/porting/business-days';

test.each([
  [2026, ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']],
  [2027, ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31']],
])('the observed federal holidays of %i are computed from their rules', (year, dates) => {
  expect(federalHolidays(year).map((h) => h.date)).toEqual(dates);
});

test('a Saturday holiday is observed on the Friday, a Sunday one on the Monday', () => {
  expect(holidayName(utcDate(2026, 7, 3))).toBe('Independence Day'); // July 4, 2026 is a Saturday
  expect(holidayName(utcDate(2027, 7, 5))).toBe('Independence Day'); // July 4, 2027 is a Sunday
  expect(holidayName(utcDate(2027, 12, 31))).toBe("New Year's Day"); // Jan 1, 2028 is a Saturday
  expect(isBusinessDay(utcDate(2026, 7, 3))).toBe(false);
});

test('weekends and holidays are not business days', () => {
  expect(isBusinessDay(utcDate(2026, 11, 28))).toBe(false); // Saturday
  expect(isBusinessDay(utcDate(2026, 11, 29))).toBe(false); // Sunday
  expect(isBusinessDay(utcDate(2026, 11, 26))).toBe(false); // Thanksgiving
  expect(isBusinessDay(utcDate(2026, 11, 27))).toBe(true); // the Friday after is a business day
});

test('counting business days skips weekends and holidays, across a year end', () => {
  expect(isoDate(addBusinessDays(utcDate(2026, 11, 25), 3))).toBe('2026-12-01'); // Thanksgiving + weekend skipped
  expect(isoDate(addBusinessDays(utcDate(2027, 12, 23), 3))).toBe('2027-12-29'); // Dec 24 observed Christmas, weekend
  expect(isoDate(addBusinessDays(utcDate(2027, 12, 29), 3))).toBe('2028-01-04'); // Dec 31 observed New Year, weekend
  expect(isoDate(addBusinessDays(utcDate(2026, 12, 24), 1))).toBe('2026-12-28');
});
