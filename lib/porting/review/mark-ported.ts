import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { dateTimeUtc } from '@/lib/format/date-time-utc';
import { numbersToMarkPorted } from './numbers-to-mark-ported';
import { portNumbers } from './port-numbers';
import { openDecision } from './staff-request';

export const markPortedSchema = z.object({
  numberIds: z.array(z.uuid()).default([]),
  version: z.coerce.number().int().positive(),
  // Ticked on the confirmation page when the port date is still ahead: the team says the carrier
  // moved the numbers early, since calls are re-routed from the moment they are marked.
  beforePortDate: z.literal('yes').optional(),
});

/** The port date has not come yet at `now`: marking ported then needs the team's word that it happened. */
export function isBeforePortDate(focDate: Date | null, now: Date): boolean {
  return focDate !== null && now < focDate;
}

/**
 * The team's "Mark ported", confirmed on its own page: the chosen numbers (all with a port date when
 * none are chosen) port through portNumbers, as when the carrier says they did. Only numbers with a
 * port date, and before that date only with `beforePortDate`.
 */
export async function markPorted(db: Database, actor: Actor, requestId: string, input: z.infer<typeof markPortedSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { request, numbers } = await openDecision(tx, actor, requestId, 'mark_ported', input.version);
    const candidates = numbersToMarkPorted(numbers, input.numberIds);
    if (isBeforePortDate(request.focDate, now) && input.beforePortDate !== 'yes') {
      throw new StateError(`The port date is ${dateTimeUtc(request.focDate!)}. Confirm that the carrier has already moved these numbers, or wait for the date.`);
    }
    await portNumbers(tx, { request, numbers: candidates, actor, now, expectedVersion: input.version });
  });
}
