import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { webhookAttempts, webhookDeliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { adminEndpoint } from './endpoint-access';

export type WebhookAttemptView = { attemptedAt: Date; number: number; statusCode: number | null; latencyMs: number; error: string | null; manual: boolean };

export type WebhookDeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  portRequestId: string | null;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastStatusCode: number | null;
  attempts: WebhookAttemptView[];
};

/** An endpoint's delivery log: its latest messages, newest first, each with every try (numbered from 1). */
export async function listWebhookDeliveries(db: Queryable, actor: Actor, endpointId: string, limit = 50): Promise<WebhookDeliveryView[]> {
  await adminEndpoint(db, actor, endpointId);
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      portRequestId: webhookDeliveries.portRequestId,
      status: webhookDeliveries.status,
      createdAt: webhookDeliveries.createdAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  if (deliveries.length === 0) return [];
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id)))
    .orderBy(asc(webhookAttempts.attemptedAt), asc(webhookAttempts.id));
  const byDelivery = new Map<string, WebhookAttemptView[]>(deliveries.map((d) => [d.id, []]));
  for (const a of attempts) {
    const list = byDelivery.get(a.deliveryId)!;
    list.push({ attemptedAt: a.attemptedAt, number: list.length + 1, statusCode: a.statusCode, latencyMs: a.latencyMs, error: a.error, manual: a.manual });
  }
  return deliveries.map((d) => ({ ...d, attempts: byDelivery.get(d.id)! }));
}
