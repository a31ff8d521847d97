import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { CarrierStepInput } from '../steps/carrier';
import { findEditableDraft } from '../port-request-access';
import { saveDraftStep } from './save-draft-step';

export async function saveCarrierStep(db: Database, actor: Actor, requestId: string, input: CarrierStepInput): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'carrier');
    const carrierChanged = !!request.losingCarrier && request.losingCarrier !== input.losingCarrier;
    await saveDraftStep(tx, actor, request, {
      step: 'carrier',
      fields: { losingCarrier: input.losingCarrier, requestedPortDate: input.requestedPortDate ?? null },
      changesSignedContent: carrierChanged ? 'The current carrier changed after the LOA was signed.' : undefined,
    });
  });
}
