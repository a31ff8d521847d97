import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { PortRequest } from '../port-request-access';
import { findEditableDraft } from './editable-draft';
import type { SignedContent } from './loa/voids-signature';
import { CA_PROVINCES, US_STATES } from './regions';
import { saveStep } from './save-step';
import { singleLineText } from './single-line-text';

// Step 5, Billing Address: its schema, its save, and the field of the LOA it fills in. The page's
// client form reads the regions from ./regions, which has no server-only imports.

const line = (label: string, max: number) =>
  singleLineText().min(1, `Enter the ${label} exactly as on the phone bill.`).max(max, `Keep the ${label} under ${max} characters.`);

/** Step 5: the billing address, checked against the country's formats. */
export const addressStepSchema = z
  .object({
    street: line('street address', 100),
    unit: singleLineText().max(30, 'Keep the unit under 30 characters.').optional().transform((v) => v || undefined),
    city: line('city', 60),
    country: z.enum(['US', 'CA'], { message: 'Choose United States or Canada.' }),
    region: singleLineText().toUpperCase(),
    postalCode: singleLineText().toUpperCase(),
  })
  .superRefine((value, ctx) => {
    // A province with the country left on its default (or a state with Canada): name the country.
    const otherCountry = value.country === 'US' ? CA_PROVINCES[value.region] : US_STATES[value.region];
    if (otherCountry) {
      const [region, country] = value.country === 'US' ? ['a Canadian province', 'Canada'] : ['a US state', 'United States'];
      ctx.addIssue({ code: 'custom', path: ['country'], message: `${otherCountry} is ${region}: choose ${country} as the country.` });
      return;
    }
    const regions = value.country === 'US' ? US_STATES : CA_PROVINCES;
    if (!regions[value.region]) {
      ctx.addIssue({
        code: 'custom',
        path: ['region'],
        message: value.country === 'US' ? 'Choose the state from the list.' : 'Choose the province or territory from the list.',
      });
    }
    if (value.country === 'US' && !/^\d{5}(-\d{4})?$/.test(value.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'Enter the ZIP code as 5 digits, or 5+4 like 21202-1234.' });
    }
    if (value.country === 'CA' && !/^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/.test(value.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'Enter the postal code like K1A 0B1.' });
    }
  })
  .transform((value) => ({
    ...value,
    // Canadian postal codes are written "A1A 1A1" on bills; store them that way.
    postalCode: value.country === 'CA' ? `${value.postalCode.replace(' ', '').slice(0, 3)} ${value.postalCode.replace(' ', '').slice(3)}` : value.postalCode,
  }));

export type AddressStepInput = z.infer<typeof addressStepSchema>;

const NO_ADDRESS: SignedContent['billingAddress'] = { street: '', city: '', region: '', postalCode: '', country: 'US' };

/** The LOA's fields this step fills in. */
export function addressLoaFields(request: Pick<PortRequest, 'billingAddress'>): Pick<SignedContent, 'billingAddress'> {
  return { billingAddress: request.billingAddress ?? NO_ADDRESS };
}

export async function saveAddressStep(db: Database, actor: Actor, requestId: string, input: AddressStepInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'address');
    const fields = { billingAddress: input };
    await saveStep(tx, actor, request, {
      step: 'address',
      fields,
      signed: { before: addressLoaFields(request), after: addressLoaFields(fields) },
      at: now,
    });
  });
}
