import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { requireAdminOf } from './endpoint-access';
import { endpointUrlProblem, MAX_ENDPOINTS_PER_ACCOUNT, type WebhookEndpointInput } from './endpoint-input';
import { newEndpointSecret, sealSecret } from './endpoint-secret';

/**
 * Registers an endpoint for an account the actor administers. Returns its signing secret, the
 * only time it is shown. The URL is checked again here (HTTPS, public addresses in production)
 * whoever calls: the form, the API.
 */
export async function createWebhookEndpoint(db: Database, actor: Actor, accountId: string, input: WebhookEndpointInput): Promise<{ id: string; secret: string }> {
  requireAdminOf(actor, accountId);
  const problem = await endpointUrlProblem(input.url);
  if (problem) throw new StateError(problem);
  const secret = newEndpointSecret();
  return db.transaction(async (tx) => {
    // The account row locked: two creations at once cannot both pass the limit.
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
    const [{ n }] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId));
    if (n >= MAX_ENDPOINTS_PER_ACCOUNT) throw new StateError(`An account can have up to ${MAX_ENDPOINTS_PER_ACCOUNT} webhook endpoints; delete one you no longer use first.`);
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        accountId,
        url: input.url,
        description: input.description ?? null,
        eventTypes: input.eventTypes,
        secretCiphertext: sealSecret(secret),
        createdByUserId: actor.userId,
      })
      .returning({ id: webhookEndpoints.id });
    return { id: row.id, secret };
  });
}
