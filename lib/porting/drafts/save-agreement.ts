import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { findEditableDraft } from '../port-request-access';
import { saveDraftStep } from './save-draft-step';

/** Called once every statement is checked (the schema refuses anything less). */
export async function saveAgreementStep(db: Database, actor: Actor, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'agreement');
    await saveDraftStep(tx, actor, request, { step: 'agreement', fields: { agreementAcceptedAt: new Date() } });
  });
}
