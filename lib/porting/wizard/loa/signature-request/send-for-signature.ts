import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../../../events/record-event';
import { findEditableDraft } from '../../editable-draft';
import { missingStepsBefore } from '../../steps';
import { issueSigningLink } from './issue-link';
import { countSigningEmail } from './send-limit';
import { summarize, type SignatureRequestSummary } from './link-state';
import { sendForSignatureSchema, type SendForSignatureInput } from './schema';

export const SIGN_EARLIER_STEPS = 'Finish the earlier steps before sending the Letter of Authorization for signature.';

/**
 * "Send for signature": emails the authorized person at the business (not necessarily a user of
 * the platform) a single-use link, valid 7 days, to read the LOA and sign or decline it. Same
 * preconditions as signing on the LOA step. Sending again replaces the link still out (it stops
 * working). Works for a signed-in user and an API key alike (the key is named on the record).
 */
export async function sendLoaForSignature(db: Database, actor: Actor, requestId: string, input: SendForSignatureInput, now = new Date()): Promise<SignatureRequestSummary> {
  const parsed = sendForSignatureSchema.safeParse(input);
  if (!parsed.success) throw new StateError(parsed.error.issues[0].message);
  return db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'loa');
    if (missingStepsBefore('loa', request.completedSteps).length) throw new StateError(SIGN_EARLIER_STEPS);
    await countSigningEmail(tx, { requestId, accountId: request.accountId, signerEmail: parsed.data.signerEmail }, now);
    const row = await issueSigningLink(tx, actor, request, parsed.data, now);
    await recordEvent(tx, { requestId, actor, at: now }, { type: 'loa_signature_requested', signerName: row.signerName, signerEmail: row.signerEmail });
    return summarize(row, now);
  });
}
