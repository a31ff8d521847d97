import type { portNumberStatus, portRequestStatus } from '@/db/schema';

export type PortRequestStatus = (typeof portRequestStatus.enumValues)[number];
export type PortNumberStatus = (typeof portNumberStatus.enumValues)[number];

// The one table of allowed request transitions; nothing writes a status without passing it.
const REQUEST_TRANSITIONS: Record<PortRequestStatus, readonly PortRequestStatus[]> = {
  draft: ['submitted'],
  submitted: ['in_review', 'changes_needed', 'cancelled'],
  in_review: ['approved', 'changes_needed', 'cancelled'],
  changes_needed: ['submitted', 'completed', 'cancelled'],
  approved: ['scheduled', 'changes_needed', 'completed', 'cancelled'],
  scheduled: ['scheduled', 'changes_needed', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: PortRequestStatus, to: PortRequestStatus): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

export const OPEN_STATUSES: readonly PortRequestStatus[] = ['draft', 'submitted', 'in_review', 'changes_needed', 'approved', 'scheduled'];

/** For customers: what a status means and what happens next. */
export const STATUS_DESCRIPTIONS: Record<PortRequestStatus, { label: string; explanation: string }> = {
  draft: { label: 'Draft', explanation: 'Not sent yet. Resume it to finish the steps and send it to our team.' },
  submitted: { label: 'Submitted', explanation: 'Received. Our regulatory team will review your proof of ownership and LOA, usually within one business day.' },
  in_review: { label: 'In review', explanation: 'Our team is checking your details against the proof and LOA before sending the request to your current carrier.' },
  changes_needed: { label: 'Changes needed', explanation: 'Something must be corrected before the port can go ahead. Open the request to see what and to resubmit.' },
  approved: { label: 'Approved', explanation: 'Sent to your current carrier. We will email you as soon as they confirm a port date.' },
  scheduled: { label: 'Scheduled', explanation: 'Your current carrier confirmed the port date. Keep your service with them active until the numbers have moved.' },
  completed: { label: 'Completed', explanation: 'The numbers are on the platform and take calls. Texts can follow a few business days later for non-mobile numbers.' },
  cancelled: { label: 'Cancelled', explanation: 'This request was stopped; the numbers stay with your current carrier.' },
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

export function canTransitionNumber(from: PortNumberStatus, to: PortNumberStatus): boolean {
  return NUMBER_TRANSITIONS[from].includes(to);
}

/** SMS (activated early or marked an exception) is decided only once a number has ported: before, there is no tracking number to text. */
export function canDecideSms(status: PortNumberStatus): boolean {
  return status === 'ported';
}

export const NUMBER_STATUS_LABELS: Record<PortNumberStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  scheduled: 'Scheduled',
  ported: 'Ported',
  cancelled: 'Cancelled',
};

/**
 * Where a request must go once none of its numbers is still moving: completed when at least one
 * ported (the rejected ones are listed on it), cancelled when every number was rejected or cancelled.
 * Null while some number is still pending, approved or scheduled.
 */
export function settledRequestStatus(numbers: readonly PortNumberStatus[]): 'completed' | 'cancelled' | null {
  if (numbers.some((s) => s === 'pending' || s === 'approved' || s === 'scheduled')) return null;
  return numbers.some((s) => s === 'ported') ? 'completed' : 'cancelled';
}
