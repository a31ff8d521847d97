import { formatPhoneNumber } from '@/lib/phone/format';
import { parsePortNumber } from './parse-port-number';
import type { RawLine } from './read-number-lines';

export type PortNumberContext = {
  currentAccountId: string;
  /** The current account and the sub-accounts the user may use. */
  usableAccounts: { id: string; name: string }[];
  /** Tracking sources of the usable accounts. */
  trackingSources: { id: string; accountId: string; name: string }[];
  /** Chosen once for all rows; a value on the line wins. */
  defaults: { receivingNumber?: string; trackingSourceName?: string };
  /** E.164 numbers already tracking numbers anywhere on the platform. */
  existingTrackingNumbers: ReadonlySet<string>;
  /** E.164 numbers in another open port request of any account (not this one). */
  numbersInOpenRequests: ReadonlySet<string>;
  /** Tracking numbers of the user's accounts, by the receiving number they forward to. */
  trackingNumbersByReceivingNumber: ReadonlyMap<string, { trackingNumber: string; accountId: string }[]>;
};

export type PortNumberVerdict = {
  line: number;
  input: string;
  verdict: 'accepted' | 'refused';
  code: string;
  message: string;
  e164?: string;
  country?: 'US' | 'CA';
  isTollFree?: boolean;
  receivingNumber?: string;
  trackingSourceId?: string;
  accountId?: string;
  /** Tracking numbers that forward to this number and need another routing once it is ported. */
  alternateRoutingFor?: string[];
  /**
   * Whether the carrier answered for this line (accepted by our pre-checks): false when it could
   * not be asked now, undefined when no carrier is connected (CARRIER=manual).
   */
  carrierChecked?: boolean;
  /** The carrier's answers: the carrier serving the number today, fast-port, text messaging. */
  currentCarrier?: string;
  fastPortable?: boolean;
  messagingCapable?: boolean;
};

type Resolved = Pick<PortNumberVerdict, 'receivingNumber' | 'trackingSourceId' | 'accountId'>;
type Problem = { code: string; message: string };

/**
 * The pre-checks of a port request: one verdict per line, in order. Checks run in the order of
 * precedence (the number itself, duplicates, the platform, then receiving number, source, account)
 * and the first problem found is the one reported.
 */
export function checkPortNumbers(lines: RawLine[], context: PortNumberContext): PortNumberVerdict[] {
  const firstLineOf = new Map<string, number>();
  const names = nameIndex(context);
  return lines.map((raw) => checkLine(raw, context, names, firstLineOf));
}

