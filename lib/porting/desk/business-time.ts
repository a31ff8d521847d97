import 'server-only';
import { isBusinessDay, utcDate } from '../business-days';

const DAY = 86_400_000;

const dayStart = (at: Date) => utcDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()).getTime();

/**
 * The latest moment from which `businessDays` of business time have passed by `now` (weekends and
 * US federal holidays do not count; days run midnight to midnight UTC): a request that entered its
 * status before it has been there longer. One business day from Friday 15:00 ends Monday 15:00;
 * from any time on a Saturday, Tuesday 00:00.
 */
export function businessCutoff(now: Date, businessDays: number): Date {
  let left = businessDays * DAY;
  let end = now.getTime();
  for (let start = dayStart(now); ; start -= DAY) {
    if (isBusinessDay(new Date(start))) {
      const available = end - start;
      if (available >= left) return new Date(end - left);
      left -= available;
    }
    end = start;
  }
}
