import { businessCutoff } from '@/lib/porting/desk/business-time';

// The desk's clock: business time only (weekends and US federal holidays do not count).
const at = (iso: string) => new Date(`${iso}Z`);
const cutoff = (now: string, days: number) => businessCutoff(at(now), days).toISOString().slice(0, 16);

test('one business day back from a Monday reaches over the weekend to Friday, same time', () => {
  expect(cutoff('2026-12-07T15:00:00', 1)).toBe('2026-12-04T15:00');
  expect(cutoff('2026-12-07T15:00:00', 2)).toBe('2026-12-03T15:00');
});

test('a holiday does not count: the day after Thanksgiving reaches back to Wednesday', () => {
  expect(cutoff('2026-11-27T15:00:00', 1)).toBe('2026-11-25T15:00');
});

test('on a weekend the clock stands still: all of Saturday and Sunday give the same cut-off', () => {
  expect(cutoff('2026-12-05T01:00:00', 1)).toBe('2026-12-04T00:00');
  expect(cutoff('2026-12-06T23:00:00', 1)).toBe('2026-12-04T00:00');
  // So a request that came in on Saturday is past one business day only from Tuesday 00:00.
  expect(businessCutoff(at('2026-12-08T00:00:01'), 1) > at('2026-12-05T10:00:00')).toBe(true);
  expect(businessCutoff(at('2026-12-07T23:59:00'), 1) > at('2026-12-05T10:00:00')).toBe(false);
});
