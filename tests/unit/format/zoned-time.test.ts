import { regionTimeZone } from '@/lib/format/region-time-zone';
import { formatZonedDateTime, formatZonedDay, PORT_TIME_ZONES, zonedWallTime, zonedWallTimeToUtc, zoneName } from '@/lib/format/zoned-time';

test('a customer reads times in the zone of their billing address, named; without an address, UTC', () => {
  const at = new Date('2026-12-15T14:00:00Z');
  const cases = [
    [{ country: 'US', region: 'MD' }, 'Dec 15, 2026, 9:00 AM EST', 'Eastern Time (New York)'],
    [{ country: 'US', region: 'TX' }, 'Dec 15, 2026, 8:00 AM CST', 'Central Time (Chicago)'],
    [{ country: 'US', region: 'AZ' }, 'Dec 15, 2026, 7:00 AM MST', 'Mountain Standard Time (Phoenix)'],
    [{ country: 'US', region: 'CA' }, 'Dec 15, 2026, 6:00 AM PST', 'Pacific Time (Los Angeles)'],
    [{ country: 'CA', region: 'BC' }, 'Dec 15, 2026, 6:00 AM PST', 'Pacific Time (Vancouver)'],
    [{ country: 'CA', region: 'NS' }, 'Dec 15, 2026, 10:00 AM AST', 'Atlantic Time (Halifax)'],
    [null, 'Dec 15, 2026, 2:00 PM UTC', 'UTC'],
  ] as const;
  for (const [address, shown, name] of cases) {
    const zone = regionTimeZone(address);
    expect([formatZonedDateTime(at, zone), zoneName(zone)]).toEqual([shown, name]);
  }
});

test('every US state and Canadian province has a zone the team can also choose', () => {
  const states = ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'GU', 'VI', 'AS', 'MP'];
  const provinces = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];
  const zones = [...states.map((region) => regionTimeZone({ country: 'US', region })), ...provinces.map((region) => regionTimeZone({ country: 'CA', region }))];
  expect(zones.filter((z) => z === 'UTC')).toEqual([]);
  // The schedule form names the customer's zone among its choices, whichever it is.
  expect(zones.filter((z) => !(PORT_TIME_ZONES as readonly string[]).includes(z))).toEqual([]);
});

test('a wall-clock time the team enters in a zone is the moment it names there, across daylight saving', () => {
  expect(zonedWallTimeToUtc('2026-12-15', '10:00', 'America/New_York').toISOString()).toBe('2026-12-15T15:00:00.000Z');
  expect(zonedWallTimeToUtc('2026-07-15', '10:00', 'America/New_York').toISOString()).toBe('2026-07-15T14:00:00.000Z');
  expect(zonedWallTimeToUtc('2026-12-15', '10:00', 'America/St_Johns').toISOString()).toBe('2026-12-15T13:30:00.000Z');
  expect(zonedWallTimeToUtc('2026-12-15', '10:00', 'UTC').toISOString()).toBe('2026-12-15T10:00:00.000Z');
  // And back, to fill the form with a saved date.
  expect(zonedWallTime(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toEqual({ date: '2026-11-01', time: '01:30' });
  // Late evening in Los Angeles is the next day in UTC: the day shown is the customer's.
  expect(formatZonedDay(new Date('2026-12-16T05:00:00Z'), 'America/Los_Angeles')).toBe('Tue, Dec 15, 2026');
});
