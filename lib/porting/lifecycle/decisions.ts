import { canCancel, canDecideSms, canTransition, canTransitionNumber, isAtCarrier, isHolding, type PortNumberStatus, type PortRequestStatus } from './statuses';

/** What the regulatory team can decide about a request; the console offers these and the services accept only these. */
export type Decision = 'start_review' | 'approve' | 'request_changes' | 'schedule' | 'mark_ported' | 'reject_numbers' | 'decide_sms' | 'cancel';

/**
 * The decisions open on a request in `status` whose numbers are in `numbers`. The console shows a
 * button for each, and each decision's service refuses itself when it is not in this set.
 */
export function allowedDecisions(status: PortRequestStatus, numbers: readonly PortNumberStatus[]): ReadonlySet<Decision> {
  const allowed = new Set<Decision>();
  if (canTransition(status, 'in_review')) allowed.add('start_review');
  if (canTransition(status, 'approved')) allowed.add('approve');
  if (canTransition(status, 'changes_needed')) allowed.add('request_changes');
  if (canTransition(status, 'scheduled')) allowed.add('schedule');
  if (isAtCarrier(status) && numbers.some((n) => canTransitionNumber(n, 'ported'))) allowed.add('mark_ported');
  if (isHolding(status) && numbers.some((n) => canTransitionNumber(n, 'rejected'))) allowed.add('reject_numbers');
  if (numbers.some(canDecideSms)) allowed.add('decide_sms');
  if (canCancel(status, numbers)) allowed.add('cancel');
  return allowed;
}
