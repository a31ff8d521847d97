import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { portRequestEvents, portRequestNoteReads, portRequestNotes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import { findPortRequest } from '../port-request-access';

export const noteSchema = z.object({
  body: z.string().trim().min(1, 'Write a note before sending.').max(5000, 'Keep a note under 5,000 characters.'),
  visibility: z.enum(['public', 'internal']).default('public'),
});

/**
 * Adds a note to the thread. Customers write public notes, on any request including completed
 * ones; the team may also write internal notes that customers never see. A public note from the
 * team is emailed to the submitter and every recipient in the same transaction.
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
    await tx.insert(portRequestEvents).values({
      portRequestId: requestId,
      actorUserId: actor.userId,
      type: visibility === 'internal' ? 'internal_note' : actor.isStaff ? 'team_note' : 'customer_note',
      createdAt: now,
    });
    if (actor.isStaff && visibility === 'public') {
      await notifyRequestUpdate(tx, requestId, {
        template: 'team-note',
        subject: 'New note from our porting team',
        alreadyInNotes: true,
        update: {
          headline: 'Our porting team added a note',
          paragraphs: ['Reply from the notes on the request page; replies to this email are not read.'],
          quote: { author: 'Porting team', body: input.body },
        },
      });
    }
    return note.id;
  });
}