// One line's rules. A function of its own rather than closures made for each line: 10,000 lines
// made 20,000 of them.
function checkLine(raw: RawLine, context: PortNumberContext, names: NameIndex, firstLineOf: Map<string, number>): PortNumberVerdict {
  const input = raw.numberToPort ?? '';
  const parsed = parsePortNumber(input);
  if (!parsed.ok) return { line: raw.line, input, verdict: 'refused', code: parsed.code, message: parsed.message };

  const shown = formatPhoneNumber(parsed.e164);

  // Every later copy points at the first line, even when that line is refused for another reason:
  // fixing the first line does not make the copy portable.
  const first = firstLineOf.get(parsed.e164);
  if (first !== undefined) return refusal(raw.line, input, parsed, 'duplicate', `${shown} is already on line ${first} of this request. Remove this line.`);
  firstLineOf.set(parsed.e164, raw.line);

  // Worded the same for every account so that nobody learns what another account holds.
  if (context.existingTrackingNumbers.has(parsed.e164)) {
    return refusal(raw.line, input, parsed, 'already_tracking', `${shown} is already a tracking number on this platform, so it cannot be ported in. Remove this line.`);
  }
  if (context.numbersInOpenRequests.has(parsed.e164)) {
    return refusal(
      raw.line,
      input,
      parsed,
      'in_open_request',
      `${shown} is already in another open port request. Remove this line, or wait until that request is finished or cancelled.`,
    );
  }

  const receiving = checkReceiving(raw, context, parsed.e164);
  if ('code' in receiving) return refusal(raw.line, input, parsed, receiving.code, receiving.message);

  const account = findAccount(raw.accountName, context, names);
  const source = checkSource(raw, context, names, names.sourcesOf(account?.id));
  if ('code' in source) return refusal(raw.line, input, parsed, source.code, source.message, { receivingNumber: receiving.e164, accountId: account?.id });
  if (!account) {
    return refusal(
      raw.line,
      input,
      parsed,
      'unknown_account',
      `${quoted(raw.accountName ?? '')} is not an account you can port numbers into. Use the name of your account or one of its sub-accounts: ${listNames(context.usableAccounts)}.`,
      { receivingNumber: receiving.e164 },
    );
  }

  const resolved: Resolved = { receivingNumber: receiving.e164, trackingSourceId: source.id, accountId: account.id };
  const forwarding = context.trackingNumbersByReceivingNumber.get(parsed.e164);
  if (forwarding && forwarding.length > 0) {
    const numbers = forwarding.map((t) => t.trackingNumber);
    const list = numbers.map(formatPhoneNumber).join(', ');
    const message =
      `${shown} is the receiving number of your tracking number${numbers.length > 1 ? 's' : ''} ${list}. ` +
      `Once it is ported, calls to ${numbers.length > 1 ? 'them' : 'it'} need somewhere else to ring: choose an alternate routing.` +
      (parsed.isTollFree ? ` ${TOLL_FREE_NOTE}` : '');
    return verdictFor(raw.line, input, parsed, resolved, 'accepted', 'needs_alternate_routing', message, numbers);
  }
  if (parsed.isTollFree) return verdictFor(raw.line, input, parsed, resolved, 'accepted', 'toll_free', `${shown} is toll-free. ${TOLL_FREE_NOTE}`);
  return verdictFor(raw.line, input, parsed, resolved, 'accepted', 'ok', `${shown} can be ported.`);
}

const NOTHING_RESOLVED: Resolved = {};

function refusal(line: number, input: string, parsed: { e164: string; country: 'US' | 'CA'; isTollFree: boolean }, code: string, message: string, resolved = NOTHING_RESOLVED) {
  return verdictFor(line, input, parsed, resolved, 'refused', code, message);
}
const TOLL_FREE_NOTE = 'Toll-free numbers port through a separate process, so this one goes into its own request.';

/**
 * One verdict, written out field by field: spreading three or four objects into each of 10,000
 * verdicts took V8's slow path and cost more than every other rule together.
 */
function verdictFor(
  line: number,
  input: string,
  number: { e164: string; country: 'US' | 'CA'; isTollFree: boolean },
  resolved: Resolved,
  verdict: 'accepted' | 'refused',
  code: string,
  message: string,
  alternateRoutingFor?: string[],
): PortNumberVerdict {
  // Every field present (undefined where the line has none), so all verdicts share one shape.
  return {
    line,
    input,
    verdict,
    code,
    message,
    e164: number.e164,
    country: number.country,
    isTollFree: number.isTollFree,
    receivingNumber: resolved.receivingNumber,
    trackingSourceId: resolved.trackingSourceId,
    accountId: resolved.accountId,
    alternateRoutingFor,
  };
}

function checkReceiving(raw: RawLine, context: PortNumberContext, e164: string): Problem | { e164: string } {
  const value = raw.receivingNumber?.trim() || context.defaults.receivingNumber?.trim();
  if (!value) {
    return {
      code: 'receiving_missing',
      message: 'Calls need a receiving number to ring once the number is ported. Add one in the second column, or choose a default receiving number for all lines.',
    };
  }
  const parsed = parsePortNumber(value);
  // Calls may forward abroad, so a valid number of any country will do as the receiving number.
  if (!parsed.ok && !(parsed.code === 'international' && parsed.e164)) {
    const fromDefault = !raw.receivingNumber?.trim();
    return {
      code: 'receiving_invalid',
      message: `The receiving number${fromDefault ? ' chosen for all lines' : ''} is not usable: ${parsed.message}`,
    };
  }
  const receiving = parsed.e164!;
  if (receiving === e164) {
    return {
      code: 'receiving_is_number',
      message: `The receiving number is the number being ported, so calls would ring back to themselves. Use the number calls should ring once ${formatPhoneNumber(e164)} is a tracking number.`,
    };
  }
  return { e164: receiving };
}

