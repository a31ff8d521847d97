import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { findEditableDraft } from './editable-draft';
import { saveStep } from './save-step';
export { AGREEMENT_STATEMENTS } from './agreement-statements';

// Step 6, Agreement: its schema and its save. The statements are in ./agreement-statements, which
// the page's client form imports (no zod, no server code). The agreement is not on the LOA.

const checked = (message: string) => z.literal('on', { message });

export const agreementStepSchema = z.object({
  authority: checked('Confirm that you may act for the account holder.'),
  activeService: checked('Confirm that the numbers stay active with the current carrier until the port is done.'),
  matchesBill: checked('Confirm that the details match the bill.'),
  smsDelay: checked('Confirm that you understand SMS can follow a few days after voice.'),
});

/** Called once every statement is checked (the schema refuses anything less). */
export async function saveAgreementStep(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'agreement');
    await saveStep(tx, actor, request, { step: 'agreement', fields: { agreementAcceptedAt: now }, at: now });
  });
}
