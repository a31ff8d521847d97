import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { AddressStepInput } from '../steps/address';
import { findEditableDraft } from '../port-request-access';
import { saveDraftStep } from './save-draft-step';

const sameAddress = (a: AddressStepInput, b: AddressStepInput) =>
  a.street === b.street && (a.unit ?? '') === (b.unit ?? '') && a.city === b.city && a.region === b.region && a.postalCode === b.postalCode && a.country === b.country;

export async function saveAddressStep(db: Database, actor: Actor, requestId: string, input: AddressStepInput): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'address');
    const changed = !!request.billingAddress && !sameAddress(request.billingAddress as AddressStepInput, input);
    await saveDraftStep(tx, actor, request, {
      step: 'address',
      fields: { billingAddress: input },
      changesSignedContent: changed ? 'The billing address changed after the LOA was signed.' : undefined,
    });
  });
}
