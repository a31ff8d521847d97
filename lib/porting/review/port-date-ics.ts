/**
 * An .ics calendar event for the port date, so customers can keep the day free of changes
 * (RFC 5545, published with METHOD:PUBLISH as RFC 5546 describes: an ORGANIZER, the platform's
 * sender, is required with it). A changed date keeps the UID and raises SEQUENCE, so calendars
 * move the event instead of adding a second one.
 */
export function portDateIcs(options: {
  requestId: string;
  focDate: Date;
  summary: string;
  description: string;
  url: string;
  sequence: number;
  /** The sender the emails go out from, as in EMAIL_FROM: `Name <address>` or a bare address. */
  organizer: string;
  now?: Date;
}): string {
  const end = new Date(options.focDate.getTime() + 2 * 3_600_000);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Port Numbers//Port date//EN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:port-${options.requestId}@port-numbers`,
    `SEQUENCE:${options.sequence}`,
    `DTSTAMP:${utcStamp(options.now ?? new Date())}`,
    `DTSTART:${utcStamp(options.focDate)}`,
    `DTEND:${utcStamp(end)}`,
    organizerLine(options.organizer),
    `SUMMARY:${text(options.summary)}`,
    `DESCRIPTION:${text(options.description)}`,
    `URL:${options.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n')
    .concat('\r\n');
}

/** 20261215T140000Z */
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A TEXT value (RFC 5545 3.3.11): backslash, comma and semicolon escaped, line breaks as \n. */
const text = (value: string) => value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** ORGANIZER;CN="Port Numbers":mailto:porting@example.com */
function organizerLine(from: string): string {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  const address = (match ? match[2] : from).trim();
  // A parameter value is quoted and may hold no double quote nor control character (RFC 5545 3.2).
  const name = (match?.[1] ?? '').replace(/^"|"$/g, '').replace(/["\p{Cc}]/gu, '').trim();
  return `ORGANIZER${name ? `;CN="${name}"` : ''}:mailto:${address}`;
}

/**
 * Lines longer than 75 octets folded (RFC 5545 3.1): a line break and a space before each further
 * 74 octets, never inside a UTF-8 character.
 */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Back up to the start of a character: continuation bytes are 10xxxxxx.
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // the leading space counts
  }
  return parts.join('\r\n ');
}
