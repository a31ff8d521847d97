import 'server-only';
import { and, eq, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { getMetrics } from '@/lib/ops/metrics';
import { signingSecrets } from './endpoint-secret';
import { disableFailingEndpoint } from './disable-failing-endpoint';
import { webhooksMayUseLocalAddresses } from './network-policy';
import { sendWebhook, type SendOutcome } from './send-webhook';

/**
 * After the first try fails: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (27 h 35 min in all, 8
 * tries), then the delivery is `failed` (kept in the log, "Redeliver" sends it again).
 */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const MAX_WEBHOOK_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** A claim outlives the longest try (10 s); a worker that dies mid-send leaves it for another after this. */
const CLAIM_LEASE_SECONDS = 60;
/** Not yet delivered and not given up: a later message of the same request to the same endpoint waits. */
const UNDELIVERED = ['pending', 'sending'] as const;

export type WebhookDeliveryReport = { delivered: number; retrying: number; failed: number };

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED (any number of instances at once, never the same
 * message twice), posts each, and records the try. Strict order per endpoint and request: a
 * message is due only while no older message of its request to the same endpoint is undelivered
 * (pending, retrying or being sent), so a slow or failing endpoint receives a request's events in
 * the order they happened. Messages of a disabled endpoint wait until it is enabled again.
 * `now` is the scheduling clock (tests move it); signatures always carry the real time.
 */
export async function deliverDueWebhooks(options: { db: Database; now?: Date; batchSize?: number; concurrency?: number }): Promise<WebhookDeliveryReport> {
  const { db, batchSize = 25, concurrency = 5 } = options;
  const now = options.now ?? new Date();
  const d = webhookDeliveries;
  const earlier = alias(webhookDeliveries, 'earlier');
  const due = db
    .select({ id: d.id })
    .from(d)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.id, d.endpointId), eq(webhookEndpoints.status, 'enabled')))
    .where(
      and(
        or(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now)), and(eq(d.status, 'sending'), lt(d.lockedUntil, now))),
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.endpointId, d.endpointId),
                eq(earlier.portRequestId, d.portRequestId),
                inArray(earlier.status, [...UNDELIVERED]),
                sql`(${earlier.createdAt}, ${earlier.id}) < (${d.createdAt}, ${d.id})`,
              ),
            ),
        ),
      ),
    )
    .orderBy(d.nextAttemptAt)
    .limit(batchSize)
    .for('update', { of: d, skipLocked: true });
  const claimed = await db
    .update(d)
    .set({ status: 'sending', attempts: sql`${d.attempts} + 1`, lockedUntil: new Date(now.getTime() + CLAIM_LEASE_SECONDS * 1000) })
    .where(inArray(d.id, due))
    .returning({ id: d.id, endpointId: d.endpointId, payload: d.payload, attempts: d.attempts });

  const report: WebhookDeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return report;
  const endpoints = new Map(
    (await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(claimed.map((c) => c.endpointId))]))).map((e) => [e.id, e]),
  );
  const allowLocal = webhooksMayUseLocalAddresses();
  for (let i = 0; i < claimed.length; i += concurrency) {
    const outcomes = await Promise.all(
      claimed.slice(i, i + concurrency).map(async (delivery) => {
        const endpoint = endpoints.get(delivery.endpointId)!;
        const outcome = await sendWebhook({
          url: endpoint.url,
          messageId: delivery.id,
          body: JSON.stringify(delivery.payload),
          secrets: signingSecrets(endpoint, now),
          allowLocal,
        });
        return settleAttempt(db, delivery, outcome, now);
      }),
    );
    for (const outcome of outcomes) {
      report[outcome] += 1;
      getMetrics().webhookDeliveries.inc({ outcome });
    }
  }
  return report;
}

/** Records a try and what follows from it: delivered, retried later, or given up; the endpoint's failing streak. */
async function settleAttempt(db: Database, delivery: { id: string; endpointId: string; attempts: number }, outcome: SendOutcome, now: Date) {
  const result = outcome.ok ? 'delivered' : delivery.attempts >= MAX_WEBHOOK_ATTEMPTS ? 'failed' : 'retrying';
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, attemptedAt: now, statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, error: outcome.error });
    await tx
      .update(webhookDeliveries)
      .set({
        status: result === 'retrying' ? 'pending' : result,
        lockedUntil: null,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        ...(result === 'delivered' ? { deliveredAt: now } : {}),
        ...(result === 'retrying' ? { nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_SECONDS[delivery.attempts - 1] * 1000) } : {}),
      })
      // Only while this claim still holds it: a redelivery by hand may have delivered it meanwhile.
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'sending')));
    if (outcome.ok) {
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, delivery.endpointId));
    } else {
      await tx.update(webhookEndpoints).set({ failingSince: now }).where(and(eq(webhookEndpoints.id, delivery.endpointId), isNull(webhookEndpoints.failingSince)));
      await disableFailingEndpoint(tx, delivery.endpointId, now);
    }
  });
  return result;
}
