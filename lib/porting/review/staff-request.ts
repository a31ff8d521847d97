import 'server-only';
import type { Transaction } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { allowedDecisions, type Decision, type DecisionContext } from '../lifecycle/decisions';
import { numbersOfRequest, type RequestNumber } from '../lifecycle/transition-numbers';
import { STALE_MESSAGE } from '../lifecycle/transition-request';
import { findPortRequest, type PortRequest } from '../port-request-access';

/**
 * A request for a staff decision, locked for the transaction; account users never get here.
 * A draft is "not found", as on the console's request page: it is the customer's own until sent.
 */
export async function findRequestForStaff(tx: Transaction, actor: Actor, requestId: string): Promise<PortRequest> {
  if (!actor.isStaff) throw new NotFoundError('That port request');
  const request = await findPortRequest(tx, actor, requestId, { forUpdate: true });
  if (request.status === 'draft') throw new NotFoundError('That port request');
  return request;
}

/** Why a decision is not open now, as the console and the services say it. */
export const NOT_NOW: Record<Decision, string> = {
  start_review: 'Review can start only on a request that was just submitted.',
  approve: 'Only a request in review can be approved.',
  request_changes: 'Changes can be asked only while the request is with our team or the carrier.',
  schedule: 'A port date can be set once the request is approved.',
  mark_ported: 'Numbers can be marked ported once they have a port date. Set the port date first.',
  reject_numbers: 'Numbers of a closed request cannot be rejected.',
  decide_sms: 'SMS can be decided only for ported numbers, and no number of this request has ported yet. Mark the numbers ported first.',
  cancel: 'This request is already closed.',
  submit_to_carrier: 'Only an approved request with no order open at the carrier can be submitted to it.',
};

/**
 * The request and its numbers for `decision`, refused unless the status machine offers that
 * decision now (the console shows only those; this holds for a stale page or a script too).
 * With `expectedVersion`, a decision made on a page older than the request is refused first.
 */
export async function openDecision(
  tx: Transaction,
  actor: Actor,
  requestId: string,
  decision: Decision,
  expectedVersion?: number,
  context?: DecisionContext,
): Promise<{ request: PortRequest; numbers: RequestNumber[] }> {
  const request = await findRequestForStaff(tx, actor, requestId);
  if (expectedVersion !== undefined && request.version !== expectedVersion) {
    throw new StateError(STALE_MESSAGE);
  }
  const numbers = await numbersOfRequest(tx, requestId);
  if (!allowedDecisions(request.status, numbers.map((n) => n.status), context).has(decision)) throw new StateError(NOT_NOW[decision]);
  return { request, numbers };
}
