import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { internationalPortInquiries } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';

export async function closeInternationalInquiry(db: Database, actor: Actor, inquiryId: string, now = new Date()): Promise<void> {
  if (!actor.isStaff || !/^[0-9a-f-]{36}$/i.test(inquiryId)) throw new NotFoundError('That inquiry');
  await db
    .update(internationalPortInquiries)
    .set({ status: 'closed', closedAt: now })
    .where(and(eq(internationalPortInquiries.id, inquiryId), eq(internationalPortInquiries.status, 'open')));
}
