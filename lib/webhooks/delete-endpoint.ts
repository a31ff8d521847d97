import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { adminEndpoint } from './endpoint-access';

/** Deletes an endpoint with its queued messages and delivery log. */
export async function deleteWebhookEndpoint(db: Database, actor: Actor, endpointId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await adminEndpoint(tx, actor, endpointId, { forUpdate: true });
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  });
}
