import { isHolding, type PortRequestStatus } from './lifecycle/statuses';
import { addDays } from './business-days';
import { PORT_WINDOWS } from './promises';

export type NumberGroup = 'us_local' | 'ca_local' | 'toll_free';

/** What the help article promises: US ports 2-4 weeks, Canadian ports up to 6 weeks. */
export function estimatedCompletion(group: NumberGroup | null, submittedAt: Date): { from: Date; to: Date; label: string } {
  const window = group === 'ca_local' ? PORT_WINDOWS.ca : PORT_WINDOWS.us;
  return { from: addDays(submittedAt, window.fromDays), to: addDays(submittedAt, window.toDays), label: window.label };
}

/**
 * The window shown while the port date is unknown; none once the team has set a date (that date
 * is the answer) or the request is over (completed, cancelled).
 */
export function expectedPortWindow(request: { status: PortRequestStatus; numberGroup: NumberGroup | null; submittedAt: Date | null; focDate: Date | null }) {
  if (!request.submittedAt || request.focDate || !isHolding(request.status)) return null;
  return estimatedCompletion(request.numberGroup, request.submittedAt);
}

export function numberGroupOf(n: { country: 'US' | 'CA'; isTollFree: boolean }): NumberGroup {
  return n.isTollFree ? 'toll_free' : n.country === 'CA' ? 'ca_local' : 'us_local';
}

export const NUMBER_GROUP_LABELS: Record<NumberGroup, string> = {
  us_local: 'US local numbers',
  ca_local: 'Canadian numbers',
  toll_free: 'Toll-free numbers',
};
