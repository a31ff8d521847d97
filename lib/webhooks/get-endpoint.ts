import 'server-only';
import type { Queryable } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { adminEndpoint } from './endpoint-access';
import type { WebhookEndpointView } from './list-endpoints';

/** One endpoint the actor administers (NotFoundError otherwise), without its secret. */
export async function getWebhookEndpoint(db: Queryable, actor: Actor, endpointId: string): Promise<WebhookEndpointView> {
  const { secretCiphertext: _s, previousSecretCiphertext: _p, createdByUserId: _c, ...view } = await adminEndpoint(db, actor, endpointId);
  return view;
}
