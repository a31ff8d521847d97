import { z } from 'zod';
import { addDays, holidayName, isBusinessDay, isoDate, parseIsoDate, todayUtc } from '../business-days';
import { singleLineText } from './single-line-text';

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
            message: `Choose a date between ${isoDate(earliest)} and ${isoDate(latest)}: carriers need at least ${MIN_LEAD_DAYS} days, and a date more than ${MAX_LEAD_DAYS} days out cannot be promised.`,
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
