import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { apiKeys, memberships, portRequestEvents, staffMembers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { eventText } from './event-text';
import { CUSTOMER_EVENT_TYPES, PORTING_TEAM, THE_CARRIER } from './port-request-event';

export type TimelineEvent = Awaited<ReturnType<typeof readEvents>>[number];

/**
 * A request's events as `actor` may read them, oldest first: customers only the customer-visible
 * types, with our team named as one and their own account's users by name; the team everything,
 * with names. Each comes with its words (eventText), so no timeline words an event on its own;
 * times in them read in `timeZone` when given (the customer's), else in UTC.
 */
export async function readEvents(db: Queryable, actor: Actor, requestId: string, options: { timeZone?: string } = {}) {
  const rows = await db
    .select({
      id: portRequestEvents.id,
      type: portRequestEvents.type,
      fromStatus: portRequestEvents.fromStatus,
      toStatus: portRequestEvents.toStatus,
      reason: portRequestEvents.reason,
      data: portRequestEvents.data,
      createdAt: portRequestEvents.createdAt,
      actorName: users.name,
      apiKeyName: apiKeys.name,
      byStaff: sql<boolean>`${staffMembers.userId} is not null`,
      byAccountUser: sql<boolean>`exists (select 1 from ${memberships} where ${memberships.userId} = ${portRequestEvents.actorUserId})`,
    })
    .from(portRequestEvents)
    .leftJoin(users, eq(users.id, portRequestEvents.actorUserId))
    .leftJoin(staffMembers, eq(staffMembers.userId, portRequestEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, portRequestEvents.apiKeyId))
    .where(and(eq(portRequestEvents.portRequestId, requestId), actor.isStaff ? undefined : inArray(portRequestEvents.type, CUSTOMER_EVENT_TYPES)))
    .orderBy(asc(portRequestEvents.createdAt));
  return rows.map(({ byStaff, byAccountUser, actorName, apiKeyName, data, fromStatus, ...event }) => {
    const { label, detail } = eventText({ ...event, fromStatus, data }, options.timeZone);
    return {
      id: event.id,
      type: event.type,
      toStatus: event.toStatus,
      createdAt: event.createdAt,
      label,
      detail,
      // The detail is what customers read of the reason; the stored payload stays on the server.
      reason: detail,
      // A call through an API key is the key's doing: it is named, for the team and the account alike.
      // What the upstream carrier caused (a webhook, the reconciliation job) is the carrier's.
      actorName: byCarrier(data) ? THE_CARRIER : apiKeyName ? `${apiKeyName} (API key)` : actor.isStaff ? actorName : byStaff ? PORTING_TEAM : byAccountUser ? actorName : null,
    };
  });
}

function byCarrier(data: unknown): boolean {
  return (data as { via?: string } | null)?.via === 'carrier';
}
