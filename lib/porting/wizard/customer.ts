import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
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
import { singleLineText } from './single-line-text';

// Step 4, Customer Name and PIN: its schema, its save, and the fields of the LOA it fills in.

const yesNo = z.enum(['yes', 'no'], { message: 'Choose yes or no.' });

/**
 * Step 4. The PIN may be left blank when one is already saved (it is never shown again), so the
 * caller says whether one is on file.
 */
export function customerStepSchema(options: { pinOnFile: boolean }) {
  return z
    .object({
      customerName: singleLineText()
        .min(1, 'Enter the customer name exactly as it appears on the phone bill.')
        .max(100, 'Keep the customer name under 100 characters.'),
      carrierAccountNumber: singleLineText()
        .min(1, 'Enter the account number shown on the phone bill.')
        .max(40, 'An account number is at most 40 characters.')
        .refine((v) => v === '' || /^[A-Za-z0-9][A-Za-z0-9 \-.]*$/.test(v), 'Use only the letters, digits, spaces and dashes shown on the bill.'),
      accountPin: singleLineText()
        .max(20, 'An account PIN is at most 20 characters.')
        .refine((v) => v === '' || /^[A-Za-z0-9]+$/.test(v), 'Use only the letters and digits of the PIN, without spaces.')
        .refine((v) => v !== '' || options.pinOnFile, 'Enter the account PIN. Your current carrier gives it to you, with the CSR.'),
      portType: z.enum(['full', 'partial'], { message: 'Say whether all numbers on the carrier account are moving.' }),
      billingTelephoneNumber: singleLineText().optional(),
      btnIsPorting: singleLineText().optional(),
    })
    .superRefine((value, ctx) => {
      if (value.portType !== 'partial') return;
      const btn = value.billingTelephoneNumber ?? '';
      const parsed = btn ? parsePhoneNumberFromString(btn, 'US') : undefined;
      if (!btn) {
        ctx.addIssue({ code: 'custom', path: ['billingTelephoneNumber'], message: 'Enter the main number on the bill (the billing telephone number).' });
      } else if (!parsed?.isPossible() || parsed.countryCallingCode !== '1') {
        ctx.addIssue({ code: 'custom', path: ['billingTelephoneNumber'], message: 'Enter the billing telephone number as 10 digits, e.g. (410) 555-0000.' });
      }
      if (!yesNo.safeParse(value.btnIsPorting).success) {
        ctx.addIssue({ code: 'custom', path: ['btnIsPorting'], message: 'Say whether the billing telephone number is one of the numbers you are porting.' });
      }
    })
    .transform((value) => ({
      customerName: value.customerName,
      carrierAccountNumber: value.carrierAccountNumber,
      accountPin: value.accountPin || undefined,
      portType: value.portType,
      billingTelephoneNumber:
        value.portType === 'partial' ? parsePhoneNumberFromString(value.billingTelephoneNumber!, 'US')!.number : undefined,
      btnIsPorting: value.portType === 'partial' ? value.btnIsPorting === 'yes' : undefined,
    }));
}

export type CustomerStepInput = z.infer<ReturnType<typeof customerStepSchema>>;

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
