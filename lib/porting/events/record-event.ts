import 'server-only';
import type { Transaction } from '@/db/client';
import { portRequestEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notifyEvent } from '@/lib/notifications/notify-event';
import { queueWebhooks } from '@/lib/webhooks/queue-webhooks';
import { EVENT_PAYLOADS, type PortRequestEvent } from './port-request-event';

export type EventContext = {
  /** The request the event is about; null only for account events of a request since deleted. */
  requestId: string;
  /** Set on events counted against the account (portability checks), so they outlive a discarded draft. */
  accountId?: string;
  /** Who did it; null for the platform itself (a scheduled job). */
  actor: Actor | null;
  at?: Date;
};

export type RecordedEvent = PortRequestEvent & { id: string; requestId: string; actor: Actor | null; at: Date };

/**
 * The only writer of the audit trail: checks the payload against its schema, stores it in the
 * caller's transaction, then hands it to the notifications (which queue the emails it calls for,
 * in the same transaction, so an event and its emails commit or fail together).
 */
export async function recordEvent(tx: Transaction, context: EventContext, event: PortRequestEvent): Promise<RecordedEvent> {
  const at = context.at ?? new Date();
  const { type: _type, ...fields } = event;
  // Strict: a field the event's schema does not know is a mistake in the caller, not data to drop.
  const payload = EVENT_PAYLOADS[event.type].strict().parse(fields) as Record<string, unknown>;
  // The status columns and the reason are columns of their own (the queue and timelines read them); the rest is data.
  const { from, to, reason, ...data } = payload as { from?: string; to?: string; reason?: string };
  const [row] = await tx
    .insert(portRequestEvents)
    .values({
      portRequestId: context.requestId,
      accountId: context.accountId,
      actorUserId: context.actor?.userId ?? null,
      apiKeyId: context.actor?.apiKey?.id ?? null,
      type: event.type,
      fromStatus: from as PortRequestEventRow['fromStatus'],
      toStatus: to as PortRequestEventRow['toStatus'],
      reason,
      data: Object.keys(data).length ? data : null,
      createdAt: at,
    })
    .returning({ id: portRequestEvents.id });
  const recorded = { ...(payload as PortRequestEvent), type: event.type, id: row.id, requestId: context.requestId, actor: context.actor, at } as RecordedEvent;
  await notifyEvent(tx, recorded);
  await queueWebhooks(tx, recorded);
  return recorded;
}

type PortRequestEventRow = typeof portRequestEvents.$inferInsert;
