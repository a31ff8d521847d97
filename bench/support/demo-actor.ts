import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';

export async function actorFor(db: Queryable, email: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, user.id))!;
}
