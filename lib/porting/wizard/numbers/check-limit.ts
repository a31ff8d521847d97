import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { accounts, portRequestEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import type { PortRequestEventType } from '../../events/port-request-event';
import { recordEvent } from '../../events/record-event';
import type { PortRequest } from '../../port-request-access';

/** The audit event of one portability check; internal, not for the customer's timeline. */
export const PORTABILITY_CHECKED_EVENT = 'portability_checked' satisfies PortRequestEventType;

// A check tells whether numbers are on the platform or in open requests: unlimited, it would map
// other customers' numbers. 20,000 lines an hour is two full 10,000-line files.
export const PORTABILITY_LINES_PER_HOUR = 20_000;
const WINDOW_MS = 60 * 60 * 1000;

const linesOf = sql<number>`coalesce((${portRequestEvents.data}->>'lines')::int, 0)`;

/**
 * Counts a check of `lines` lines against the request's account, in the caller's transaction, or
 * refuses it (not counted) when the account's last hour of checks leaves no room for it.
 */
export async function countPortabilityCheck(tx: Transaction, actor: Actor, request: PortRequest, lines: number, now = new Date()): Promise<void> {
  if (lines > PORTABILITY_LINES_PER_HOUR) throw new StateError(`Check at most ${PORTABILITY_LINES_PER_HOUR.toLocaleString('en-US')} lines at a time.`);
  // One check at a time per account: two tabs must not both pass with the same room left.
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, request.accountId)).for('no key update');
  // By the event's own account, not its request's: a discarded draft's checks still count.
  const inWindow = and(
    eq(portRequestEvents.accountId, request.accountId),
    eq(portRequestEvents.type, PORTABILITY_CHECKED_EVENT),
    gt(portRequestEvents.createdAt, new Date(now.getTime() - WINDOW_MS)),
  );
  const [{ used }] = await tx
    .select({ used: sql<number>`coalesce(sum(${linesOf}), 0)::int` })
    .from(portRequestEvents)
    .where(inWindow);
  if (used + lines > PORTABILITY_LINES_PER_HOUR) {
    const recent = await tx
      .select({ lines: linesOf, at: portRequestEvents.createdAt })
      .from(portRequestEvents)
      .where(inWindow)
      .orderBy(asc(portRequestEvents.createdAt));
    throw new StateError(limitMessage(used, lines, retryAt(recent, used, lines), now));
  }
  // Kept by account as well as request, so a discarded draft's checks still count (see above).
  await recordEvent(tx, { requestId: request.id, accountId: request.accountId, actor, at: now }, { type: PORTABILITY_CHECKED_EVENT, lines });
}

/** When enough of the oldest checks have left the hour for these lines to fit. */
function retryAt(recent: { lines: number; at: Date }[], used: number, lines: number): Date {
  let left = used;
  for (const check of recent) {
    left -= check.lines;
    if (left + lines <= PORTABILITY_LINES_PER_HOUR) return new Date(check.at.getTime() + WINDOW_MS);
  }
  return new Date(recent[recent.length - 1].at.getTime() + WINDOW_MS);
}

function limitMessage(used: number, lines: number, retry: Date, now: Date): string {
  // Rounded up to the minute: trying at the minute shown always works.
  const at = new Date(Math.ceil(retry.getTime() / 60_000) * 60_000);
  const minutes = Math.max(1, Math.round((at.getTime() - now.getTime()) / 60_000));
  const room = PORTABILITY_LINES_PER_HOUR - used;
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `Portability checks are limited to ${n(PORTABILITY_LINES_PER_HOUR)} lines an hour for each account, and this account has checked ${n(used)} in the last hour. ` +
    `Nothing was checked or saved: try these ${n(lines)} line(s) again at ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC (in ${minutes} minute${minutes === 1 ? '' : 's'})` +
    (room > 0 ? `, or check up to ${n(room)} line(s) now.` : '.')
  );
}
