import type { portNumberStatus, portRequestStatus } from '@/db/schema';

// The request and number status machines, and every named set of statuses the app uses. No other
// module lists statuses (tests/unit/porting/status-lists.test.ts greps for one).

export type PortRequestStatus = (typeof portRequestStatus.enumValues)[number];
export type PortNumberStatus = (typeof portNumberStatus.enumValues)[number];

// The one table of allowed request transitions; lifecycle/transition-request is its only writer.
const REQUEST_TRANSITIONS: Record<PortRequestStatus, readonly PortRequestStatus[]> = {
  draft: ['submitted'],
  submitted: ['in_review', 'changes_needed', 'cancelled'],
  in_review: ['approved', 'changes_needed', 'cancelled'],
  // To approved only when the carrier asked for the changes: the corrections go straight back to it.
  changes_needed: ['submitted', 'approved', 'completed', 'cancelled'],
  approved: ['scheduled', 'changes_needed', 'completed', 'cancelled'],
  scheduled: ['scheduled', 'changes_needed', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

// Each number moves on its own: a carrier can reject or port some numbers of a request and not others.
const NUMBER_TRANSITIONS: Record<PortNumberStatus, readonly PortNumberStatus[]> = {
  pending: ['approved', 'rejected', 'cancelled'],
  approved: ['scheduled', 'rejected', 'ported', 'cancelled'],
  scheduled: ['scheduled', 'rejected', 'ported', 'cancelled'],
  rejected: [],
  ported: [],
  cancelled: [],
};

export const REQUEST_STATUSES = Object.keys(REQUEST_TRANSITIONS) as PortRequestStatus[];
export const NUMBER_STATUSES = Object.keys(NUMBER_TRANSITIONS) as PortNumberStatus[];

export function canTransition(from: PortRequestStatus, to: PortRequestStatus): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

export function canTransitionNumber(from: PortNumberStatus, to: PortNumberStatus): boolean {
  return NUMBER_TRANSITIONS[from].includes(to);
}

/** Sent to the team and not over: such a request holds its numbers, and is in the team's queue. */
export const HOLDING_STATUSES: readonly PortRequestStatus[] = REQUEST_STATUSES.filter((s) => s !== 'draft' && REQUEST_TRANSITIONS[s].length > 0);

/** Not over yet: a draft or a request the team holds. */
export const OPEN_STATUSES: readonly PortRequestStatus[] = REQUEST_STATUSES.filter((s) => REQUEST_TRANSITIONS[s].length > 0);

/** Where the customer may edit the request: a draft, or what the team sent back for changes. */
export const CUSTOMER_EDITABLE_STATUSES: readonly PortRequestStatus[] = ['draft', 'changes_needed'];

/** Sent on to the current carrier: numbers can be scheduled and ported from here. */
export const AT_CARRIER_STATUSES: readonly PortRequestStatus[] = REQUEST_STATUSES.filter((s) => canTransition(s, 'scheduled'));

/** Numbers still on their way: neither ported, rejected nor cancelled. */
export const MOVING_NUMBER_STATUSES: readonly PortNumberStatus[] = NUMBER_STATUSES.filter((s) => NUMBER_TRANSITIONS[s].length > 0);

/**
 * What the team may mark ported by hand: a number with a port date. Marking one ported makes it a
 * tracking number and re-routes calls, so an approved number without a date waits for its date (or
 * for the carrier's word, which ports it through the number machine directly).
 */
export const canMarkPorted = (status: PortNumberStatus) => status === 'scheduled' && canTransitionNumber(status, 'ported');

export const isOpen = (status: PortRequestStatus) => OPEN_STATUSES.includes(status);
export const isHolding = (status: PortRequestStatus) => HOLDING_STATUSES.includes(status);
export const isCustomerEditable = (status: PortRequestStatus) => CUSTOMER_EDITABLE_STATUSES.includes(status);
export const isAtCarrier = (status: PortRequestStatus) => AT_CARRIER_STATUSES.includes(status);
export const isMoving = (status: PortNumberStatus) => MOVING_NUMBER_STATUSES.includes(status);

/** Approved by the team and not yet given a port date: the request can be placed with the upstream carrier. */
export function isReadyForCarrier(status: PortRequestStatus): boolean {
  return status === 'approved';
}

/** The upstream carrier's order statuses (its own words) after which nothing more happens to the order. */
export const CLOSED_CARRIER_ORDER_STATUSES: readonly string[] = ['ported', 'cancelled'];

/** SMS (activated early or marked an exception) is decided only once a number has ported: before, there is no tracking number to text. */
export function canDecideSms(status: PortNumberStatus): boolean {
  return status === 'ported';
}

/** A request can be cancelled while the team holds it and none of its numbers has ported (those are on the platform). */
export function canCancel(status: PortRequestStatus, numbers: readonly PortNumberStatus[]): boolean {
  return isHolding(status) && !numbers.includes('ported');
}

/**
 * Where a request must go once none of its numbers is still moving: completed when at least one
 * ported (the rejected ones are listed on it), cancelled when every number was rejected or cancelled.
 * Null while some number is still moving.
 */
export function settledRequestStatus(numbers: readonly PortNumberStatus[]): 'completed' | 'cancelled' | null {
  if (numbers.some(isMoving)) return null;
  return numbers.some((s) => s === 'ported') ? 'completed' : 'cancelled';
}
