import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { portRequestNumbers, portRequests, trackingNumbers } from '@/db/schema';
import { HOLDING_STATUSES, MOVING_NUMBER_STATUSES } from '../lifecycle/statuses';

/**
 * Numbers of a request that something else took since they were checked: now a tracking number, or
 * held by another submitted request (two drafts of the same number, sent one after the other).
 */
export async function findTakenNumbers(tx: Transaction, requestId: string): Promise<string[]> {
  const mine = await tx
    .select({ number: portRequestNumbers.number })
    .from(portRequestNumbers)
    .where(and(eq(portRequestNumbers.portRequestId, requestId), inArray(portRequestNumbers.status, [...MOVING_NUMBER_STATUSES])));
  if (mine.length === 0) return [];
  const numbers = sql.param(mine.map((m) => m.number));
  const tracked = await tx.select({ number: trackingNumbers.number }).from(trackingNumbers).where(sql`${trackingNumbers.number} = any(${numbers}::text[])`);
  const other = alias(portRequestNumbers, 'other');
  const held = await tx
    .selectDistinct({ number: other.number })
    .from(other)
    .innerJoin(portRequests, eq(portRequests.id, other.portRequestId))
    .where(
      and(
        sql`${other.number} = any(${numbers}::text[])`,
        ne(other.portRequestId, requestId),
        inArray(portRequests.status, [...HOLDING_STATUSES]),
        inArray(other.status, [...MOVING_NUMBER_STATUSES]),
      ),
    );
  return [...new Set([...tracked, ...held].map((r) => r.number))].sort();
}
