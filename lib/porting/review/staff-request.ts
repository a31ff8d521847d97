import 'server-only';
import type { Transaction } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { findPortRequest, type PortRequest } from '../port-request-access';

/** A request for a staff decision, locked for the transaction; account users never get here. */
export async function findRequestForStaff(tx: Transaction, actor: Actor, requestId: string): Promise<PortRequest> {
  if (!actor.isStaff) throw new NotFoundError('That port request');
  return findPortRequest(tx, actor, requestId, { forUpdate: true });
}
