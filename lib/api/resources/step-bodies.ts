import 'server-only';
import { z } from 'zod';
import { addressStepSchema } from '@/lib/porting/wizard/address';
import { AGREEMENT_STATEMENTS, agreementStepSchema } from '@/lib/porting/wizard/agreement';
import { carrierStepSchema } from '@/lib/porting/wizard/carrier';
import { customerStepSchema, type CustomerStepInput } from '@/lib/porting/wizard/customer-schema';
import { formSpellings, perRequestSchema } from './per-request-schema';

// The request bodies of the wizard's steps: each step's own schema (lib/porting/wizard/<step>.ts),
// so the API accepts and refuses exactly what the form does, with the same messages and field names.

const customerSpellings = (v: unknown) => formSpellings(v, { texts: ['customerName', 'carrierAccountNumber', 'accountPin'], yesNo: ['btnIsPorting'] });
const carrierSpellings = (v: unknown) => formSpellings(v, { texts: ['losingCarrier'] });
const addressTexts = ['street', 'city', 'region', 'postalCode'];
const addressSpellings = (v: unknown) => {
  const body = formSpellings(v, { texts: addressTexts });
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { serviceAddress } = body as { serviceAddress?: unknown };
  // The service address, when given, is spelled as the billing address is.
  return serviceAddress === undefined || serviceAddress === null ? body : { ...body, serviceAddress: formSpellings(serviceAddress, { texts: addressTexts }) };
};
const agreementSpellings = (v: unknown) => formSpellings(v, { checkboxes: AGREEMENT_STATEMENTS.map((s) => s.key) });

export const carrierBody = perRequestSchema(
  carrierStepSchema(),
  {
    id: 'CarrierStep',
    description: `Step 2, Current carrier. requestedPortDate (optional, YYYY-MM-DD) must be a business day 7 to 30 days from today.`,
    // No date in the example: any fixed date leaves the 7-30 day window.
    example: { losingCarrier: 'Verizon Business' },
  },
  () => carrierStepSchema(),
  carrierSpellings,
);

/** The customer step as a client may send it: the PIN may be left out when one is on file (the service decides, as on the form). */
export const customerBody = perRequestSchema(
  customerStepSchema({ pinOnFile: true }),
  {
    id: 'CustomerStep',
    description:
      'Step 4, Customer Name and PIN. accountPin may be left out when one is already on file (it is never returned: see accountPinOnFile). For a partial port, billingTelephoneNumber and btnIsPorting ("yes"/"no", or a boolean) are required.',
    example: { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: '1234', portType: 'full' },
  },
  () => customerStepSchema({ pinOnFile: true }),
  customerSpellings,
);

export const addressBody = perRequestSchema(
  addressStepSchema,
  {
    id: 'BillingAddressStep',
    description:
      'Step 5, Billing Address, exactly as on the phone bill. region is the state or province code (MD, ON). serviceAddress: where the lines are installed, when not at the billing address (same fields and rules, and never a PO box); leave it out, or null, when it is the same.',
    example: {
      street: 'PO Box 4410',
      city: 'Baltimore',
      region: 'MD',
      postalCode: '21202',
      country: 'US',
      serviceAddress: { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' },
    },
  },
  () => addressStepSchema,
  addressSpellings,
);

export const agreementBody = perRequestSchema(
  agreementStepSchema,
  {
    id: 'AgreementStep',
    description: `Step 6, Agreement: every statement confirmed, as true (or "on", as the form posts it). ${AGREEMENT_STATEMENTS.map((s) => `${s.key}: ${s.text}`).join(' ')}`,
    example: { authority: true, activeService: true, matchesBill: true, smsDelay: true },
  },
  () => agreementStepSchema,
  agreementSpellings,
);

function createSchema(pinSchema: ReturnType<typeof customerStepSchema>) {
  return z.object({
    accountId: z.uuid().optional().meta({ description: "The account the draft is made in (the key's own, or one of its sub-accounts). Default: the key's account." }),
    carrier: carrierStepSchema().optional(),
    customer: pinSchema.optional(),
    address: addressStepSchema.optional(),
  });
}

/** POST /port-requests: a draft, and any of the first steps' fields, checked before anything is made. On a new draft the PIN is required with the customer step. */
export const createDraftBody = perRequestSchema(
  createSchema(customerStepSchema({ pinOnFile: false })),
  {
    id: 'CreatePortRequest',
    description: 'A new draft. Give any of carrier, customer and address to fill those steps at once; they are checked first, and nothing is made if one is refused.',
    example: { carrier: { losingCarrier: 'Verizon Business' }, address: { street: '100 Light St', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' } },
  },
  () => createSchema(customerStepSchema({ pinOnFile: false })),
  (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const body = { ...(v as Record<string, unknown>) };
    if (body.carrier !== undefined) body.carrier = carrierSpellings(body.carrier);
    if (body.customer !== undefined) body.customer = customerSpellings(body.customer);
    if (body.address !== undefined) body.address = addressSpellings(body.address);
    return body;
  },
);

/** The customer step's checked values as its form posts them, for saveCustomerForm (which checks them again, knowing whether a PIN is on file). */
export function customerFormValues(input: CustomerStepInput): Record<string, string> {
  return {
    customerName: input.customerName,
    carrierAccountNumber: input.carrierAccountNumber,
    accountPin: input.accountPin ?? '',
    portType: input.portType,
    billingTelephoneNumber: input.billingTelephoneNumber ?? '',
    btnIsPorting: input.btnIsPorting === undefined ? '' : input.btnIsPorting ? 'yes' : 'no',
  };
}
