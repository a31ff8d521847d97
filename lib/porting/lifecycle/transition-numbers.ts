import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable, Transaction } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import { StateError } from '@/lib/errors';
import { formatPhoneNumber } from '@/lib/phone/format';
import { NUMBER_STATUS_LABELS } from './status-labels';
import { canTransitionNumber, type PortNumberStatus } from './statuses';

export type RequestNumber = typeof portRequestNumbers.$inferSelect;

/** The numbers of a request, in the order they were added. */
export async function numbersOfRequest(db: Queryable, requestId: string): Promise<RequestNumber[]> {
  return db.select().from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, requestId)).orderBy(asc(portRequestNumbers.position));
}

type NumberFields = Partial<Pick<RequestNumber, 'statusReason' | 'portedAt'>>;

/**
 * The only writer of a number's status. Every chosen number must be allowed the move by the number
 * machine, or nothing is written and the message names the ones that are not.
 */
export async function transitionNumbers(tx: Transaction, numbers: readonly RequestNumber[], to: PortNumberStatus, fields: NumberFields = {}): Promise<RequestNumber[]> {
  const refused = numbers.filter((n) => !canTransitionNumber(n.status, to));
  if (refused.length) {
    const named = refused.map((n) => `${formatPhoneNumber(n.number)} (${NUMBER_STATUS_LABELS[n.status].toLowerCase()})`).join(', ');
    throw new StateError(`${refused.length === 1 ? 'This number cannot' : 'These numbers cannot'} become ${NUMBER_STATUS_LABELS[to].toLowerCase()}: ${named}.`);
  }
  if (numbers.length === 0) return [];
  return tx.update(portRequestNumbers).set({ ...fields, status: to }).where(inArray(portRequestNumbers.id, numbers.map((n) => n.id))).returning();
}

/** A whole-request decision carries along the numbers the machine lets follow it; the others keep their status. */
export async function carryNumbers(tx: Transaction, requestId: string, to: PortNumberStatus): Promise<RequestNumber[]> {
  const numbers = await numbersOfRequest(tx, requestId);
  return transitionNumbers(tx, numbers.filter((n) => canTransitionNumber(n.status, to)), to);
}
