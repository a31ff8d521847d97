import 'server-only';
import type { Queryable } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { allowedDecisions } from '../lifecycle/decisions';
import { getPortRequestDetail } from '../queries/get-port-request-detail';
import { isBeforePortDate } from './mark-ported';
import { numbersToMarkPorted } from './numbers-to-mark-ported';
import { NOT_NOW } from './staff-request';

export type MarkPortedConfirmation = Awaited<ReturnType<typeof getMarkPortedConfirmation>>;

/**
 * What the team confirms before "Mark ported" does anything: the numbers it will port (as the
 * decision will choose them), the port date, and whether that date is still ahead. `refusal` says
 * why nothing can be marked, in the decision's own words.
 */
export async function getMarkPortedConfirmation(db: Queryable, actor: Actor, requestId: string, chosenIds: readonly string[], now = new Date()) {
  if (!actor.isStaff) throw new NotFoundError('That port request');
  const { request, numbers, accountName } = await getPortRequestDetail(db, actor, requestId);
  if (request.status === 'draft') throw new NotFoundError('That port request');
  const summary = { id: request.id, customerName: request.customerName, accountName, version: request.version, focDate: request.focDate };
  if (!allowedDecisions(request.status, numbers.map((n) => n.status)).has('mark_ported')) {
    return { request: summary, numbers: [], beforePortDate: false, refusal: NOT_NOW.mark_ported };
  }
  try {
    return { request: summary, numbers: numbersToMarkPorted(numbers, chosenIds), beforePortDate: isBeforePortDate(request.focDate, now), refusal: null };
  } catch (error) {
    if (error instanceof StateError) return { request: summary, numbers: [], beforePortDate: false, refusal: error.message };
    throw error;
  }
}
