import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** Webhook endpoints are an account's settings: only its admins (an agency's admins for its sub-accounts) manage them. */
export function isAdminOf(actor: Actor, accountId: string): boolean {
  return actor.accounts.some((a) => a.id === accountId && a.role === 'admin');
}

export function requireAdminOf(actor: Actor, accountId: string): void {
  if (!isAdminOf(actor, accountId)) throw new NotFoundError('That account');
}

/**
 * An endpoint the actor administers, or NotFoundError: another account's endpoint, a member's
 * look at one, a malformed id and a deleted endpoint all look the same.
 */
export async function adminEndpoint(db: Queryable, actor: Actor, endpointId: string, options: { forUpdate?: boolean } = {}): Promise<WebhookEndpointRow> {
  if (!z.uuid().safeParse(endpointId).success) throw new NotFoundError('That webhook endpoint');
  const query = db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  const [endpoint] = options.forUpdate ? await query.for('update') : await query;
  if (!endpoint || !isAdminOf(actor, endpoint.accountId)) throw new NotFoundError('That webhook endpoint');
  return endpoint;
}
