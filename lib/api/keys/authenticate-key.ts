import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, apiKeys, users } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { apiKeySha256, looksLikeApiKey } from './api-key-secret';

export type ApiKeyIdentity = { id: string; name: string; accountId: string; scopes: string[] };

// "Last used" is for people; writing it once a minute at most keeps reads free of writes.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The Actor an `Authorization: Bearer pn_live_…` header stands for, or null (no key, an unknown
 * key, a revoked one, one whose creator is no longer an admin of its account). The key acts as an
 * admin of its account would: that account and, when it is an agency, its sub-accounts; never staff.
 */
export async function authenticateApiKey(db: Database, authorization: string | null, now = new Date()): Promise<{ actor: Actor; key: ApiKeyIdentity } | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match || !looksLikeApiKey(match[1])) return null;
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      accountId: apiKeys.accountId,
      lastUsedAt: apiKeys.lastUsedAt,
      accountName: accounts.name,
      parentAccountId: accounts.parentAccountId,
      userId: users.id,
      email: users.email,
      userName: users.name,
    })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.secretSha256, apiKeySha256(match[1])), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  // A key is worth what its creator's admin rights are: it stops when they are no longer an admin
  // of the key's account (removed, made a member), until an admin makes a new one.
  const creator = await loadActor(db, row.userId);
  if (!creator?.accounts.some((a) => a.id === row.accountId && a.role === 'admin')) return null;

  const children =
    row.parentAccountId === null
      ? await db.select({ id: accounts.id, name: accounts.name, parentAccountId: accounts.parentAccountId }).from(accounts).where(eq(accounts.parentAccountId, row.accountId))
      : [];
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const actor: Actor = {
    userId: row.userId,
    email: row.email,
    name: row.userName,
    isStaff: false,
    accounts: [
      { id: row.accountId, name: row.accountName, parentAccountId: row.parentAccountId, role: 'admin' },
      ...children.sort(byName).map((c) => ({ ...c, role: 'admin' as const })),
    ],
    apiKey: { id: row.id, name: row.name, scopes: row.scopes },
  };

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return { actor, key: { id: row.id, name: row.name, accountId: row.accountId, scopes: row.scopes } };
}
