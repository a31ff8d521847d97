import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { SignedContent } from '../loa/voids-signature';

type LetterNumber = { number: string; receivingNumber: string };

/** The LOA's field the numbers step fills in: each number with the number its calls ring, in order. */
export function numbersLoaFields(numbers: readonly LetterNumber[]): Pick<SignedContent, 'numbers'> {
  return { numbers: numbers.map(({ number, receivingNumber }) => ({ number, receivingNumber })) };
}

/** The numbers of a request as the letter lists them (in the order they were added). */
export async function numbersOnLetter(db: Queryable, requestId: string): Promise<LetterNumber[]> {
  return db
    .select({ number: portRequestNumbers.number, receivingNumber: portRequestNumbers.receivingNumber })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, requestId))
    .orderBy(asc(portRequestNumbers.position));
}
