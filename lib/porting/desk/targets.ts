import 'server-only';
import type { PortRequestStatus } from '../lifecycle/statuses';
import { businessCutoff } from './business-time';

/**
 * The desk's targets, in one place: how long a request may stay in a status (in business days)
 * before the queue marks it and "Past target" lists it. Approved counts only while no port date is
 * set: once the carrier gave one, the wait is the carrier's, not the desk's.
 */
export const DESK_TARGETS: readonly { status: PortRequestStatus; businessDays: number; onlyWithoutPortDate?: boolean; waitingFor: string }[] = [
  { status: 'submitted', businessDays: 1, waitingFor: 'review to start' },
  // Not in the examples: a review left open two days is as stuck as an unreviewed request.
  { status: 'in_review', businessDays: 2, waitingFor: 'a decision' },
  { status: 'approved', businessDays: 2, onlyWithoutPortDate: true, waitingFor: 'a port date' },
];

export type DeskTarget = (typeof DESK_TARGETS)[number];

/** Each target with the moment before which a request in its status is past it. */
export function targetCutoffs(now: Date): { target: DeskTarget; cutoff: Date }[] {
  return DESK_TARGETS.map((target) => ({ target, cutoff: businessCutoff(now, target.businessDays) }));
}

/** The target a request missed, or null: the same cut-offs as the SQL filter, so marks and filter agree. */
export function missedTarget(
  request: { status: PortRequestStatus; statusChangedAt: Date; focDate: Date | null },
  cutoffs: { target: DeskTarget; cutoff: Date }[],
): DeskTarget | null {
  const found = cutoffs.find((c) => c.target.status === request.status);
  if (!found || (found.target.onlyWithoutPortDate && request.focDate)) return null;
  return request.statusChangedAt < found.cutoff ? found.target : null;
}
