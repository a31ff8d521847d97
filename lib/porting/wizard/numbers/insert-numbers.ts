import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';

export type NewPortNumber = typeof portRequestNumbers.$inferInsert & { position: number; trackingSourceId?: string | null };

/**
 * Every accepted line in one statement: one array a column through unnest, so 10,000 lines are 11
 * bind values (a multi-row VALUES takes 11 a row, and building that statement cost more than running it).
 * The country goes as text[] first: PGlite serializes arrays of the types it knows, not of an enum.
 */
export async function insertNumbers(tx: Transaction, rows: NewPortNumber[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (r: NewPortNumber) => T) => sql.param(rows.map(pick));
  await tx.execute(sql`insert into ${portRequestNumbers}
    (port_request_id, position, number, country, is_toll_free, receiving_number, tracking_source_id, target_account_id, current_carrier, fast_portable, messaging_capable)
    select * from unnest(
      ${column((r) => r.portRequestId)}::uuid[], ${column((r) => r.position)}::int[], ${column((r) => r.number)}::text[],
      ${column((r) => r.country)}::text[]::port_country[], ${column((r) => !!r.isTollFree)}::boolean[], ${column((r) => r.receivingNumber)}::text[],
      ${column((r) => r.trackingSourceId ?? null)}::uuid[], ${column((r) => r.targetAccountId)}::uuid[], ${column((r) => r.currentCarrier ?? null)}::text[],
      ${column((r) => r.fastPortable ?? null)}::boolean[], ${column((r) => r.messagingCapable ?? null)}::boolean[]
    )`);
}
