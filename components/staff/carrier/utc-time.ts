import { dateTimeUtc } from '@/lib/format/date-time-utc';

/** A carrier time (a Date from our rows, an ISO string from the carrier's answers) as the console shows times: in UTC, named. */
export function utcTime(at: Date | string | null | undefined): string {
  if (!at) return '—';
  const d = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? String(at) : dateTimeUtc(d);
}
