'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { setFlash } from '@/lib/forms/flash';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { addRecipient, recipientSchema, removeRecipient } from '@/lib/porting/notes/recipients';

export async function addRecipientAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = recipientSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => addRecipient(await getDb(), actor, requestId, parsed.data.email), values);
  if (!result.ok) return { ...result, fieldErrors: { email: [result.formError ?? ''] } };
  kickOutbox();
  revalidatePath(`/numbers/port/${requestId}/recipients`);
  return { ok: true, message: `${parsed.data.email} will receive every update.` };
}

export async function removeRecipientAction(formData: FormData): Promise<void> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const userId = String(formData.get('userId') ?? '');
  const result = await runService(async () => removeRecipient(await getDb(), actor, requestId, userId));
  if (!result.ok) await setFlash('error', result.formError ?? 'The recipient could not be removed.');
  redirect(`/numbers/port/${requestId}/recipients`);
}
