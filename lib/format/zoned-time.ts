/**
 * Times in a named zone, for the people who read them there: "Dec 15, 2026, 9:00 AM EST". Only
 * Intl (the zone data the runtime ships), no library: the formats are few and fixed.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const id = `${zone}|${key}`;
  let f = formats.get(id);
  if (!f) formats.set(id, (f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone })));
  return f;
}

/** "Dec 15, 2026, 9:00 AM EST": a moment with its date, time and the zone's short name. */
export function formatZonedDateTime(at: Date, zone: string): string {
  return format(zone, { dateStyle: 'medium', timeStyle: 'short' }, 'dt').format(at) + ` ${zoneAbbreviation(at, zone)}`;
}

/** "Tue, Dec 15, 2026": the calendar day it is in the zone at that moment. */
export function formatZonedDay(at: Date, zone: string): string {
  return format(zone, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }, 'day').format(at);
}

/** "EST", "CDT", "UTC" (or "GMT-4" where the runtime has no abbreviation for the zone). */
export function zoneAbbreviation(at: Date, zone: string): string {
  return format(zone, { timeZoneName: 'short' }, 'abbr').formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** "Eastern Time (New York)": the zone as a person names it, for labels beside times and choices. */
export function zoneName(zone: string): string {
  if (zone === 'UTC') return 'UTC';
  const long = format(zone, { timeZoneName: 'longGeneric' }, 'long').formatToParts(new Date(0)).find((p) => p.type === 'timeZoneName')?.value;
  const city = zone.split('/').pop()!.replace(/_/g, ' ');
  return long && !long.startsWith('GMT') ? `${long} (${city})` : city;
}

/** The zone's offset from UTC at a moment, in minutes (New York in winter: -300). */
function offsetMinutes(at: Date, zone: string): number {
  const parts = Object.fromEntries(
    format(zone, { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }, 'parts')
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * The moment a wall-clock time ("2026-12-15", "09:00") names in a zone. Twice round: the offset
 * at the first guess may differ from the one at the answer across a daylight-saving change.
 */
export function zonedWallTimeToUtc(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  let at = new Date(wall - offsetMinutes(new Date(wall), zone) * 60_000);
  at = new Date(wall - offsetMinutes(at, zone) * 60_000);
  return at;
}

/** "2026-12-15" and "09:00" as the wall clock in the zone shows a moment (to fill a form with it). */
export function zonedWallTime(at: Date, zone: string): { date: string; time: string } {
  const local = new Date(at.getTime() + offsetMinutes(at, zone) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The zones the team may name when entering a port time: those of the US and Canada, and UTC. */
export const PORT_TIME_ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu',
  'America/Halifax', 'America/St_Johns', 'America/Toronto', 'America/Winnipeg', 'America/Regina', 'America/Edmonton', 'America/Vancouver',
  'America/Puerto_Rico', 'America/Iqaluit', 'America/Whitehorse', 'Pacific/Guam', 'Pacific/Pago_Pago', 'UTC',
] as const;
