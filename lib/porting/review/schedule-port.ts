import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { PORT_TIME_ZONES, zonedWallTimeToUtc } from '@/lib/format/zoned-time';
import { holidayName, isBusinessDay, parseIsoDate } from '../business-days';
import { carryNumbers } from '../lifecycle/transition-numbers';
import { transitionRequest } from '../lifecycle/transition-request';
import { openDecision } from './staff-request';

export const scheduleSchema = z
  .object({
    focDate: z.string().trim(),
    focTime: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as HH:MM, 24-hour.'),
    // The zone the time is read in (the team chooses it beside the time); UTC when none is named.
    focTimeZone: z.enum(PORT_TIME_ZONES, { message: 'Choose a time zone from the list.' }).default('UTC'),
    version: z.coerce.number().int().positive(),
  })
  .superRefine((v, ctx) => {
    const date = parseIsoDate(v.focDate);
    if (!date) return void ctx.addIssue({ code: 'custom', path: ['focDate'], message: 'Enter the date as YYYY-MM-DD.' });
    if (!isBusinessDay(date)) {
      const holiday = holidayName(date);
      ctx.addIssue({ code: 'custom', path: ['focDate'], message: holiday ? `${v.focDate} is ${holiday}; choose a business day.` : `${v.focDate} is a weekend day; choose a business day.` });
    }
  });

/** A port date and time; the zone may be left out (UTC), as the carrier's own times are. */
export type ScheduleInput = Omit<z.infer<typeof scheduleSchema>, 'focTimeZone'> & { focTimeZone?: z.infer<typeof scheduleSchema>['focTimeZone'] };

/** Sets or changes the port date and time the carrier confirmed (the FOC), the time as read in the zone named. */
export async function schedulePort(db: Database, actor: Actor, requestId: string, input: ScheduleInput, now = new Date()): Promise<void> {
  const focDate = zonedWallTimeToUtc(input.focDate, input.focTime, input.focTimeZone ?? 'UTC');
  await db.transaction(async (tx) => {
    const { request } = await openDecision(tx, actor, requestId, 'schedule', input.version);
    await transitionRequest(tx, {
      request,
      to: 'scheduled',
      actor,
      expectedVersion: input.version,
      fields: { focDate },
      at: now,
      event: {
        focDate: focDate.toISOString(),
        previous: request.focDate?.toISOString(),
      },
    });
    await carryNumbers(tx, requestId, 'scheduled');
  });
}
