import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { formatPhoneNumber } from '@/lib/phone/format';
import type { PortRequest } from '../../port-request-access';
import { loadNumberContext } from './check-context';
import { countPortabilityCheck } from './check-limit';
import { checkPortNumbers, type PortNumberContext, type PortNumberVerdict } from './check-rules';
import type { RawLine } from './read-number-lines';

/** One pass of the pre-checks: the verdicts, and a fingerprint of what the platform answered for them. */
export type DraftCheck = { verdicts: PortNumberVerdict[]; answers: string };

/**
 * The pre-checks for lines about to join a draft, including numbers the draft already holds.
 * Every check is counted against the account's hourly limit first, in the caller's transaction
 * (`earlier`: a pass over the same lines, already counted). The per-line rules depend only on the
 * lines and on the look-ups, so a pass whose look-ups answer as the earlier pass's did keeps its
 * verdicts: the check under the draft's lock costs the queries, not the rules again.
 */
export async function checkDraftNumbers(
  db: Transaction,
  actor: Actor,
  request: PortRequest,
  lines: RawLine[],
  defaults: PortNumberContext['defaults'],
  now = new Date(),
  { earlier }: { earlier?: DraftCheck } = {},
): Promise<DraftCheck> {
  if (!earlier) await countPortabilityCheck(db, actor, request, lines.length, now);
  const context = await loadNumberContext(db, actor, request, lines, defaults);
  const held = new Set(
    (await db.select({ number: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, request.id))).map(
      (r) => r.number,
    ),
  );
  const answers = fingerprint(context, held);
  if (earlier && earlier.answers === answers) return earlier;
  const verdicts = checkPortNumbers(lines, context).map((v) =>
    v.verdict === 'accepted' && v.e164 && held.has(v.e164)
      ? { ...v, verdict: 'refused' as const, code: 'duplicate', message: `${formatPhoneNumber(v.e164)} is already in this request.` }
      : v,
  );
  return { verdicts, answers };
}

/** Everything the rules read besides the lines, in a stable order (the sets hold only the lines' hits). */
function fingerprint(context: PortNumberContext, held: ReadonlySet<string>): string {
  const sorted = (values: Iterable<string>) => [...values].sort();
  return JSON.stringify([
    context.currentAccountId,
    context.defaults,
    context.usableAccounts.map((a) => [a.id, a.name]).sort(),
    context.trackingSources.map((s) => [s.id, s.accountId, s.name]).sort(),
    sorted(context.existingTrackingNumbers),
    sorted(context.numbersInOpenRequests),
    sorted([...context.trackingNumbersByReceivingNumber].map(([receiving, list]) => `${receiving}>${list.map((t) => `${t.trackingNumber}@${t.accountId}`).sort()}`)),
    sorted(held),
  ]);
}
