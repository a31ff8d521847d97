import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loaSignatureRequests } from '@/db/schema';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../../../events/record-event';
import { assertSigningLinkAttempt } from './link-rate-limit';
import { findByToken, linkRefusal, loadRequestOf, refusalMessage } from './link-state';
import { declineByLinkSchema, type DeclineByLinkInput } from './schema';
import type { LinkClient } from './sign-by-link';

/** The person asked to sign declines, with a reason: the link is spent and the sender (and the request's recipients) are emailed the reason. */
export async function declineByLink(db: Database, token: string, input: DeclineByLinkInput, client: LinkClient, now = new Date()): Promise<{ requestId: string }> {
  await assertSigningLinkAttempt(db, client.ipAddress, now);
  const parsed = declineByLinkSchema.safeParse(input);
  if (!parsed.success) throw new StateError(parsed.error.issues[0].message);
  const row = await findByToken(db, token);
  if (!row) throw new StateError(refusalMessage('invalid'));
  await db.transaction(async (tx) => {
    const request = await loadRequestOf(tx, row, { forUpdate: true });
    if (!request) throw new StateError(refusalMessage('invalid'));
    const [locked] = await tx.select().from(loaSignatureRequests).where(eq(loaSignatureRequests.id, row.id)).for('update');
    const refusal = locked ? await linkRefusal(tx, locked, request, now) : 'invalid';
    if (refusal) throw new StateError(refusalMessage(refusal));
    await tx.update(loaSignatureRequests).set({ declinedAt: now, declineReason: parsed.data.reason }).where(eq(loaSignatureRequests.id, row.id));
    await recordEvent(tx, { requestId: row.portRequestId, actor: null, at: now }, { type: 'loa_signature_declined', signerName: row.signerName, reason: parsed.data.reason });
  });
  return { requestId: row.portRequestId };
}
