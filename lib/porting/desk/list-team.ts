import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { staffMembers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';

export type TeamMember = { userId: string; name: string };

/** The team members a request can be assigned to, by name (their email when they have none). */
export async function listTeam(db: Queryable, actor: Actor): Promise<TeamMember[]> {
  if (!actor.isStaff) throw new NotFoundError('That page');
  return db
    .select({ userId: users.id, name: sql<string>`coalesce(${users.name}, ${users.email})` })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .orderBy(asc(sql`coalesce(${users.name}, ${users.email})`));
}
