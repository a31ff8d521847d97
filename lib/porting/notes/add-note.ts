import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { portRequestNoteReads, portRequestNotes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { findPortRequest } from '../port-request-access';

export const noteSchema = z.object({
  body: z.string().trim().min(1, 'Write a note before sending.').max(5000, 'Keep a note under 5,000 characters.'),
  visibility: z.enum(['public', 'internal']).default('public'),
});

/**
 * Adds a note to the thread. Customers write public notes, on any request including completed
 * ones; the team may also write internal notes that customers never see. A public note from the
 * team is emailed to the submitter and every recipient (lib/notifications), in the same transaction.
 */
export async function addNote(db: Database, actor: Actor, requestId: string, input: z.infer<typeof noteSchema>, now = new Date()): Promise<string> {
  const visibility = actor.isStaff ? input.visibility : 'public';
  return db.transaction(async (tx) => {
    const request = await findPortRequest(tx, actor, requestId);
    if (request.status === 'draft') throw new StateError('Notes open once the request is sent to our team.');
    const [note] = await tx
      .insert(portRequestNotes)
      .values({ portRequestId: requestId, authorUserId: actor.userId, fromTeam: actor.isStaff, visibility, body: input.body, createdAt: now })
      .returning({ id: portRequestNotes.id });
    await tx
      .insert(portRequestNoteReads)
      .values({ portRequestId: requestId, userId: actor.userId, lastReadAt: now })
      .onConflictDoUpdate({ target: [portRequestNoteReads.portRequestId, portRequestNoteReads.userId], set: { lastReadAt: now } });
    // The event says what kind of note; a team note's email (the note quoted) follows from it.
    await recordEvent(tx, { requestId, actor, at: now }, { type: visibility === 'internal' ? 'internal_note' : actor.isStaff ? 'team_note' : 'customer_note', noteId: note.id });
    return note.id;
  });
}
