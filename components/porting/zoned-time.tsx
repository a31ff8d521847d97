import { formatZonedDateTime } from '@/lib/format/zoned-time';

/** A moment as its reader's zone shows it ("Dec 15, 2026, 9:00 AM EST"), and exactly to machines. */
export function ZonedTime({ at, zone, className }: { at: Date; zone: string; className?: string }) {
  return (
    <time className={className} dateTime={at.toISOString()}>
      {formatZonedDateTime(at, zone)}
    </time>
  );
}
