import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { namedQuery } from '@/db/named-query';
import { accounts, loaSignatureRequests, loaSignatures, portRequestNoteReads, portRequestNotes, portRequestNumbers, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { draftRemovalDate, isRemovalAnnounced } from '../drafts/draft-expiry';
import type { PortRequestStatus } from '../lifecycle/statuses';
import { portRequestListWhere } from './port-request-list-where';
import { regionTimeZone } from '@/lib/format/region-time-zone';

export type PortRequestListRow = {
  id: string;
  accountName: string;
  status: PortRequestStatus;
  losingCarrier: string | null;
  numberGroup: 'us_local' | 'ca_local' | 'toll_free' | null;
  numberCount: number;
  firstNumbers: string[];
  createdAt: Date;
  submittedAt: Date | null;
  focDate: Date | null;
  completedSteps: string[];
  noteCount: number;
  hasUnread: boolean;
  /** When an unchanged draft's announced removal happens (null: not announced, or not a draft). */
  removeOn: Date | null;
  /** A draft's latest signing link, when it waits for a signature or was declined (null otherwise, and for a request not a draft). */
  signatureRequest: { state: 'waiting' | 'declined'; signerName: string } | null;
  /** The zone the customer reads the row's dates in (from the billing address; UTC before there is one). */
  timeZone: string;
};

export const PAGE_SIZE = 50;

const PUBLIC_NOTES = sql`${portRequestNotes} pn where pn.port_request_id = ${portRequests.id} and pn.visibility = 'public'`;

/** What a row of a request list shows, one query per page (the page's list and the API's share it). */
export const PORT_REQUEST_LIST_COLUMNS = {
  id: portRequests.id,
  accountName: accounts.name,
  status: portRequests.status,
  losingCarrier: portRequests.losingCarrier,
  numberGroup: portRequests.numberGroup,
  numberCount: sql<number>`(select count(*)::int from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id})`,
  firstNumbers: sql<string[]>`coalesce((select array_agg(f.number order by f.position) from (select n.number, n.position from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id} order by n.position limit 3) f), '{}')`,
  createdAt: portRequests.createdAt,
  submittedAt: portRequests.submittedAt,
  focDate: portRequests.focDate,
  completedSteps: portRequests.completedSteps,
  noteCount: sql<number>`(select count(*)::int from ${PUBLIC_NOTES})`,
};

/**
 * A draft's latest signing link as the list shows it: one correlated subquery on the (port_request_id,
 * created_at) index, its state worked out as summarize() does; a decline followed by the user's own
 * signature no longer counts. Null for any other state, and for a request that is not a draft.
 */
function latestSignatureRequestColumn(now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql<PortRequestListRow['signatureRequest']>`case when ${portRequests.status} = 'draft' then (
    select json_build_object('state', l.state, 'signerName', l.signer_name) from (
      select s.signer_name, case
        when s.signed_at is not null then 'signed'
        when s.declined_at is not null and exists (select 1 from ${loaSignatures} g where g.port_request_id = s.port_request_id and g.voided_at is null and g.signed_at > s.declined_at) then 'superseded'
        when s.declined_at is not null then 'declined'
        when s.revoked_at is not null then 'revoked'
        when s.expires_at <= ${at} then 'expired'
        else 'waiting' end as state
      from ${loaSignatureRequests} s where s.port_request_id = ${portRequests.id} order by s.created_at desc limit 1
    ) l where l.state in ('waiting', 'declined')
  ) end`;
}

/**
 * The requests of the current account and, for an agency, of its sub-accounts; newest first, 50 a
 * page, with how many match in all. Counts and first numbers come from correlated subqueries on
 * an indexed column: one query for the page, one for the total.
 */
export async function listPortRequests(
  db: Queryable,
  actor: Actor,
  currentAccountId: string,
  options: { status?: PortRequestStatus; number?: string; page?: number; now?: Date } = {},
): Promise<{ rows: PortRequestListRow[]; hasMore: boolean; total: number }> {
  const where = portRequestListWhere(actor, currentAccountId, options);
  if (!where) return { rows: [], hasMore: false, total: 0 };
  const page = Math.max(1, options.page ?? 1);
  const [rows, [{ total }]] = await Promise.all([
    namedQuery(
      db
        .select({
          ...PORT_REQUEST_LIST_COLUMNS,
          signatureRequest: latestSignatureRequestColumn(options.now ?? new Date()),
          updatedAt: portRequests.updatedAt,
          draftExpiryWarnedAt: portRequests.draftExpiryWarnedAt,
          // Only the country and the state or province: the zone the row's dates read in.
          billingCountry: sql<'US' | 'CA' | null>`${portRequests.billingAddress}->>'country'`,
          billingRegion: sql<string | null>`${portRequests.billingAddress}->>'region'`,
          hasUnread: sql<boolean>`exists (select 1 from ${PUBLIC_NOTES} and pn.author_user_id is distinct from ${actor.userId} and pn.created_at > coalesce((select r.last_read_at from ${portRequestNoteReads} r where r.port_request_id = ${portRequests.id} and r.user_id = ${actor.userId}), '-infinity'::timestamptz))`,
        })
        .from(portRequests)
        .innerJoin(accounts, eq(accounts.id, portRequests.accountId))
        .where(where)
        .orderBy(desc(portRequests.createdAt), desc(portRequests.id))
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE),
    ).execute(),
    db.select({ total: count() }).from(portRequests).where(where),
  ]);
  const page50 = rows.slice(0, PAGE_SIZE).map(({ updatedAt, draftExpiryWarnedAt, billingCountry, billingRegion, ...row }) => ({
    ...row,
    timeZone: regionTimeZone(billingCountry && billingRegion ? { country: billingCountry, region: billingRegion } : null),
    removeOn: row.status === 'draft' && isRemovalAnnounced({ updatedAt, draftExpiryWarnedAt }) ? draftRemovalDate({ updatedAt }, draftExpiryWarnedAt!) : null,
  }));
  return { rows: page50, hasMore: rows.length > PAGE_SIZE, total: Number(total) };
}
