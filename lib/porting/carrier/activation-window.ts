import type { CarrierOrderRow } from './carrier-orders';

/** How long after the FOC the carrier's on-demand activation stays open (then it ports on its own). */
export const ACTIVATION_WINDOW_HOURS = 4;

/** The order's activation window (FOC .. FOC + 4 hours), for a fast-port order with a confirmed FOC. */
export function activationWindow(row: Pick<CarrierOrderRow, 'fastPortEligible' | 'focConfirmedAt' | 'status'>): { startsAt: Date; endsAt: Date } | null {
  if (!row.fastPortEligible || !row.focConfirmedAt || row.status !== 'foc-date-confirmed') return null;
  return { startsAt: row.focConfirmedAt, endsAt: new Date(row.focConfirmedAt.getTime() + ACTIVATION_WINDOW_HOURS * 3_600_000) };
}
