import 'server-only';
import { z } from 'zod';

const timestamp = z.string().meta({ format: 'date-time' });

export const noteResource = z
  .object({
    id: z.string().meta({ format: 'uuid' }),
    object: z.literal('note'),
    body: z.string(),
    fromTeam: z.boolean().meta({ description: 'Written by our porting team' }),
    authorName: z.string().nullable().meta({ description: 'Our team is named "Porting team"; updates emailed to you have no author' }),
    createdAt: timestamp,
  })
  .meta({ id: 'Note' });

export const noteListResource = z.object({ object: z.literal('list'), data: z.array(noteResource) }).meta({ id: 'NoteList' });

export const recipientResource = z
  .object({
    object: z.literal('recipient'),
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    isSubmitter: z.boolean().meta({ description: 'The person who entered the request: always receives the updates, cannot be removed' }),
  })
  .meta({ id: 'Recipient' });

export const recipientListResource = z.object({ object: z.literal('list'), data: z.array(recipientResource) }).meta({ id: 'RecipientList' });

export function toNoteResource(n: { id: string; body: string; fromTeam: boolean; authorName: string | null; createdAt: Date }) {
  return { id: n.id, object: 'note' as const, body: n.body, fromTeam: n.fromTeam, authorName: n.authorName, createdAt: n.createdAt.toISOString() };
}

export function toRecipientResource(r: { userId: string; email: string; name: string | null; isSubmitter: boolean }) {
  return { object: 'recipient' as const, userId: r.userId, email: r.email, name: r.name, isSubmitter: r.isSubmitter };
}
