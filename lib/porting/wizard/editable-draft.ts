import 'server-only';
import type { Queryable } from '@/db/client';
import { canUseAccount, type Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { isCustomerEditable } from '../lifecycle/statuses';
import { findPortRequest, type PortRequest } from '../port-request-access';
import { stepsOpenedBy } from '../review/change-reasons';
import { findOpenChangeRequest } from '../review/open-change-request';
import type { WizardStepKey } from './steps';

/**
 * A customer's request open for editing, locked for the rest of the transaction: a draft, or a
 * request the team sent back with changes needed, and then only in the steps its reasons open.
 * A submitted request is otherwise read-only for the customer.
 */
export async function findEditableDraft(db: Queryable, actor: Actor, requestId: string, step?: WizardStepKey): Promise<PortRequest> {
  const request = await findPortRequest(db, actor, requestId, { forUpdate: true });
  if (actor.isStaff || !canUseAccount(actor, request.accountId)) throw new NotFoundError('That port request');
  if (!isCustomerEditable(request.status)) {
    throw new StateError('This request has been sent to our team and can no longer be edited here. Open it from Port Numbers to follow it.');
  }
  if (request.status === 'draft') return request;
  const open = await stepsOpenForFixing(db, requestId);
  if (!step || open.includes(step)) return request;
  throw new StateError('Our team did not ask for a change here. Fix the items listed on the request page, then resubmit.');
}

/**
 * Whether the customer may edit `step` of a request now, whoever asks (the same rule as
 * findEditableDraft, without the actor: the LOA signed through an emailed link has none).
 */
export async function isEditableAt(db: Queryable, request: Pick<PortRequest, 'id' | 'status'>, step: WizardStepKey): Promise<boolean> {
  if (!isCustomerEditable(request.status)) return false;
  if (request.status === 'draft') return true;
  return (await stepsOpenForFixing(db, request.id)).includes(step);
}

/** The steps the latest open change request lets the customer edit. */
export async function stepsOpenForFixing(db: Queryable, requestId: string): Promise<WizardStepKey[]> {
  const latest = await findOpenChangeRequest(db, requestId);
  return stepsOpenedBy(latest?.reasons.map((r) => r.code) ?? []);
}
