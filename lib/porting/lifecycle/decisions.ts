import { canCancel, canDecideSms, canMarkPorted, canTransition, canTransitionNumber, isAtCarrier, isCustomerEditable, isHolding, isReadyForCarrier, type PortNumberStatus, type PortRequestStatus } from './statuses';

/** What the regulatory team can decide about a request; the console offers these and the services accept only these. */
export type Decision = 'start_review' | 'approve' | 'request_changes' | 'schedule' | 'mark_ported' | 'reject_numbers' | 'decide_sms' | 'cancel' | 'submit_to_carrier';

/** What the status alone cannot tell: whether an upstream carrier is configured, and whether the request has an order open with it. */
export type DecisionContext = { carrierConfigured?: boolean; openCarrierOrder?: boolean };

/**
 * The decisions open on a request in `status` whose numbers are in `numbers`. The console shows a
 * button for each, and each decision's service refuses itself when it is not in this set.
 */
export function allowedDecisions(status: PortRequestStatus, numbers: readonly PortNumberStatus[], context: DecisionContext = {}): ReadonlySet<Decision> {
  const allowed = new Set<Decision>();
  if (canTransition(status, 'in_review')) allowed.add('start_review');
  // A request the customer is fixing goes back to approved only by their resubmission (carrier changes), never by the team.
  if (canTransition(status, 'approved') && !isCustomerEditable(status)) allowed.add('approve');
  if (canTransition(status, 'changes_needed')) allowed.add('request_changes');
  if (canTransition(status, 'scheduled')) allowed.add('schedule');
  if (isAtCarrier(status) && numbers.some(canMarkPorted)) allowed.add('mark_ported');
  if (isHolding(status) && numbers.some((n) => canTransitionNumber(n, 'rejected'))) allowed.add('reject_numbers');
  if (numbers.some(canDecideSms)) allowed.add('decide_sms');
  if (canCancel(status, numbers)) allowed.add('cancel');
  if (context.carrierConfigured && !context.openCarrierOrder && isReadyForCarrier(status) && numbers.some((n) => canTransitionNumber(n, 'scheduled'))) allowed.add('submit_to_carrier');
  return allowed;
}
