/**
 * The time zone a customer reads times in, from the state or province of the request's billing
 * address: each region's most populous zone (a state split between two, like Texas or Kentucky,
 * reads in the zone most of its people use). Without an address, UTC, named as such.
 */
const ZONES: Record<string, string[]> = {
  'America/New_York': ['CT', 'DE', 'DC', 'FL', 'GA', 'IN', 'KY', 'ME', 'MD', 'MA', 'MI', 'NH', 'NJ', 'NY', 'NC', 'OH', 'PA', 'RI', 'SC', 'VT', 'VA', 'WV'],
  'America/Chicago': ['AL', 'AR', 'IL', 'IA', 'KS', 'LA', 'MN', 'MS', 'MO', 'NE', 'ND', 'OK', 'SD', 'TN', 'TX', 'WI'],
  'America/Denver': ['CO', 'ID', 'MT', 'NM', 'UT', 'WY'],
  'America/Phoenix': ['AZ'],
  'America/Los_Angeles': ['CA', 'NV', 'OR', 'WA'],
  'America/Anchorage': ['AK'],
  'Pacific/Honolulu': ['HI'],
  'America/Puerto_Rico': ['PR', 'VI'],
  'Pacific/Guam': ['GU', 'MP'],
  'Pacific/Pago_Pago': ['AS'],
};
const CANADA: Record<string, string> = {
  BC: 'America/Vancouver', AB: 'America/Edmonton', NT: 'America/Edmonton', SK: 'America/Regina', MB: 'America/Winnipeg',
  ON: 'America/Toronto', QC: 'America/Toronto', NU: 'America/Iqaluit', NB: 'America/Halifax', NS: 'America/Halifax', PE: 'America/Halifax',
  NL: 'America/St_Johns', YT: 'America/Whitehorse',
};
const US = Object.fromEntries(Object.entries(ZONES).flatMap(([zone, states]) => states.map((s) => [s, zone])));

export function regionTimeZone(address: { country: 'US' | 'CA'; region: string } | null | undefined): string {
  if (!address) return 'UTC';
  return (address.country === 'CA' ? CANADA : US)[address.region] ?? 'UTC';
}
