import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequestNoteReads, portRequestNotes, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findPortRequest } from '../port-request-access';

/**
 * The thread, oldest first; internal notes only for the team. Opening it marks it read for this
 * user, unless `markRead` is false (a read through an API key is not its creator reading it).
 */
export async function listNotes(db: Database, actor: Actor, requestId: string, now = new Date(), options: { markRead?: boolean } = {}) {
  const request = await findPortRequest(db, actor, requestId);
  const notes = await db
    .select({
      id: portRequestNotes.id,
      body: portRequestNotes.body,
      fromTeam: portRequestNotes.fromTeam,
      visibility: portRequestNotes.visibility,
      createdAt: portRequestNotes.createdAt,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(portRequestNotes)
    .leftJoin(users, eq(users.id, portRequestNotes.authorUserId))
    .where(actor.isStaff ? eq(portRequestNotes.portRequestId, requestId) : and(eq(portRequestNotes.portRequestId, requestId), eq(portRequestNotes.visibility, 'public')))
    .orderBy(asc(portRequestNotes.createdAt));
  if (options.markRead !== false) {
    await db
      .insert(portRequestNoteReads)
      .values({ portRequestId: requestId, userId: actor.userId, lastReadAt: now })
      .onConflictDoUpdate({ target: [portRequestNoteReads.portRequestId, portRequestNoteReads.userId], set: { lastReadAt: now } });
  }
  // Customers see the team as a team, not as individual staff members; updates have no author, and
  // neither have the notes the platform writes for the team itself (about the carrier's order).
  return {
    request,
    notes: notes.map(({ authorEmail, ...n }) =>
      n.fromTeam && !actor.isStaff ? { ...n, authorName: 'Porting team' } : { ...n, authorName: n.authorName ?? authorEmail ?? (n.visibility === 'internal' ? 'Carrier desk (automatic)' : 'Update (emailed)') },
    ),
  };
}
