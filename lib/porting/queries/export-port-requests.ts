import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { accounts, portRequestNumbers, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { portRequestListWhere, type PortRequestListFilter } from './port-request-list-where';

/** One line of the export: a number with its request's columns (never the PIN); empty number columns for a request without numbers. */
export type PortRequestExportRow = {
  requestId: string;
  reference: string;
  status: string;
  losingCarrier: string | null;
  customerName: string | null;
  submittedAt: Date | null;
  focDate: Date | null;
  number: string;
  receivingNumber: string;
  numberStatus: string;
  targetAccount: string;
};

const targetAccounts = alias(accounts, 'target_accounts');

/**
 * Every number of the requests the customers' list shows with these filters (same scope, same
 * order: newest request first, numbers in their order), a batch of requests at a time so a large
 * account is never loaded whole. Each batch is one query for the requests and one for their numbers.
 */
export async function* exportPortRequests(
  db: Queryable,
  actor: Actor,
  currentAccountId: string,
  filter: PortRequestListFilter,
  batchSize = 200,
): AsyncGenerator<PortRequestExportRow[]> {
  const where = portRequestListWhere(actor, currentAccountId, filter);
  if (!where) return;
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const requests = await db
      .select({
        id: portRequests.id,
        reference: portRequests.reference,
        status: portRequests.status,
        losingCarrier: portRequests.losingCarrier,
        customerName: portRequests.customerName,
        submittedAt: portRequests.submittedAt,
        focDate: portRequests.focDate,
        // The stored microseconds, so the next batch starts exactly after this one.
        cursorAt: sql<string>`to_char(${portRequests.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(portRequests)
      .where(after ? and(where, sql`(${portRequests.createdAt}, ${portRequests.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`) : where)
      .orderBy(desc(portRequests.createdAt), desc(portRequests.id))
      .limit(batchSize);
    if (requests.length === 0) return;
    const numbers = await db
      .select({
        requestId: portRequestNumbers.portRequestId,
        number: portRequestNumbers.number,
        receivingNumber: portRequestNumbers.receivingNumber,
        numberStatus: portRequestNumbers.status,
        targetAccount: targetAccounts.name,
      })
      .from(portRequestNumbers)
      .innerJoin(targetAccounts, eq(targetAccounts.id, portRequestNumbers.targetAccountId))
      .where(inArray(portRequestNumbers.portRequestId, requests.map((r) => r.id)))
      .orderBy(asc(portRequestNumbers.portRequestId), asc(portRequestNumbers.position));
    const byRequest = new Map<string, typeof numbers>();
    for (const n of numbers) byRequest.set(n.requestId, [...(byRequest.get(n.requestId) ?? []), n]);
    // A draft without numbers yet still gets its line, so every request of the list is in the file.
    const none = [{ number: '', receivingNumber: '', numberStatus: '', targetAccount: '' }];
    yield requests.flatMap((r) =>
      (byRequest.get(r.id) ?? none).map((n) => ({
        requestId: r.id,
        reference: r.reference,
        status: r.status,
        losingCarrier: r.losingCarrier,
        customerName: r.customerName,
        submittedAt: r.submittedAt,
        focDate: r.focDate,
        number: n.number,
        receivingNumber: n.receivingNumber,
        numberStatus: n.numberStatus,
        targetAccount: n.targetAccount,
      })),
    );
    if (requests.length < batchSize) return;
    const last = requests[requests.length - 1];
    after = { createdAt: last.cursorAt, id: last.id };
  }
}
