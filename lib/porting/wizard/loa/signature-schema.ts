// Step 7, Letter of Authorization: the signature box's schema. The step's saves are prepare-signature
// (the box) and sign-loa ("I Agree"); the letter itself is loa-document, built by build-loa-document.
import { z } from 'zod';
import { singleLineText } from '../single-line-text';

/** The authorized person's title at the business ("Office Manager"): on the letter beside the name, and on the carrier order. */
export function signerTitleField() {
  // Left out is blank (prefault: checked as ''), so its message comes with the name's, not a type error.
  return singleLineText().min(1, 'Enter your title at the business, e.g. Office Manager.').max(60, 'Keep the title under 60 characters.').prefault('');
}

/** Step 7: the signer's title, and a drawn signature (signature_pad, JavaScript on) or a typed full name (always available). */
export const loaSignatureSchema = z
  .object({
    signatureDataUrl: singleLineText().optional().transform((v) => v || undefined),
    typedName: singleLineText().max(100, 'Keep the name under 100 characters.').optional().transform((v) => v || undefined),
    signerTitle: signerTitleField(),
  })
  .superRefine((value, ctx) => {
    if (value.signatureDataUrl) return;
    if (!value.typedName) {
      ctx.addIssue({ code: 'custom', path: ['typedName'], message: 'Sign the letter at the bottom: type your full name (or draw your signature, where the page offers it).' });
    } else if (value.typedName.split(/\s+/).length < 2) {
      ctx.addIssue({ code: 'custom', path: ['typedName'], message: 'Type your full name: first and last name.' });
    }
  });
