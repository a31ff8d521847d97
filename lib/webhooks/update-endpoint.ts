import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { adminEndpoint } from './endpoint-access';
import { endpointUrlProblem, type WebhookEndpointInput } from './endpoint-input';

/** Changes an endpoint's URL, description and event types; messages already queued keep going to it. */
export async function updateWebhookEndpoint(db: Database, actor: Actor, endpointId: string, input: WebhookEndpointInput): Promise<void> {
  await adminEndpoint(db, actor, endpointId);
  const problem = await endpointUrlProblem(input.url);
  if (problem) throw new StateError(problem);
  await db.transaction(async (tx) => {
    await adminEndpoint(tx, actor, endpointId, { forUpdate: true });
    await tx
      .update(webhookEndpoints)
      .set({ url: input.url, description: input.description ?? null, eventTypes: input.eventTypes })
      .where(eq(webhookEndpoints.id, endpointId));
  });
}
