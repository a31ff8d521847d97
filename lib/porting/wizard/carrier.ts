import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { longDate } from '@/lib/format/long-date';
import { addDays, holidayName, isBusinessDay, parseIsoDate, todayUtc } from '../business-days';
import type { PortRequest } from '../port-request-access';
import { findEditableDraft } from './editable-draft';
import type { SignedContent } from './loa/voids-signature';
import { saveStep } from './save-step';
import { singleLineText } from './single-line-text';

// Step 2, Current carrier: its schema, its save, and the field of the LOA it fills in.

export const MIN_LEAD_DAYS = 7;
export const MAX_LEAD_DAYS = 30;

/** Step 2. `today` is a parameter so the date rule can be tested on any day. */
export function carrierStepSchema(today: Date = todayUtc()) {
  const earliest = addDays(today, MIN_LEAD_DAYS);
  const latest = addDays(today, MAX_LEAD_DAYS);
  return z.object({
    losingCarrier: singleLineText()
      .min(1, "Enter the name of the carrier the numbers are with today, as it appears on your bill.")
      .max(100, 'Keep the carrier name under 100 characters.'),
    requestedPortDate: singleLineText()
      .optional()
      .transform((v) => (v ? v : undefined))
      .superRefine((value, ctx) => {
        if (!value) return;
        const date = parseIsoDate(value);
        if (!date) return void ctx.addIssue({ code: 'custom', message: 'Enter the date as YYYY-MM-DD, e.g. 2027-01-15.' });
        if (date < earliest || date > latest) {
          return void ctx.addIssue({
            code: 'custom',
            message: `Choose a date between ${longDate(earliest)} and ${longDate(latest)}: carriers need at least ${MIN_LEAD_DAYS} days, and a date more than ${MAX_LEAD_DAYS} days out cannot be promised.`,
          });
        }
        if (!isBusinessDay(date)) {
          const holiday = holidayName(date);
          ctx.addIssue({
            code: 'custom',
            message: holiday
              ? `${value} is ${holiday}; carriers do not port on holidays. Choose a weekday that is not a holiday.`
              : `${value} is a weekend day; carriers port on business days. Choose a weekday.`,
          });
        }
      }),
  });
}

export type CarrierStepInput = z.infer<ReturnType<typeof carrierStepSchema>>;

/** The LOA's fields this step fills in. */
export function carrierLoaFields(request: Pick<PortRequest, 'losingCarrier'>): Pick<SignedContent, 'losingCarrier'> {
  return { losingCarrier: request.losingCarrier ?? '' };
}

export async function saveCarrierStep(db: Database, actor: Actor, requestId: string, input: CarrierStepInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'carrier');
    const fields = { losingCarrier: input.losingCarrier, requestedPortDate: input.requestedPortDate ?? null };
    await saveStep(tx, actor, request, {
      step: 'carrier',
      fields,
      signed: { before: carrierLoaFields(request), after: carrierLoaFields(fields) },
      at: now,
    });
  });
}
