const LONG_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** "December 30, 2026": a calendar date in words (read in UTC, where the app keeps its dates). */
export function longDate(date: Date): string {
  return LONG_DATE.format(date);
}
