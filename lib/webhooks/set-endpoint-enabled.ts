import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { adminEndpoint } from './endpoint-access';

/**
 * Disables an endpoint (its messages wait, nothing is lost) or enables it again (waiting messages
 * go out in order; the failing streak starts over, so a just-enabled endpoint is not disabled at
 * its next failure).
 */
export async function setWebhookEndpointEnabled(db: Database, actor: Actor, endpointId: string, enabled: boolean, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await adminEndpoint(tx, actor, endpointId, { forUpdate: true });
    await tx
      .update(webhookEndpoints)
      .set(
        enabled
          ? { status: 'enabled', disabledAt: null, disabledReason: null, failingSince: null }
          : { status: 'disabled', disabledAt: now, disabledReason: 'Disabled by an admin.' },
      )
      .where(eq(webhookEndpoints.id, endpointId));
  });
}
