import 'server-only';
import { z } from 'zod';
import type { BillingAddress } from '@/db/schema';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { PortRequest } from '../port-request-access';
import { findEditableDraft } from './editable-draft';
import type { SignedContent } from './loa/voids-signature';
import { CA_PROVINCES, US_STATES } from './regions';
import { saveStep } from './save-step';
import { singleLineText } from './single-line-text';

// Step 5, Billing Address: the billing address and, when the lines are installed somewhere else,
// the service address; their schema, their save, and the fields of the LOA they fill in. The page's
// client form reads the regions from ./regions, which has no server-only imports.

export const PO_BOX_MESSAGE =
  'Carriers need the street address where the lines are installed, not a PO box. Enter that address here (the billing address may stay a PO box).';

// "PO Box 12", "P.O. Box", "POB 12", "Post Office Box", "Postal Box", "Postbox", a private mailbox
// "PMB 12", Canada's "C.P. 12" / "CP 12" (case postale), "B.P. 12", "Case postale", "Casier postal",
// "Boîte postale", "Box 12" anywhere ("Suite 5, Box 12"), "Lock box": each spelling with or without
// dots, hyphens or slashes ("P-O", "P/O"), with the number right after ("PO Box12"), in any case,
// accent or width (full-width letters fold to plain ones).
const PO_BOX_SPELLINGS = [
  /\bp ?o ?box(?![a-z])/,
  /\bp ?o ?b ?#? ?\d/,
  /\bpost(al)? ?(office )?box(?![a-z])/,
  /\bp ?m ?b ?#? ?\d/,
  /\bc ?p ?#? ?\d/,
  /\bb ?p ?#? ?\d/,
  /\bcase postale\b/,
  /\bcasier postal\b/,
  /\bboite postale\b/,
  /(^| )box ?#? ?\d/,
  /\block ?box\b/,
];

function isPoBox(text: string): boolean {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Invisible characters would split a spelling ("P\u200BO Box"); single-line fields refuse them too.
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase()
    .replace(/[.,\-/_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return PO_BOX_SPELLINGS.some((spelling) => spelling.test(plain));
}

type Where = 'billing' | 'service';
const ENTER: Record<Where, (label: string) => string> = {
  billing: (label) => `Enter the ${label} exactly as on the phone bill.`,
  service: (label) => `Enter the ${label} where the lines are installed.`,
};

function addressFields(where: Where) {
  const line = (label: string, max: number) => singleLineText().min(1, ENTER[where](label)).max(max, `Keep the ${label} under ${max} characters.`);
  const noPoBox = <T extends z.ZodType<string | undefined>>(field: T) => (where === 'service' ? field.refine((v) => !v || !isPoBox(v), PO_BOX_MESSAGE) : field);
  return {
    street: noPoBox(line('street address', 100)),
    unit: noPoBox(singleLineText().max(30, 'Keep the unit under 30 characters.').optional()).transform((v) => v || undefined),
    city: line('city', 60),
    country: z.enum(['US', 'CA'], { message: 'Choose United States or Canada.' }),
    region: singleLineText().toUpperCase(),
    postalCode: singleLineText().toUpperCase(),
  };
}

type AddressValue = { country: 'US' | 'CA'; region: string; postalCode: string };

/** The country's regions and postal formats: the same rules for the billing and the service address. */
function checkRegionAndPostalCode(value: AddressValue, ctx: z.RefinementCtx) {
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
}

// Canadian postal codes are written "A1A 1A1" on bills; store them that way.
function billFormat(postalCode: string, country: 'US' | 'CA'): string {
  if (country !== 'CA') return postalCode;
  const compact = postalCode.replace(' ', '');
  return `${compact.slice(0, 3)} ${compact.slice(3)}`;
}

/** Where the lines are installed: the billing address's rules, and never a PO box. */
const serviceAddressSchema = z
  .object(addressFields('service'))
  .superRefine(checkRegionAndPostalCode)
  .transform((value) => ({ ...value, postalCode: billFormat(value.postalCode, value.country) }));

/**
 * Step 5: the billing address, checked against the country's formats, and the service address
 * when it is not the same (left out or null: the lines are installed at the billing address).
 */
export const addressStepSchema = z
  .object({
    ...addressFields('billing'),
    serviceAddress: serviceAddressSchema.nullish().meta({
      description: 'Where the lines are installed, when not at the billing address (carriers match it; never a PO box). Leave out, or null, when it is the same.',
    }),
  })
  .superRefine(checkRegionAndPostalCode)
  .transform(({ serviceAddress, ...billing }) => ({ ...billing, postalCode: billFormat(billing.postalCode, billing.country), serviceAddress: serviceAddress ?? null }));

/** The checked step (what addressStepSchema gives; a service address left out is the same as the billing address). */
export type AddressStepInput = BillingAddress & { serviceAddress?: BillingAddress | null };

/** The form's field names of the service address ("serviceAddress.street"), so its errors come back under them. */
export const SERVICE_ADDRESS_FIELDS = ['street', 'unit', 'city', 'region', 'postalCode', 'country'] as const;

/**
 * The step's form as the schema reads it: the service address's fields count only when the answer
 * to "Is the service address the same as the billing address?" is No (without JavaScript they are
 * shown whatever the answer, and ignored with Yes).
 */
export function addressFormInput(values: Record<string, string>): Record<string, unknown> {
  const billing = Object.fromEntries(SERVICE_ADDRESS_FIELDS.map((field) => [field, values[field] ?? '']));
  if (values.serviceSame !== 'no') return { ...billing, serviceAddress: null };
  const service = Object.fromEntries(SERVICE_ADDRESS_FIELDS.map((field) => [field, values[`serviceAddress.${field}`] ?? '']));
  return { ...billing, serviceAddress: service };
}

const NO_ADDRESS: SignedContent['billingAddress'] = { street: '', city: '', region: '', postalCode: '', country: 'US' };

/** The LOA's fields this step fills in (no service address: the same as the billing address). */
export function addressLoaFields(request: Pick<PortRequest, 'billingAddress' | 'serviceAddress'>): Pick<SignedContent, 'billingAddress' | 'serviceAddress'> {
  return { billingAddress: request.billingAddress ?? NO_ADDRESS, serviceAddress: request.serviceAddress ?? undefined };
}

const sameAddress = (a: BillingAddress, b: BillingAddress) =>
  a.street === b.street && (a.unit ?? '') === (b.unit ?? '') && a.city === b.city && a.region === b.region && a.postalCode === b.postalCode && a.country === b.country;

export async function saveAddressStep(db: Database, actor: Actor, requestId: string, input: AddressStepInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'address');
    const { serviceAddress, ...billingAddress } = input;
    // A service address typed the same as the billing address is "the same": one line on the letter.
    const fields = { billingAddress, serviceAddress: serviceAddress && !sameAddress(serviceAddress, billingAddress) ? serviceAddress : null };
    await saveStep(tx, actor, request, {
      step: 'address',
      fields,
      signed: { before: addressLoaFields(request), after: addressLoaFields(fields) },
      at: now,
    });
  });
}
