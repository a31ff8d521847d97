import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { holidayName, isBusinessDay, parseIsoDate } from '../business-days';
import { changeRequestStatus } from '../change-status';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import { portDateIcs } from './port-date-ics';
import { findRequestForStaff } from './staff-request';

export const scheduleSchema = z
  .object({
    focDate: z.string().trim(),
    focTime: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as HH:MM, 24-hour, UTC.'),
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

/** Sets or changes the port date and time the carrier confirmed (the FOC). */
export async function schedulePort(db: Database, actor: Actor, requestId: string, input: z.infer<typeof scheduleSchema>): Promise<void> {
  const focDate = new Date(`${input.focDate}T${input.focTime}:00Z`);
  await db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    const changed = request.status === 'scheduled';
    await changeRequestStatus(tx, {
      request,
      to: 'scheduled',
      actor,
      expectedVersion: input.version,
      fields: { focDate },
      reason: `${changed ? 'Port date changed to' : 'Port date set for'} ${input.focDate} ${input.focTime} UTC`,
      data: { focDate: focDate.toISOString(), previous: request.focDate?.toISOString() },
    });
    await tx
      .update(portRequestNumbers)
      .set({ status: 'scheduled' })
      .where(and(eq(portRequestNumbers.portRequestId, requestId), inArray(portRequestNumbers.status, ['approved', 'scheduled'])));
    const when = `${input.focDate} at ${input.focTime} UTC`;
    const url = `${getEnv().appUrl}/numbers/port/${requestId}`;
    await notifyRequestUpdate(tx, requestId, {
      template: changed ? 'port-date-changed' : 'port-date-scheduled',
      subject: changed ? `Port date changed to ${input.focDate}` : `Port date set for ${input.focDate}`,
      update: {
        headline: changed ? `Your port date moved to ${when}` : `Your numbers port on ${when}`,
        paragraphs: [
          'Your current carrier confirmed this date. On the day, calls start ringing on the platform as soon as the carrier releases the numbers.',
          'Keep your service with the current carrier active until the port is complete. The calendar invitation attached marks the date.',
        ],
      },
      attachments: [
        {
          filename: 'port-date.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          contentBase64: Buffer.from(
            portDateIcs({ requestId, focDate, summary: 'Phone numbers port to the platform', description: `Port request: ${url}`, url, sequence: request.version }),
          ).toString('base64'),
        },
      ],
    });
  });
}
