// "Send for signature": the forms' and the API's schemas (the wizard's LOA step, the signing page,
// POST /api/v1/port-requests/{id}/loa/signature-request). Services check their input with them again.
import { z } from 'zod';
import { singleLineText } from '../../single-line-text';
import { checkSignature, signatureFields, signerTitleField } from '../signature-schema';

/** Who signs for the business: not necessarily a user of the platform. */
export const sendForSignatureSchema = z.object({
  signerName: singleLineText()
    .min(1, 'Enter the name of the person who signs for the business.')
    .max(100, 'Keep the name under 100 characters.'),
  signerEmail: singleLineText()
    .toLowerCase()
    .min(1, 'Enter the email address of the person who signs.')
    .max(254, 'That address is too long.')
    .pipe(z.email('Enter an email address like name@company.com.')),
  /** What the signing page suggests; the signer gives (or corrects) it when signing. */
  signerTitle: singleLineText()
    .max(60, 'Keep the title under 60 characters.')
    .optional()
    .transform((v) => v || undefined)
    .meta({ description: "The signer's title at the business (e.g. Office Manager), if known: the signing page shows it, and the signer confirms or corrects it." }),
});
export type SendForSignatureInput = z.input<typeof sendForSignatureSchema>;

const SIGN_AS_SHOWN = 'Open your link again and sign the letter as the page shows it.';

/** The signing page's Sign form: a drawn signature (JavaScript) or a typed full name, and the consent. */
export const signByLinkSchema = z
  .object({
    ...signatureFields,
    signerTitle: signerTitleField(),
    agreed: z.literal(true, { error: 'Select "I agree" to sign the letter electronically.' }),
    /**
     * The letter as the signer saw it (getSigningPage's letterFingerprint): required, so nobody signs
     * a letter the page never showed; refused if the letter changed since.
     */
    letterFingerprint: z.string({ error: SIGN_AS_SHOWN }).regex(/^[0-9a-f]{64}$/, SIGN_AS_SHOWN),
  })
  .superRefine(checkSignature);
export type SignByLinkInput = z.input<typeof signByLinkSchema>;

export const declineByLinkSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Tell the sender why you decline to sign, so they can correct the letter or ask someone else.')
    .max(1000, 'Keep the reason under 1,000 characters.'),
});
export type DeclineByLinkInput = z.input<typeof declineByLinkSchema>;
