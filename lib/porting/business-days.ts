// US federal holidays computed from their rules (no hard-coded dates), with the observed-day rule:
// a Saturday holiday is observed the Friday before, a Sunday holiday the Monday after.
// Dates are calendar dates handled as UTC midnight, so time zones never shift a day.

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseIsoDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  const date = utcDate(y, m, d);
  return isoDate(date) === value ? date : null;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  const first = utcDate(year, month, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return utcDate(year, month, 1 + offset + (n - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): Date {
  const last = utcDate(year, month + 1, 0);
  const offset = (last.getUTCDay() - weekday + 7) % 7;
  return addDays(last, -offset);
}

function observed(date: Date): Date {
  const day = date.getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, 1) : date;
}

/** The observed dates of the US federal holidays of `year` (New Year's Day of year+1 may fall on Dec 31). */
export function federalHolidays(year: number): { date: string; name: string }[] {
  const list: [Date, string][] = [
    [observed(utcDate(year, 1, 1)), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [lastWeekday(year, 5, 1), 'Memorial Day'],
    [observed(utcDate(year, 6, 19)), 'Juneteenth'],
    [observed(utcDate(year, 7, 4)), 'Independence Day'],
    [nthWeekday(year, 9, 1, 1), 'Labor Day'],
    [nthWeekday(year, 10, 1, 2), 'Columbus Day'],
    [observed(utcDate(year, 11, 11)), 'Veterans Day'],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'],
    [observed(utcDate(year, 12, 25)), 'Christmas Day'],
  ];
  const nextNewYear = observed(utcDate(year + 1, 1, 1));
  if (nextNewYear.getUTCFullYear() === year) list.push([nextNewYear, "New Year's Day"]);
  return list.filter(([d]) => d.getUTCFullYear() === year).map(([d, name]) => ({ date: isoDate(d), name }));
}

export function holidayName(date: Date): string | undefined {
  return federalHolidays(date.getUTCFullYear()).find((h) => h.date === isoDate(date))?.name;
}

export function isBusinessDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6 && !holidayName(date);
}

export function addBusinessDays(date: Date, days: number): Date {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (isBusinessDay(current)) left -= 1;
  }
  return current;
}

/** Today's calendar date in UTC. */
export function todayUtc(now = new Date()): Date {
  return utcDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
