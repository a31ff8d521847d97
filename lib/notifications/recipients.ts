import 'server-only';
import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';

/**
 * Who hears about a request: the user who entered it, then every added recipient in the order
 * added, each only while they may still see the request's account (a member of it, or an admin of
 * the agency it belongs to; someone removed from the account stops getting updates), never our
 * team. One query, however many recipients.
 */
export async function requestUpdateRecipients(db: Queryable, requestId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with request as (
      select r.id, r.account_id, r.created_by_user_id, a.parent_account_id
      from port_requests r join accounts a on a.id = r.account_id
      where r.id = ${requestId}
    ),
    candidate as (
      select created_by_user_id as user_id, 0 as rank, null::timestamptz as added_at from request
      union all
      select pr.user_id, 1, pr.created_at from port_request_recipients pr where pr.port_request_id = ${requestId}
    )
    select u.email
    from candidate c
    join users u on u.id = c.user_id
    cross join request q
    where not exists (select 1 from staff_members s where s.user_id = u.id and s.role = 'regulatory')
      and exists (
        select 1 from memberships m
        where m.user_id = u.id
          and (m.account_id = q.account_id
            or (m.role = 'admin' and m.account_id = q.parent_account_id
                and exists (select 1 from accounts p where p.id = q.parent_account_id and p.parent_account_id is null)))
      )
    order by c.rank, c.added_at
  `);
  const emails: string[] = [];
  // Both drivers (pg, PGlite) answer with { rows }.
  for (const { email } of (result as unknown as { rows: { email: string }[] }).rows) if (!emails.includes(email)) emails.push(email);
  return emails;
}
