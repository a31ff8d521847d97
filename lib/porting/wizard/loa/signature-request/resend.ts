import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../../../events/record-event';
import { findEditableDraft } from '../../editable-draft';
import { missingStepsBefore } from '../../steps';
import { issueSigningLink } from './issue-link';
import { countSigningEmail } from './send-limit';
import { latestSignatureRequest, summarize, type SignatureRequestSummary } from './link-state';
import { SIGN_EARLIER_STEPS } from './send-for-signature';

/**
 * "Resend": the same person gets a new link (the old one stops working) valid 7 days from now.
 * For a link still waiting or expired; one signed, declined or cancelled needs a new send.
 */
export async function resendLoaSignatureRequest(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<SignatureRequestSummary> {
  return db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'loa');
    if (missingStepsBefore('loa', request.completedSteps).length) throw new StateError(SIGN_EARLIER_STEPS);
    const latest = await latestSignatureRequest(tx, requestId, { forUpdate: true });
    const state = latest && summarize(latest, now).state;
    if (!latest || (state !== 'waiting' && state !== 'expired')) {
      throw new StateError('No signature request is waiting to be resent. Send the letter for signature instead.');
    }
    await countSigningEmail(tx, { requestId, accountId: request.accountId, signerEmail: latest.signerEmail }, now);
    const row = await issueSigningLink(tx, actor, request, latest, now, latest);
    await recordEvent(tx, { requestId, actor, at: now }, { type: 'loa_signature_requested', signerName: row.signerName, signerEmail: row.signerEmail, resent: true });
    return summarize(row, now);
  });
}
