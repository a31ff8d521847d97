import { numberGroupOf, type NumberGroup } from '../estimate';

const GROUP_ORDER: NumberGroup[] = ['us_local', 'ca_local', 'toll_free'];

/** `targetAccountId`: the account the number will live in (left out where only groups and carriers matter). */
export type SplitNumber = { country: 'US' | 'CA'; isTollFree: boolean; currentCarrier: string | null; targetAccountId?: string };

/** One request of a submission: a number group with one losing carrier. */
export type SplitPart<T> = {
  group: NumberGroup;
  /** The losing carrier of the part: the carrier's name for its numbers, or what the customer entered. */
  losingCarrier: string | null;
  /** Whether this is the customer's own carrier (numbers without a carrier answer go here too). */
  entered: boolean;
  /** The account every number of the part will live in (undefined when the numbers did not say). */
  accountId: string | undefined;
  numbers: T[];
};

/** Carrier names as people and carriers spell them: "Verizon  business" and "Verizon Business" are one. */
export function carrierKey(name: string | null | undefined): string {
  return (name ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * How a draft goes to the carriers: one request per number group (carriers port US local, Canadian
 * and toll-free separately) and, within a group, per current carrier (each carrier has its own
 * order). Numbers without a carrier answer, or answered with the carrier the customer entered, stay
 * with the customer's carrier. And one per account the numbers will live in: a request belongs to
 * one account, whose users follow it (an agency porting for two clients makes one for each).
 * The first part is the draft's own: its first group, its own carrier, its own account first.
 */
export function planSplit<T extends SplitNumber>(numbers: readonly T[], enteredCarrier: string | null, ownAccountId?: string): SplitPart<T>[] {
  const entered = carrierKey(enteredCarrier);
  const parts = new Map<string, SplitPart<T>>();
  for (const n of numbers) {
    const group = numberGroupOf(n);
    const own = !n.currentCarrier || carrierKey(n.currentCarrier) === entered;
    const key = `${group}:${own ? '' : carrierKey(n.currentCarrier)}:${n.targetAccountId ?? ''}`;
    let part = parts.get(key);
    if (!part) {
      part = { group, losingCarrier: own ? enteredCarrier : n.currentCarrier, entered: own, accountId: n.targetAccountId, numbers: [] };
      parts.set(key, part);
    }
    part.numbers.push(n);
  }
  return [...parts.values()].sort(
    (a, b) =>
      GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
      Number(b.entered) - Number(a.entered) ||
      (a.losingCarrier ?? '').localeCompare(b.losingCarrier ?? '') ||
      Number(b.accountId === ownAccountId) - Number(a.accountId === ownAccountId) ||
      (a.accountId ?? '').localeCompare(b.accountId ?? ''),
  );
}
