'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { declineByLink } from '@/lib/porting/wizard/loa/signature-request/decline-by-link';
import { declineByLinkSchema, signByLinkSchema } from '@/lib/porting/wizard/loa/signature-request/schema';
import { signByLink } from '@/lib/porting/wizard/loa/signature-request/sign-by-link';
import { isWellFormedSigningToken } from '@/lib/porting/wizard/loa/signature-request/token';
import { requestClient } from '@/lib/security/request-client';

// The signing page's forms. No session: the link's token (a hidden field) is the only credential,
// checked by the services, which also count each use against the client's address.

async function linkClient() {
  const client = await requestClient();
  const userAgent = (await headers()).get('user-agent') ?? 'unknown';
  return { ipAddress: client.address, forwardedFor: client.forwardedFor, userAgent };
}

function tokenOf(formData: FormData): string {
  const token = String(formData.get('token') ?? '');
  // Only a token's own shape goes into the redirect's path.
  return isWellFormedSigningToken(token) ? token : 'invalid';
}

/**
 * A refusal by the service (the letter changed, the link was replaced or cancelled meanwhile) comes
 * with the page drawn again: the letter and its fingerprint as they are now, or why the link is dead,
 * so the next try is not refused the same way.
 */
function refusedAnew<T>(token: string, failure: T): T {
  revalidatePath(`/sign/${token}`);
  return failure;
}

export async function signLetter(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = tokenOf(formData);
  const { signatureDataUrl, token: _t, ...values } = formValues(formData);
  const input = { signatureDataUrl, typedName: values.typedName, canDraw: values.canDraw, signerTitle: values.signerTitle, agreed: formData.get('agreed') === 'on', letterFingerprint: values.letterFingerprint };
  const parsed = signByLinkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, values, 'The letter is not signed yet.');
  const result = await runService(async () => signByLink(await getDb(), token, parsed.data, await linkClient()), values);
  if (!result.ok) return refusedAnew(token, result);
  redirect(`/sign/${token}`);
}

export async function declineLetter(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = tokenOf(formData);
  const { token: _t, ...values } = formValues(formData);
  const parsed = declineByLinkSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'Tell the sender why you decline.');
  const result = await runService(async () => declineByLink(await getDb(), token, parsed.data, await linkClient()), values);
  if (!result.ok) return refusedAnew(token, result);
  redirect(`/sign/${token}`);
}
