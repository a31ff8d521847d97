import 'server-only';
import { and, asc, eq, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { portRequestNumbers, portRequests } from '@/db/schema';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { recordEvent } from '../events/record-event';
import { deleteDraftRecords } from './delete-draft-records';
import { DELETE_STORED_FILES_JOB } from './delete-stored-files';
import { DRAFT_KEPT_DAYS, DRAFT_WARNING_DAYS, draftRemovalDate, warnDraftsUntouchedSince } from './draft-expiry';

export const DRAFT_SWEEP_JOB = 'draft-sweep';
const SWEEP_EVERY_MINUTES = 60;
/** Drafts handled per pass; a pass that fills it comes back in a minute for the rest. */
const BATCH = 100;
const DAY_MS = 86_400_000;

/** Schedules the next pass (one per slot, however many instances ask). */
export async function scheduleDraftSweep(tx: Transaction | Database, now: Date, soon = false): Promise<void> {
  const slotMs = (soon ? 1 : SWEEP_EVERY_MINUTES) * 60_000;
  const runAt = new Date(Math.ceil((now.getTime() + 1) / slotMs) * slotMs);
  await scheduleJob(tx, { kind: DRAFT_SWEEP_JOB, payload: {}, runAt, dedupeKey: `${DRAFT_SWEEP_JOB}:${runAt.toISOString()}` });
}

/**
 * The hourly pass over drafts nobody has changed: at 23 days the people following a draft are told
 * (an event, whose email links to the draft) that it goes in 7 days unless changed; once 30 days
 * have passed with no change since that email, the draft is removed with its stored files (deleted
 * by their own job after this commits). A change to the draft after the email starts over. Rows are
 * locked and skipped when busy, so a draft being edited right now is left for the next pass.
 */
export async function sweepUntouchedDrafts(tx: Transaction, now: Date): Promise<{ warned: number; removed: number }> {
  const toWarn = await tx
    .select({ id: portRequests.id, updatedAt: portRequests.updatedAt })
    .from(portRequests)
    .where(
      and(
        eq(portRequests.status, 'draft'),
        lt(portRequests.updatedAt, warnDraftsUntouchedSince(now)),
        or(isNull(portRequests.draftExpiryWarnedAt), lt(portRequests.draftExpiryWarnedAt, portRequests.updatedAt)),
      ),
    )
    .orderBy(asc(portRequests.updatedAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  for (const draft of toWarn) {
    // Not through bumpVersion: the announcement is not a change to the draft and must not restart its clock.
    await tx.update(portRequests).set({ draftExpiryWarnedAt: now }).where(eq(portRequests.id, draft.id));
    await recordEvent(tx, { requestId: draft.id, actor: null, at: now }, {
      type: 'draft_expiry_warned',
      untouchedSince: draft.updatedAt.toISOString(),
      removeOn: draftRemovalDate(draft, now).toISOString(),
    });
  }

  const toRemove = await tx
    .select({ id: portRequests.id, accountId: portRequests.accountId, updatedAt: portRequests.updatedAt })
    .from(portRequests)
    .where(
      and(
        eq(portRequests.status, 'draft'),
        lte(portRequests.updatedAt, new Date(now.getTime() - DRAFT_KEPT_DAYS * DAY_MS)),
        isNotNull(portRequests.draftExpiryWarnedAt),
        sql`${portRequests.draftExpiryWarnedAt} >= ${portRequests.updatedAt}`,
        lte(portRequests.draftExpiryWarnedAt, new Date(now.getTime() - DRAFT_WARNING_DAYS * DAY_MS)),
      ),
    )
    .orderBy(asc(portRequests.updatedAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  const keys: string[] = [];
  for (const draft of toRemove) {
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, draft.id));
    // An event of the account: it outlives the draft, so the audit trail says what became of it.
    await recordEvent(tx, { requestId: draft.id, accountId: draft.accountId, actor: null, at: now }, {
      type: 'draft_removed',
      untouchedSince: draft.updatedAt.toISOString(),
      numbers: count,
    });
    keys.push(...(await deleteDraftRecords(tx, draft.id)));
  }
  if (keys.length) await scheduleJob(tx, { kind: DELETE_STORED_FILES_JOB, payload: { keys }, runAt: now });

  await scheduleDraftSweep(tx, now, toWarn.length === BATCH || toRemove.length === BATCH);
  return { warned: toWarn.length, removed: toRemove.length };
}
