/** An .ics calendar event for the port date, so customers can keep the day free of changes. */
export function portDateIcs(options: { requestId: string; focDate: Date; summary: string; description: string; url: string; sequence: number }): string {
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const escape = (text: string) => text.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
  const end = new Date(options.focDate.getTime() + 2 * 3_600_000);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Port Numbers//Port date//EN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:port-${options.requestId}@port-numbers`,
    // A changed date keeps the UID and raises SEQUENCE, so calendars move the event instead of adding one.
    `SEQUENCE:${options.sequence}`,
    `DTSTAMP:${stamp(new Date())}`,
    `DTSTART:${stamp(options.focDate)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${escape(options.summary)}`,
    `DESCRIPTION:${escape(options.description)}`,
    `URL:${options.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
