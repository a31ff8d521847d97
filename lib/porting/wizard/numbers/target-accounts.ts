import 'server-only';
import { accountScope, type Actor } from '@/lib/auth/actor';
import type { PortRequest } from '../../port-request-access';

/**
 * The accounts a request's numbers may be put into: while a draft, its account and, for an agency,
 * the sub-accounts the user may use (the request then goes to the one its numbers live in, at
 * submission); once sent, only the account it belongs to, since a correction must not move
 * numbers between accounts ("do not move numbers between sub-accounts until the port completes").
 */
export function targetAccountScope(actor: Actor, request: Pick<PortRequest, 'accountId' | 'status'>): string[] {
  const scope = accountScope(actor, request.accountId);
  return request.status === 'draft' ? scope : scope.filter((id) => id === request.accountId);
}
