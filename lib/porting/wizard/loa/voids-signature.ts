import { oneLine, type LoaDocument } from './loa-document';

/**
 * What a signature covers of the request: every field of the letter that the wizard's steps fill
 * in (build-loa-document composes them from each step's LOA fields). The rest of the letter is
 * the request's id and reference, the signer, the date and our own name, which no edit changes.
 */
export type SignedContent = Omit<LoaDocument, 'requestId' | 'reference' | 'authorizedPerson' | 'date' | 'serviceProvider'>;
export type SignedField = keyof SignedContent;

export type SignatureVerdict = { voided: false } | { voided: true; field: SignedField; reason: string };

const CUSTOMER_DETAILS_CHANGED = 'The customer name, account number or billing number changed after the LOA was signed.';

// Why a change to each field of the letter voids the signature, in the letter's order. A field
// added to the letter without a reason here does not compile.
const REASONS: { [F in SignedField]: (before: SignedContent[F], after: SignedContent[F]) => string } = {
  accountHolder: () => CUSTOMER_DETAILS_CHANGED,
  billingAddress: () => 'The billing address changed after the LOA was signed.',
  // Carriers match where the lines are installed: a new one (or "the same as billing" again) is a new letter.
  serviceAddress: () => 'The service address (where the lines are installed) changed after the LOA was signed.',
  losingCarrier: () => 'The current carrier changed after the LOA was signed.',
  accountNumber: () => CUSTOMER_DETAILS_CHANGED,
  portType: () => CUSTOMER_DETAILS_CHANGED,
  btn: () => CUSTOMER_DETAILS_CHANGED,
  numbers: (before = [], after = []) => {
    const had = new Set(before.map((n) => n.number));
    const has = new Set(after.map((n) => n.number));
    if (after.some((n) => !had.has(n.number))) return 'Numbers were added after the LOA was signed.';
    if (before.some((n) => !has.has(n.number))) return 'Numbers were removed after the LOA was signed.';
    return 'The numbers to port changed after the LOA was signed.';
  },
};

export const SIGNED_FIELDS = Object.keys(REASONS) as SignedField[];

/**
 * The LOA authorizes exactly what it lists: the one rule for whether an edit voids the signature.
 * Compares the signed fields of the request before and after the edit (those either side gives: a
 * step passes the fields it touches) and names the first that changed, with the reason the
 * customer is shown. A field left empty and an empty value are the same; so are the keys of an
 * address in any order.
 */
export function voidsSignature(before: Partial<SignedContent>, after: Partial<SignedContent>): SignatureVerdict {
  for (const field of SIGNED_FIELDS) {
    if (!(field in before) && !(field in after)) continue;
    if (same(before[field], after[field])) continue;
    const reason = (REASONS[field] as (b: unknown, a: unknown) => string)(before[field], after[field]);
    return { voided: true, field, reason };
  }
  return { voided: false };
}

function same(a: unknown, b: unknown): boolean {
  // Lists of different lengths differ whatever their items (an import adds 10,000 numbers at once).
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return false;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// Each value as the letter prints it (oneLine: NFC, one line, single spaces), so an edit that
// leaves the letter's text the same leaves the signature. Empty (undefined, null, '') is one value;
// object keys are sorted, so a stored address (jsonb reorders keys) equals the same address typed.
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return oneLine(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, canonical(v)] as const)
        .filter(([, v]) => v !== '')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return value ?? '';
}
