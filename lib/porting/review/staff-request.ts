import 'server-only';
import type { Transaction } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
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
