import { z } from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { singleLineText } from './single-line-text';

// Step 4's schema, with no server-only imports: the action checks what is posted with it, and the
// page's form checks the other fields with it in the browser before posting, so a mistake elsewhere
// never costs the user the PIN they typed.

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
