import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { accounts, portRequestNotes, portRequests, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { RecordedEvent } from '@/lib/porting/events/record-event';
import { webhookEventFor, webhookMessage, webhookTypeOf } from './webhook-events';

/**
 * Queues the webhook messages an event calls for, in the event's transaction (so an event and its
 * messages commit or fail together; delivery waits for the commit): one row per enabled endpoint
 * of the request's account, or of its agency, subscribed to the event's type. No query at all for
 * an event that is not published; one query to find the endpoints (the request's status and
 * account come with them), and nothing more when none listens.
 */
export async function queueWebhooks(tx: Transaction, event: RecordedEvent): Promise<void> {
  const type = webhookTypeOf(event);
  if (!type || !event.requestId) return;
  const listeners = await tx
    .select({ endpointId: webhookEndpoints.id, status: portRequests.status, accountId: portRequests.accountId })
    .from(portRequests)
    .innerJoin(accounts, eq(accounts.id, portRequests.accountId))
    .innerJoin(
      webhookEndpoints,
      and(
        or(eq(webhookEndpoints.accountId, portRequests.accountId), eq(webhookEndpoints.accountId, accounts.parentAccountId)),
        eq(webhookEndpoints.status, 'enabled'),
        sql`${type} = any(${webhookEndpoints.eventTypes})`,
      ),
    )
    .where(eq(portRequests.id, event.requestId));
  if (listeners.length === 0) return;

  let noteBody: string | undefined;
  if (event.type === 'team_note' && event.noteId) {
    const [note] = await tx.select({ body: portRequestNotes.body }).from(portRequestNotes).where(eq(portRequestNotes.id, event.noteId));
    noteBody = note?.body;
  }
  const mapped = webhookEventFor(event, { noteBody });
  if (!mapped) return;
  const { status, accountId } = listeners[0];
  const payload = webhookMessage(event, { id: event.requestId, status, accountId }, mapped);
  await tx
    .insert(webhookDeliveries)
    .values(
      listeners.map((l) => ({
        endpointId: l.endpointId,
        eventId: event.id,
        portRequestId: event.requestId,
        eventType: mapped.type,
        payload: payload as unknown as Record<string, unknown>,
        // The order of a request's messages: clock_timestamp() moves on between the statements of
        // one transaction (now() does not), and a request's events are recorded under its row lock.
        createdAt: sql`clock_timestamp()`,
        nextAttemptAt: sql`clock_timestamp()`,
      })),
    )
    .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] });
}
