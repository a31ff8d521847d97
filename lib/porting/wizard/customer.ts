import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { changeRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { encryptPin } from '@/lib/crypto/pin';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import type { PortRequest } from '../port-request-access';
import { asksForNewPin, findOpenChangeRequest } from '../review/open-change-request';
import { findEditableDraft } from './editable-draft';
import type { SignedContent } from './loa/voids-signature';
import { saveStep } from './save-step';
import { customerStepSchema, type CustomerStepInput } from './customer-schema';

// Step 4, Customer Name and PIN: its save and the fields of the LOA it fills in. The schema is in
// ./customer-schema, which the page's form also checks in the browser before posting.

/** The LOA's fields this step fills in (the PIN and whether the BTN ports are not on the letter). */
export function customerLoaFields(
  request: Pick<PortRequest, 'customerName' | 'carrierAccountNumber' | 'portType' | 'billingTelephoneNumber'>,
): Pick<SignedContent, 'accountHolder' | 'accountNumber' | 'portType' | 'btn'> {
  return {
    accountHolder: request.customerName ?? '',
    accountNumber: request.carrierAccountNumber ?? '',
    portType: request.portType ?? 'full',
    btn: request.billingTelephoneNumber ?? undefined,
  };
}

export async function saveCustomerStep(db: Database, actor: Actor, requestId: string, input: CustomerStepInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'customer');
    await saveCustomer(tx, actor, request, input, await newPinAskedBy(tx, request), now);
  });
}

/**
 * The step's form as posted: checked against the schema with what only the request knows (whether
 * a PIN is on file that the team has not asked to replace: then the PIN may be left blank), and
 * saved, in one transaction. Returns the schema's issues, or null once saved.
 */
export async function saveCustomerForm(db: Database, actor: Actor, requestId: string, values: Record<string, string>, now = new Date()): Promise<z.ZodError | null> {
  return db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'customer');
    const newPinAsked = await newPinAskedBy(tx, request);
    const parsed = customerStepSchema({ pinOnFile: !!request.accountPinCiphertext && !newPinAsked }).safeParse(values);
    if (!parsed.success) return parsed.error;
    await saveCustomer(tx, actor, request, parsed.data, newPinAsked, now);
    return null;
  });
}

/** The open change request, when it asks for a new PIN (the one on file cannot be kept). */
async function newPinAskedBy(tx: Transaction, request: PortRequest) {
  if (request.status !== 'changes_needed') return null;
  const open = await findOpenChangeRequest(tx, request.id);
  return open && asksForNewPin(open) ? open : null;
}

async function saveCustomer(
  tx: Transaction,
  actor: Actor,
  request: PortRequest,
  input: CustomerStepInput,
  newPinAsked: { id: string } | null,
  now: Date,
): Promise<void> {
  if (newPinAsked) {
    if (!input.accountPin) throw new StateError('A new account PIN is needed: enter the port-out PIN your current carrier gives you.');
    // What "Resubmit" checks to know the PIN was replaced after the team asked.
    await tx.update(changeRequests).set({ pinReplacedAt: now }).where(eq(changeRequests.id, newPinAsked.id));
    await recordEvent(tx, { requestId: request.id, actor, at: now }, { type: 'pin_replaced' });
  }
  const fields = {
    customerName: input.customerName,
    carrierAccountNumber: input.carrierAccountNumber,
    // Blank keeps the PIN on file; a new one replaces it. Only ciphertext is ever stored.
    ...(input.accountPin ? { accountPinCiphertext: encryptPin(input.accountPin, getEnv().pinEncryptionKey) } : {}),
    portType: input.portType,
    billingTelephoneNumber: input.billingTelephoneNumber ?? null,
    btnIsPorting: input.btnIsPorting ?? null,
  };
  await saveStep(tx, actor, request, {
    step: 'customer',
    fields,
    signed: { before: customerLoaFields(request), after: customerLoaFields(fields) },
    at: now,
  });
}
