import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { encryptPin } from '@/lib/crypto/pin';
import { portRequestEvents } from '@/db/schema';
import { StateError } from '@/lib/errors';
import { asksForNewPin, findOpenChangeRequest } from '../review/open-change-request';
import type { CustomerStepInput } from '../steps/customer';
import { findEditableDraft } from '../port-request-access';
import { saveDraftStep } from './save-draft-step';

export async function saveCustomerStep(db: Database, actor: Actor, requestId: string, input: CustomerStepInput): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'customer');
    if (request.status === 'changes_needed' && asksForNewPin(await findOpenChangeRequest(tx, requestId))) {
      if (!input.accountPin) throw new StateError('Our team asked for a new account PIN: enter the port-out PIN your current carrier gives you.');
      // What "Resubmit" looks for to know the PIN was replaced after the team asked.
      await tx.insert(portRequestEvents).values({ portRequestId: requestId, actorUserId: actor.userId, type: 'pin_replaced' });
    }
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
