// The carrier sandbox's deterministic rules: which numbers port, who serves them today, which
// orders fall into exception and when each step happens. Pure functions, so the rules are tested
// alone and docs/carrier.md can list them exactly. Numbers here are E.164 (+1NXXNXXXXXX).

export const HOUR = 60 * 60 * 1000;
/** confirm → submitted at once; the carrier answers (exception or FOC) this long after. */
export const CARRIER_ANSWER_DELAY = HOUR;
/** A cancellation requested after submission completes this long after. */
export const CANCEL_DELAY = HOUR;
/** Fast-port: the on-demand activation window runs from the FOC for this long. */
export const ACTIVATION_WINDOW = 4 * HOUR;
/** Text messaging follows voice this long after the voice port. */
export const MESSAGING_DELAY = 24 * HOUR;
/** Business days between submission and the earliest FOC. */
export const MIN_FOC_BUSINESS_DAYS = 2;
/** The hour (UTC) of a FOC the carrier picks itself. */
export const FOC_HOUR_UTC = 15;

const TOLL_FREE_NPAS = new Set(['800', '833', '844', '855', '866', '877', '888']);
// Canadian area codes (NANP), to tell a CA number from a US one.
const CANADIAN_NPAS = new Set(
  '204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438 450 460 468 474 506 514 519 548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905'.split(' '),
);

/** Who serves a number today, by its first digits (+1 NPA NXX); the first match wins. */
export const CARRIER_TABLE: { prefix: string; carrier: string }[] = [
  { prefix: '+1410555', carrier: 'Verizon Business' },
  { prefix: '+1410556', carrier: 'Comcast Business' },
  { prefix: '+1443555', carrier: 'Verizon Business' },
  { prefix: '+1301555', carrier: 'Verizon Business' },
  { prefix: '+1617555', carrier: 'Comcast Business' },
  { prefix: '+1416555', carrier: 'Rogers Communications' },
  { prefix: '+1416556', carrier: 'Bell Canada' },
];
/** Toll-free numbers (their RespOrg), so a request's toll-free number never splits it. */
export const TOLL_FREE_CARRIER = 'Verizon Business';
export const DEFAULT_CARRIER = 'Lumen Technologies';

export type NumberKind = { valid: boolean; country?: 'US' | 'CA'; type?: 'local' | 'toll_free' };

export function numberKind(number: string): NumberKind {
  const m = /^\+1([2-9]\d{2})[2-9]\d{6}$/.exec(number);
  if (!m) return { valid: false };
  const npa = m[1];
  if (TOLL_FREE_NPAS.has(npa)) return { valid: true, country: 'US', type: 'toll_free' };
  return { valid: true, country: CANADIAN_NPAS.has(npa) ? 'CA' : 'US', type: 'local' };
}

export type NumberVerdict = {
  portable: boolean;
  notPortableReason: string;
  fastPortable: boolean;
  carrier?: string;
  country?: 'US' | 'CA';
  type?: 'local' | 'toll_free';
};

/** The portability check's answer for one number. */
export function checkNumber(number: string): NumberVerdict {
  const kind = numberKind(number);
  if (!kind.valid) return { portable: false, notPortableReason: 'Not a US or Canadian number in +E.164 format', fastPortable: false };
  const line = number.slice(-4);
  if (kind.type === 'local' && line >= '0900' && line <= '0999') {
    return { portable: false, notPortableReason: 'The rate center of this number is not supported for porting', fastPortable: false, ...kind };
  }
  return {
    portable: true,
    notPortableReason: '',
    // FastPort is a US local service: numbers ending in 7.
    fastPortable: kind.type === 'local' && kind.country === 'US' && number.endsWith('7'),
    carrier: currentCarrier(number),
    ...kind,
  };
}

export function currentCarrier(number: string): string | undefined {
  const kind = numberKind(number);
  if (!kind.valid) return undefined;
  if (kind.type === 'toll_free') return TOLL_FREE_CARRIER;
  return CARRIER_TABLE.find((row) => number.startsWith(row.prefix))?.carrier ?? DEFAULT_CARRIER;
}

/** What the losing carrier checks when the order reaches it. */
export type OrderDetails = {
  numbers: string[];
  pin?: string | null;
  accountNumber?: string | null;
  postalCode?: string | null;
};

export type SandboxException = {
  code: 'PASSCODE_PIN_INVALID' | 'LOCATION_MISMATCH' | 'ACCOUNT_NUMBER_MISMATCH' | 'PHONE_NUMBER_HAS_SPECIAL_FEATURE';
  description: string;
};

/** The exceptions the losing carrier raises for these details (none: the FOC is confirmed). */
export function exceptionsFor(order: OrderDetails): SandboxException[] {
  const found: SandboxException[] = [];
  if (order.pin?.trim() === '0000') found.push({ code: 'PASSCODE_PIN_INVALID', description: 'The PIN/passcode provided does not match the one on the account' });
  const postal = (order.postalCode ?? '').toUpperCase().replace(/\s+/g, '');
  if (postal === '99999' || postal === 'X9X9X9') {
    found.push({ code: 'LOCATION_MISMATCH', description: 'The service address does not match the address on the account' });
  }
  if (order.accountNumber?.trim() === '000000') {
    found.push({ code: 'ACCOUNT_NUMBER_MISMATCH', description: 'The account number does not match the losing carrier records' });
  }
  const special = order.numbers.filter((n) => n.endsWith('0899'));
  if (special.length) {
    found.push({ code: 'PHONE_NUMBER_HAS_SPECIAL_FEATURE', description: `A special feature (e.g. a hunt group or DSL) must be removed first on ${special.join(', ')}` });
  }
  return found;
}

function isWeekend(day: Date) {
  return day.getUTCDay() === 0 || day.getUTCDay() === 6;
}

/** `days` business days (Monday–Friday; the sandbox keeps no holidays) after `from`'s date, at 15:00 UTC. */
export function businessDaysAfter(from: number, days: number): number {
  const day = new Date(from);
  day.setUTCHours(FOC_HOUR_UTC, 0, 0, 0);
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (!isWeekend(day)) left -= 1;
  }
  return day.getTime();
}

/** The FOC the carrier confirms: the requested one when late enough, else its earliest. */
export function confirmedFoc(submittedAt: number, requested?: string | null): number {
  const earliest = businessDaysAfter(submittedAt, MIN_FOC_BUSINESS_DAYS);
  const wanted = requested ? Date.parse(requested) : NaN;
  return Number.isFinite(wanted) && wanted >= earliest ? wanted : earliest;
}

/** The FOC windows the carrier offers: each business day from the earliest FOC, 15:00–23:00 UTC, for ten business days. */
export function focWindows(from: number): { startsAt: number; endsAt: number }[] {
  const windows: { startsAt: number; endsAt: number }[] = [];
  for (let i = MIN_FOC_BUSINESS_DAYS; i < MIN_FOC_BUSINESS_DAYS + 10; i += 1) {
    const start = businessDaysAfter(from, i);
    windows.push({ startsAt: start, endsAt: start + 8 * HOUR });
  }
  return windows;
}

/**
 * The carrier splits an order by losing carrier (SPID), country and number type: one order per
 * group. (Telnyx also splits by FastPort eligibility; the sandbox does not, so an order is
 * fast-port only when every number on it is.)
 */
export function splitNumbers(numbers: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const number of numbers) {
    const kind = numberKind(number);
    const key = `${currentCarrier(number) ?? '?'}|${kind.country ?? '?'}|${kind.type ?? '?'}`;
    groups.set(key, [...(groups.get(key) ?? []), number]);
  }
  return [...groups.values()];
}
