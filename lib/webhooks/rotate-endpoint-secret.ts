import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { adminEndpoint } from './endpoint-access';
import { newEndpointSecret, PREVIOUS_SECRET_GRACE_MS, sealSecret } from './endpoint-secret';

/**
 * A new signing secret, returned once. For 24 hours messages carry two signatures (the new secret
 * and the one it replaces), so a receiver can switch without dropping any; a second rotation
 * within that time retires the oldest at once.
 */
export async function rotateWebhookSecret(db: Database, actor: Actor, endpointId: string, now = new Date()): Promise<{ secret: string; previousExpiresAt: Date }> {
  const secret = newEndpointSecret();
  const previousExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
  await db.transaction(async (tx) => {
    const endpoint = await adminEndpoint(tx, actor, endpointId, { forUpdate: true });
    await tx
      .update(webhookEndpoints)
      .set({ secretCiphertext: sealSecret(secret), previousSecretCiphertext: endpoint.secretCiphertext, previousSecretExpiresAt: previousExpiresAt })
      .where(eq(webhookEndpoints.id, endpointId));
  });
  return { secret, previousExpiresAt };
}
