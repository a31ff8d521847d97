import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { encryptPin } from '@/lib/crypto/pin';
import type { CustomerStepInput } from '../steps/customer';
import { findEditableDraft } from '../port-request-access';
import { saveDraftStep } from './save-draft-step';

export async function saveCustomerStep(db: Database, actor: Actor, requestId: string, input: CustomerStepInput): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'customer');
    const signedContentChanged =
      (request.customerName !== null && request.customerName !== input.customerName) ||
      (request.carrierAccountNumber !== null && request.carrierAccountNumber !== input.carrierAccountNumber) ||
      (request.portType !== null && request.portType !== input.portType) ||
      (request.billingTelephoneNumber ?? undefined) !== input.billingTelephoneNumber;
    await saveDraftStep(tx, actor, request, {
      step: 'customer',
      fields: {
        customerName: input.customerName,
        carrierAccountNumber: input.carrierAccountNumber,
        // Blank keeps the PIN on file; a new one replaces it. Only ciphertext is ever stored.
        ...(input.accountPin ? { accountPinCiphertext: encryptPin(input.accountPin, getEnv().pinEncryptionKey) } : {}),
        portType: input.portType,
        billingTelephoneNumber: input.billingTelephoneNumber ?? null,
        btnIsPorting: input.btnIsPorting ?? null,
      },
      changesSignedContent:
        signedContentChanged && request.completedSteps.includes('customer')
          ? 'The customer name, account number or billing number changed after the LOA was signed.'
          : undefined,
    });
  });
}
