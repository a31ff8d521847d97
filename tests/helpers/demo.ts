import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';

export async function actorByEmail(db: Queryable, email: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return (await loadActor(db, user.id))!;
}

export async function accountIdByName(db: Queryable, name: string): Promise<string> {
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, name));
  if (!account) throw new Error(`no account ${name}`);
  return account.id;
}
