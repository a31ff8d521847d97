import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requireAdminOf } from './endpoint-access';

/** An endpoint as pages and the API show it: never its secret. */
export type WebhookEndpointView = {
  id: string;
  accountId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: 'enabled' | 'disabled';
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
};

export const endpointViewColumns = {
  id: webhookEndpoints.id,
  accountId: webhookEndpoints.accountId,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  status: webhookEndpoints.status,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  createdAt: webhookEndpoints.createdAt,
};

/** The endpoints of an account the actor administers, oldest first. */
export async function listWebhookEndpoints(db: Queryable, actor: Actor, accountId: string): Promise<WebhookEndpointView[]> {
  requireAdminOf(actor, accountId);
  return db.select(endpointViewColumns).from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}
