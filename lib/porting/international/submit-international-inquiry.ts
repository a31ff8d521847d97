import 'server-only';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { internationalPortInquiries } from '@/db/schema';
import { canUseAccount, type Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { queueEmail } from '@/lib/mail/queue-email';

export const internationalInquirySchema = z.object({
  numbers: z
    .string()
    .trim()
    .min(1, 'List the numbers you want to port, one per line, with their country code (e.g. +44 20 7946 0000).')
    .max(20_000, 'That is more than a ticket can hold; list up to 500 numbers.'),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional(),
});

export type InquiryLine = { input: string; e164?: string; country?: string; problem?: string };

/** Reads each line: a valid number outside the US and Canada, or a reason it is not one. */
export function readInquiryNumbers(text: string): InquiryLine[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 500)
    .map((input) => {
      const parsed = parsePhoneNumberFromString(input.startsWith('+') ? input : `+${input.replace(/^00/, '')}`);
      if (!parsed?.isValid()) return { input, problem: 'Not a valid international number; include the country code, e.g. +44.' };
      if (parsed.countryCallingCode === '1' && (parsed.country === 'US' || parsed.country === 'CA')) {
        return { input, problem: 'A US or Canadian number: port it with Create Port Request instead.' };
      }
      return { input, e164: parsed.number, country: parsed.country ?? `+${parsed.countryCallingCode}` };
    });
}

/** Records the ticket for the regulatory team and confirms it to the user, in one transaction. */
export async function submitInternationalInquiry(db: Database, actor: Actor, accountId: string, lines: InquiryLine[], note?: string): Promise<string> {
  if (actor.isStaff || !canUseAccount(actor, accountId)) throw new NotFoundError('That account');
  const numbers = lines.filter((l) => l.e164).map((l) => l.e164!);
  const countries = [...new Set(lines.filter((l) => l.country).map((l) => l.country!))].sort();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(internationalPortInquiries)
      .values({ accountId, createdByUserId: actor.userId, numbers, countries, note })
      .returning({ id: internationalPortInquiries.id });
    await queueEmail(tx, {
      to: [actor.email],
      subject: `International port inquiry received: ${numbers.length} number${numbers.length === 1 ? '' : 's'} (${countries.join(', ')})`,
      template: 'international-inquiry',
      props: { countries, numberCount: numbers.length },
      subjectRef: `international-inquiry:${row.id}`,
    });
    return row.id;
  });
}
