import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { alternateRoutings, portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { PortNumberContext, PortNumberVerdict } from '../numbers/check-port-numbers';
import type { RawLine } from '../numbers/read-number-lines';
import { findEditableDraft } from '../port-request-access';
import { saveDraftStep } from '../drafts/save-draft-step';
import { checkDraftNumbers } from './check-draft-numbers';
import { NUMBER_GROUP_LABELS, numberGroupOf } from '../estimate';

// Well under the 65,535 bind parameters one statement may carry (8 columns a row).
const INSERT_BATCH = 1000;

/**
 * Runs the pre-checks and adds the accepted lines to the draft, all in one transaction; refused
 * lines are returned for the user to fix, and never block the good ones.
 */
export async function addNumbersToDraft(
  db: Database,
  actor: Actor,
  requestId: string,
  lines: RawLine[],
  defaults: PortNumberContext['defaults'],
): Promise<PortNumberVerdict[]> {
  return db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'numbers');
    const checked = await checkDraftNumbers(tx, actor, request, lines, defaults);
    // A submitted request holds one group only (US local, Canadian or toll-free): others need their own request.
    const group = request.numberGroup;
    const verdicts = group
      ? checked.map((v) =>
          v.verdict === 'accepted' && numberGroupOf({ country: v.country!, isTollFree: !!v.isTollFree }) !== group
            ? { ...v, verdict: 'refused' as const, code: 'other_group', message: `This request holds ${NUMBER_GROUP_LABELS[group].toLowerCase()} only; port this number with a new request.` }
            : v,
        )
      : checked;
    const accepted = verdicts.filter((v) => v.verdict === 'accepted');
    if (accepted.length === 0) return verdicts;

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
      trackingSourceId: v.trackingSourceId,
      targetAccountId: v.accountId!,
    }));
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx.insert(portRequestNumbers).values(rows.slice(i, i + INSERT_BATCH));
    }
    // The step completes on Continue, once every forwarding tracking number has a new route.
    await saveDraftStep(tx, actor, request, {
      uncomplete: ['numbers'],
      fields: {},
      changesSignedContent: 'Numbers were added after the LOA was signed.',
    });
    return verdicts;
  });
}

/** Removes numbers (all when `numbers` is empty) and the alternate routings chosen for them. */
export async function removeNumbersFromDraft(db: Database, actor: Actor, requestId: string, numbers: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'numbers');
    const which = numbers.length ? sql`and number = any(${sql.param(numbers)}::text[])` : sql``;
    // Only numbers still on their way can go; ported or rejected ones are the request's history.
    await tx.execute(sql`delete from ${portRequestNumbers} where port_request_id = ${requestId} and status in ('pending', 'approved', 'scheduled') ${which}`);
    const routingWhich = numbers.length ? sql`and porting_number = any(${sql.param(numbers)}::text[])` : sql``;
    await tx.execute(sql`delete from ${alternateRoutings} where port_request_id = ${requestId} ${routingWhich}`);
    await saveDraftStep(tx, actor, request, {
      uncomplete: ['numbers'],
      fields: {},
      changesSignedContent: 'Numbers were removed after the LOA was signed.',
    });
  });
}
