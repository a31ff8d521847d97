import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, memberships, staffMembers, users } from '@/db/schema';

export type AccountAccess = {
  id: string;
  name: string;
  parentAccountId: string | null;
  role: 'admin' | 'member';
};

/** The signed-in user as services see them: who they are and which accounts they may use. */
export type Actor = {
  userId: string;
  email: string;
  name: string | null;
  isStaff: boolean;
  accounts: AccountAccess[];
  /**
   * Set when the caller is an API key (lib/api/authenticate-key): `userId` is then the admin who
   * created the key (answerable for it), `accounts` the key's account and, for an agency, its
   * sub-accounts, as an admin of that account would have them; the audit trail names the key.
   */
  apiKey?: { id: string; name: string; scopes: readonly string[] };
};

export async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  // The user and their memberships are independent reads: sent together (every page waits on them).
  const [[user], direct] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, name: users.name, staffRole: staffMembers.role })
      .from(users)
      .leftJoin(staffMembers, eq(staffMembers.userId, users.id))
      .where(eq(users.id, userId)),
    db
      .select({ id: accounts.id, name: accounts.name, parentAccountId: accounts.parentAccountId, role: memberships.role })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(eq(memberships.userId, userId)),
  ]);
  if (!user) return null;

  // An admin of an agency works in all of its sub-accounts, including ones created later.
  const adminOf = direct.filter((a) => a.role === 'admin' && a.parentAccountId === null).map((a) => a.id);
  const children = adminOf.length
    ? await db
        .select({ id: accounts.id, name: accounts.name, parentAccountId: accounts.parentAccountId })
        .from(accounts)
        .where(inArray(accounts.parentAccountId, adminOf))
    : [];

  const byId = new Map<string, AccountAccess>(direct.map((a) => [a.id, a]));
  for (const child of children) if (!byId.has(child.id)) byId.set(child.id, { ...child, role: 'admin' });

  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isStaff: user.staffRole === 'regulatory',
    accounts: orderAccounts([...byId.values()]),
  };
}

/** Agencies first, each followed by its sub-accounts, alphabetically: the switcher's order. */
function orderAccounts(list: AccountAccess[]): AccountAccess[] {
  const byName = (a: AccountAccess, b: AccountAccess) => a.name.localeCompare(b.name);
  const ids = new Set(list.map((a) => a.id));
  const tops = list.filter((a) => !a.parentAccountId || !ids.has(a.parentAccountId)).sort(byName);
  return tops.flatMap((top) => [top, ...list.filter((a) => a.parentAccountId === top.id).sort(byName)]);
}

export function canUseAccount(actor: Actor, accountId: string): boolean {
  return actor.accounts.some((a) => a.id === accountId);
}

/** The current account and, for an agency, the sub-accounts the actor may use: what its lists show. */
export function accountScope(actor: Actor, currentAccountId: string): string[] {
  if (!canUseAccount(actor, currentAccountId)) return [];
  return [currentAccountId, ...actor.accounts.filter((a) => a.parentAccountId === currentAccountId).map((a) => a.id)];
}
