import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';

export type NewPortNumber = Omit<typeof portRequestNumbers.$inferInsert, 'portRequestId'> & { position: number };

/**
 * Every accepted line of one request in one statement: one array a column through unnest, so 10,000
 * lines are a dozen bind values (a multi-row VALUES takes 11 a row, and building that statement cost
 * more than running it). The request goes once, and the tracking source and account, a handful
 * for 10,000 lines, as positions in short lists: reading 10,000 uuids three times was a seventh of
 * the insert on PGlite. The country goes as text[] first: PGlite serializes arrays of the types it
 * knows, not of an enum.
 */
export async function insertNumbers(tx: Transaction, requestId: string, rows: NewPortNumber[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (r: NewPortNumber) => T) => sql.param(rows.map(pick));
  const sources = distinct(rows.map((r) => r.trackingSourceId));
  const accounts = distinct(rows.map((r) => r.targetAccountId));
  await tx.execute(sql`insert into ${portRequestNumbers}
    (port_request_id, position, number, country, is_toll_free, receiving_number, tracking_source_id, target_account_id, current_carrier, fast_portable, messaging_capable)
    select ${requestId}::uuid, line.position, line.number, line.country, line.is_toll_free, line.receiving_number,
      (${sql.param(sources.values)}::uuid[])[line.source], (${sql.param(accounts.values)}::uuid[])[line.account],
      line.current_carrier, line.fast_portable, line.messaging_capable
    from unnest(
      ${column((r) => r.position)}::int[], ${column((r) => r.number)}::text[],
      ${column((r) => r.country)}::text[]::port_country[], ${column((r) => !!r.isTollFree)}::boolean[], ${column((r) => r.receivingNumber)}::text[],
      ${sql.param(sources.positions)}::int[], ${sql.param(accounts.positions)}::int[], ${column((r) => r.currentCarrier ?? null)}::text[],
      ${column((r) => r.fastPortable ?? null)}::boolean[], ${column((r) => r.messagingCapable ?? null)}::boolean[]
    ) as line(position, number, country, is_toll_free, receiving_number, source, account, current_carrier, fast_portable, messaging_capable)`);
}

/** The distinct values, and each row's value as its 1-based position among them (SQL arrays start at 1). */
function distinct<T>(column: T[]): { values: T[]; positions: number[] } {
  const index = new Map<T, number>();
  const positions = column.map((value) => {
    let position = index.get(value);
    if (position === undefined) index.set(value, (position = index.size + 1));
    return position;
  });
  return { values: [...index.keys()], positions };
}
