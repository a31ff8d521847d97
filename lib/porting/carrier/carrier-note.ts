import 'server-only';
import type { Transaction } from '@/db/client';
import { portRequestNotes } from '@/db/schema';
import { recordEvent } from '../events/record-event';

/**
 * An internal note for the team written by the platform about the carrier order (a refusal, a
 * team-only exception, a carrier comment): in the notes thread the team reads, never the customer's.
 */
export async function addCarrierNote(tx: Transaction, requestId: string, body: string, at: Date, options: { fromCarrier?: boolean; carrierCommentId?: string } = {}): Promise<void> {
  const [note] = await tx
    .insert(portRequestNotes)
    .values({ portRequestId: requestId, authorUserId: null, fromTeam: true, visibility: 'internal', body, createdAt: at })
    .returning({ id: portRequestNotes.id });
  await recordEvent(
    tx,
    { requestId, actor: null, at },
    {
      type: 'internal_note',
      noteId: note.id,
      ...(options.fromCarrier ? { via: 'carrier' as const } : {}),
      ...(options.carrierCommentId ? { carrierCommentId: options.carrierCommentId } : {}),
    },
  );
}
