import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '@/db/client';
import { apiKeys, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { generateApiKeySecret } from './api-key-secret';
import type { CreateApiKeyInput } from './api-key-schema';

/** Keys are managed by people: an admin of the account, signed in (a key cannot make keys). */
function requireKeyAdmin(actor: Actor, accountId: string) {
  const access = actor.accounts.find((a) => a.id === accountId);
  if (!access || access.role !== 'admin' || actor.apiKey || actor.isStaff) throw new NotFoundError('That account');
}

/** Creates a key and returns its secret: the only time anyone sees it. */
export async function createApiKey(db: Database, actor: Actor, accountId: string, input: CreateApiKeyInput, now = new Date()) {
  requireKeyAdmin(actor, accountId);
  const { secret, prefix, secretSha256 } = generateApiKeySecret();
  // Write implies read: a key that may change a request may also look at it.
  const scopes = input.scopes.includes('port_requests:write') ? ['port_requests:read', 'port_requests:write'] : ['port_requests:read'];
  const [row] = await db
    .insert(apiKeys)
    .values({ accountId, name: input.name, prefix, secretSha256, scopes, createdByUserId: actor.userId, createdAt: now })
    .returning({ id: apiKeys.id });
  return { id: row.id, secret, prefix, scopes };
}

export async function revokeApiKey(db: Database, actor: Actor, accountId: string, keyId: string, now = new Date()): Promise<void> {
  requireKeyAdmin(actor, accountId);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(keyId)) throw new NotFoundError('That API key');
  const [row] = await db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(and(eq(apiKeys.id, keyId), eq(apiKeys.accountId, accountId)));
  if (!row) throw new NotFoundError('That API key');
  if (row.revokedAt) throw new StateError('That key was already revoked.');
  await db
    .update(apiKeys)
    .set({ revokedAt: now, revokedByUserId: actor.userId })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.accountId, accountId), isNull(apiKeys.revokedAt)));
}

export async function listApiKeys(db: Queryable, actor: Actor, accountId: string) {
  requireKeyAdmin(actor, accountId);
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdBy: users.email,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.accountId, accountId))
    .orderBy(desc(apiKeys.createdAt));
}
