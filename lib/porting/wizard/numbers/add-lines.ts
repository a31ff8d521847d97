import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NUMBER_GROUP_LABELS, numberGroupOf } from '../../estimate';
import { findEditableDraft } from '../editable-draft';
import { saveStep } from '../save-step';
import { askCarrier } from './ask-carrier';
import { withCarrierAnswers } from './carrier-verdicts';
import { checkDraftNumbers } from './check-lines';
import type { PortNumberContext, PortNumberVerdict } from './check-rules';
import { insertNumbers } from './insert-numbers';
import { keepLinesToFix, type KeepRefused } from './keep-lines-to-fix';
import { numbersLoaFields, numbersOnLetter } from './loa-fields';
import type { RawLine } from './read-number-lines';


/**
 * "Add to request": runs the pre-checks, asks the carrier about the lines they accept, and adds the
 * accepted lines to the draft (with the carrier's answers) in one transaction; refused lines are
 * returned for the user to fix, and never block the good ones. With `keep` (the console), they
 * are also kept on the draft, in the same transaction, until fixed or dismissed.
 */
export async function addNumbersToDraft(
  db: Database,
  actor: Actor,
  requestId: string,
  lines: RawLine[],
  defaults: PortNumberContext['defaults'],
  now = new Date(),
  keep?: KeepRefused,
): Promise<PortNumberVerdict[]> {
  // Counted and pre-checked first; the carrier is asked with no transaction open, so no lock waits on it.
  const first = await db.transaction(async (tx) => {
    const checked = await checkDraftNumbers(tx, actor, await findEditableDraft(tx, actor, requestId, 'numbers'), lines, defaults, now);
    // Nothing to add: the refused lines are kept now, under the same lock.
    if (keep && !checked.verdicts.some((v) => v.verdict === 'accepted')) await keepLinesToFix(tx, requestId, lines, checked.verdicts, keep, defaults);
    return checked;
  });
  if (!first.verdicts.some((v) => v.verdict === 'accepted')) return first.verdicts;
  const answers = await askCarrier(first.verdicts);
  return db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'numbers');
    // Checked again under the lock (not counted twice): another tab may have added some of them meanwhile.
    const again = await checkDraftNumbers(tx, actor, request, lines, defaults, now, { earlier: first });
    const checked = withCarrierAnswers(again.verdicts, answers);
    // A submitted request holds one group only (US local, Canadian or toll-free): others need their own request.
    const group = request.numberGroup;
    const verdicts = group
      ? checked.map((v) =>
          v.verdict === 'accepted' && numberGroupOf({ country: v.country!, isTollFree: !!v.isTollFree }) !== group
            ? { ...v, verdict: 'refused' as const, code: 'other_group', message: `This request holds ${NUMBER_GROUP_LABELS[group].toLowerCase()} only; port this number with a new request.` }
            : v,
        )
      : checked;
    if (keep) await keepLinesToFix(tx, requestId, lines, verdicts, keep, defaults);
    const accepted = verdicts.filter((v) => v.verdict === 'accepted');
    if (accepted.length === 0) return verdicts;

    const before = await numbersOnLetter(tx, requestId);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${portRequestNumbers.position}), 0)::int + 1` })
      .from(portRequestNumbers)
      .where(eq(portRequestNumbers.portRequestId, requestId));
    const rows = accepted.map((v, i) => ({
      portRequestId: requestId,
      position: next + i,
      number: v.e164!,
      country: v.country!,
      isTollFree: !!v.isTollFree,
      receivingNumber: v.receivingNumber!,
      trackingSourceId: v.trackingSourceId!,
      targetAccountId: v.accountId!,
      // Null when the carrier was not asked (manual mode) or could not be: the team's submission asks again.
      currentCarrier: v.currentCarrier ?? null,
      fastPortable: v.fastPortable ?? null,
      messagingCapable: v.messagingCapable ?? null,
    }));
    await insertNumbers(tx, requestId, rows);
    // The step completes on Continue, once every forwarding tracking number has a new route.
    await saveStep(tx, actor, request, {
      uncomplete: ['numbers'],
      fields: {},
      signed: { before: numbersLoaFields(before), after: numbersLoaFields([...before, ...rows]) },
      at: now,
    });
    return verdicts;
  });
}