type SourceIndex = { known: string[]; byName: Map<string, { id: string }> };
type NameIndex = {
  accounts: Map<string, { id: string; name: string }>;
  sourcesOf: (accountId: string | undefined) => SourceIndex & { ofAccount: boolean };
  /** normalize, once per spelling: a file repeats a handful of account and source names on every line. */
  normalized: (name: string | undefined) => string;
};

/**
 * The accounts and sources by their normalised names, made once per check: matching a line's names
 * is then a look-up, not a normalisation of every account and source name on every line.
 */
function nameIndex(context: PortNumberContext): NameIndex {
  const accounts = new Map<string, { id: string; name: string }>();
  for (const a of context.usableAccounts) if (!accounts.has(normalize(a.name))) accounts.set(normalize(a.name), a);
  const bySources = new Map<string, SourceIndex & { ofAccount: boolean }>();
  const spellings = new Map<string, string>();
  return {
    accounts,
    normalized(name) {
      if (name === undefined) return '';
      let known = spellings.get(name);
      if (known === undefined) spellings.set(name, (known = normalize(name)));
      return known;
    },
    sourcesOf(accountId) {
      const key = accountId ?? '';
      let index = bySources.get(key);
      if (!index) {
        // With an account we cannot use, its sources are unknown; a source none of the usable accounts has
        // is still worth reporting first, since it is wrong whatever the account turns out to be.
        const sources = context.trackingSources.filter((s) => accountId === undefined || s.accountId === accountId);
        const byName = new Map<string, { id: string }>();
        for (const s of sources) if (!byName.has(normalize(s.name))) byName.set(normalize(s.name), s);
        index = { known: [...new Set(sources.map((s) => s.name.trim()))], byName, ofAccount: accountId !== undefined };
        bySources.set(key, index);
      }
      return index;
    },
  };
}

function findAccount(name: string | undefined, context: PortNumberContext, names: NameIndex) {
  const wanted = names.normalized(name);
  if (!wanted) return context.usableAccounts.find((a) => a.id === context.currentAccountId) ?? { id: context.currentAccountId, name: '' };
  return names.accounts.get(wanted);
}

function checkSource(raw: RawLine, context: PortNumberContext, names: NameIndex, sources: SourceIndex & { ofAccount: boolean }): Problem | { id: string } {
  const name = raw.trackingSource?.trim() || context.defaults.trackingSourceName?.trim();
  if (!name) {
    return {
      code: 'unknown_source',
      message: `Choose a tracking source: add one in the third column, or choose a default source for all lines.${knownList(sources.known)}`,
    };
  }
  const match = sources.byName.get(names.normalized(name));
  if (match) return { id: match.id };
  const whose = sources.ofAccount ? 'this account' : 'any of your accounts';
  return { code: 'unknown_source', message: `${quoted(name)} is not a tracking source of ${whose}.${knownList(sources.known)}` };
}

function knownList(names: string[]): string {
  return names.length > 0 ? ` Use one of: ${names.join(', ')}.` : ' This account has no tracking sources yet: add one first.';
}

function listNames(accounts: { name: string }[]): string {
  return accounts.map((a) => a.name).join(', ');
}

function normalize(value: string | undefined): string {
  return (value ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The user's text inside our message: without direction or control characters, and short. */
function quoted(text: string): string {
  const plain = text.replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '').trim();
  return `"${plain.length > 60 ? `${plain.slice(0, 60)}…` : plain}"`;
}
