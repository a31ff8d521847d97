import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequestNumbers, portRequests } from '@/db/schema';
import { formatPhoneNumber } from '@/lib/phone/format';

/** "Port request PR-2026-0142 for Acme Dental LLC: (410) 555-0110 and 2 more", in one query. */
export async function requestLabel(db: Queryable, requestId: string): Promise<string> {
  const rows = await db
    .select({ reference: portRequests.reference, customerName: portRequests.customerName, number: portRequestNumbers.number, total: sql<number>`count(${portRequestNumbers.id}) over ()::int` })
    .from(portRequests)
    .leftJoin(portRequestNumbers, eq(portRequestNumbers.portRequestId, portRequests.id))
    .where(eq(portRequests.id, requestId))
    .orderBy(asc(portRequestNumbers.position))
    .limit(2);
  const numbers = rows.flatMap((r) => (r.number ? [r.number] : []));
  const total = rows[0]?.total ?? 0;
  const shown = numbers.map(formatPhoneNumber).join(', ');
  const more = total > numbers.length ? ` and ${total - numbers.length} more` : '';
  const reference = rows[0] ? ` ${rows[0].reference}` : '';
  return `Port request${reference} for ${rows[0]?.customerName ?? 'your numbers'}: ${shown}${more}`;
}
