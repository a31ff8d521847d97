'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { prepareLoaSignature } from '@/lib/porting/wizard/loa/prepare-signature';
import { signLoa } from '@/lib/porting/wizard/loa/sign-loa';
import { loaSignatureSchema } from '@/lib/porting/wizard/loa/signature-schema';
import { stepPath } from '@/lib/porting/wizard/steps';
import { goToStep } from '@/lib/forms/go-to-step';
import { requestClient } from '@/lib/security/request-client';
import { resendLoaSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/resend';
import { revokeLoaSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/revoke';
import { sendForSignatureSchema } from '@/lib/porting/wizard/loa/signature-request/schema';
import { sendLoaForSignature } from '@/lib/porting/wizard/loa/signature-request/send-for-signature';

export async function saveSignature(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const { signatureDataUrl, ...values } = formValues(formData);
  const parsed = loaSignatureSchema.safeParse({ signatureDataUrl, ...values });
  if (!parsed.success) return invalid(parsed.error, values, 'The letter is not signed yet.');
  const result = await runService(async () => prepareLoaSignature(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  redirect(`${stepPath(requestId, 'loa')}?signed=1`);
}

export async function agreeToLoa(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const client = await requestClient();
  const userAgent = (await headers()).get('user-agent') ?? 'unknown';
  const context = { ipAddress: client.address, forwardedFor: client.forwardedFor, userAgent };
  const result = await runService(async () => signLoa(await getDb(), actor, requestId, context));
  if (!result.ok) return result;
  goToStep(requestId, 'proof');
}

// "Send for signature": the LOA emailed to the authorized person at the business.

export async function sendForSignature(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = sendForSignatureSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'The letter was not sent yet.');
  const result = await runService(async () => sendLoaForSignature(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  redirect(`${stepPath(requestId, 'loa')}?sent=1`);
}

export async function resendSignatureRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const result = await runService(async () => resendLoaSignatureRequest(await getDb(), actor, requestId));
  if (!result.ok) return result;
  redirect(`${stepPath(requestId, 'loa')}?sent=1`);
}

export async function revokeSignatureRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const result = await runService(async () => revokeLoaSignatureRequest(await getDb(), actor, requestId));
  if (!result.ok) return result;
  redirect(`${stepPath(requestId, 'loa')}?cancelled=1`);
}
