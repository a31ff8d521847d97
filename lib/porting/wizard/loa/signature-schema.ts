// Step 7, Letter of Authorization: the signature box's schema. The step's saves are prepare-signature
// (the box) and sign-loa ("I Agree"); the letter itself is loa-document, built by build-loa-document.
import { z } from 'zod';
import { singleLineText } from '../single-line-text';

/** The authorized person's title at the business ("Office Manager"): on the letter beside the name, and on the carrier order. */
export function signerTitleField() {
  // Left out is blank (prefault: checked as ''), so its message comes with the name's, not a type error.
  return singleLineText().min(1, 'Enter your title at the business, e.g. Office Manager.').max(60, 'Keep the title under 60 characters.').prefault('');
}

/**
 * "Not signed yet" in the words of the page the signer has: the drawing box exists only once
 * JavaScript ran (the form then says so with `canDraw`), so without it, typing is the only way.
 */
export function notSignedMessage(canDraw: boolean): string {
  return canDraw
    ? 'Sign the letter: draw your signature in the box at the bottom, or type your full name under it.'
    : 'Sign the letter: type your full name in the box at the bottom.';
}

/** The signature's fields, on the wizard's step and on the emailed link's page alike. */
export const signatureFields = {
  signatureDataUrl: singleLineText().optional().transform((v) => v || undefined),
  typedName: singleLineText().max(100, 'Keep the name under 100 characters.').optional().transform((v) => v || undefined),
  // Only ever changes a message's wording; the page sends "yes" or nothing, so anything else is forged.
  canDraw: z.enum(['yes'], { message: 'This page is out of date: reload it and sign again.' }).optional(),
};

/** A drawn signature, or a typed full name (first and last). */
export function checkSignature(value: { signatureDataUrl?: string; typedName?: string; canDraw?: 'yes' }, ctx: z.RefinementCtx): void {
  if (value.signatureDataUrl) return;
  if (!value.typedName) {
    ctx.addIssue({ code: 'custom', path: ['typedName'], message: notSignedMessage(value.canDraw === 'yes') });
  } else if (value.typedName.split(/\s+/).length < 2) {
    ctx.addIssue({ code: 'custom', path: ['typedName'], message: 'Type your full name: first and last name.' });
  }
}

/** Step 7: the signer's title, and a drawn signature (signature_pad, JavaScript on) or a typed full name (always available). */
export const loaSignatureSchema = z.object({ ...signatureFields, signerTitle: signerTitleField() }).superRefine(checkSignature);
