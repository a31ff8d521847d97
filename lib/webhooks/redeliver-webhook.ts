import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { adminEndpoint } from './endpoint-access';
import { signingSecrets } from './endpoint-secret';
import { webhooksMayUseLocalAddresses } from './network-policy';
import { sendWebhook, type SendOutcome } from './send-webhook';

/**
 * "Redeliver": posts a message again now, whatever its state (delivered, failed, waiting), with the
 * same `webhook-id`, so the receiver can tell it is the same event. The try is logged as manual;
 * a success marks a waiting or failed message delivered (and ends the endpoint's failing streak).
 * The automatic schedule is left as it was otherwise. Works on a disabled endpoint too, to test a
 * fixed receiver before enabling it again.
 */
export async function redeliverWebhook(db: Database, actor: Actor, endpointId: string, deliveryId: string, now = new Date()): Promise<SendOutcome> {
  const endpoint = await adminEndpoint(db, actor, endpointId);
  if (!z.uuid().safeParse(deliveryId).success) throw new NotFoundError('That delivery');
  const [delivery] = await db
    .select({ id: webhookDeliveries.id, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpoint.id)));
  if (!delivery) throw new NotFoundError('That delivery');
  const outcome = await sendWebhook({
    url: endpoint.url,
    messageId: delivery.id,
    body: JSON.stringify(delivery.payload),
    secrets: signingSecrets(endpoint, now),
    allowLocal: webhooksMayUseLocalAddresses(),
  });
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, attemptedAt: now, statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, error: outcome.error, manual: true });
    if (!outcome.ok) return;
    await tx
      .update(webhookDeliveries)
      .set({ status: 'delivered', deliveredAt: now, lastStatusCode: outcome.statusCode, lastError: null, lockedUntil: null })
      .where(and(eq(webhookDeliveries.id, delivery.id), ne(webhookDeliveries.status, 'delivered')));
    await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
  });
  return outcome;
}
