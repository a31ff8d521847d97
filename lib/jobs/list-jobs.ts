import 'server-only';
import { desc } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { scheduledJobs } from '@/db/schema';

export async function listJobs(db: Queryable, limit = 100) {
  return db.select().from(scheduledJobs).orderBy(desc(scheduledJobs.createdAt)).limit(limit);
}
