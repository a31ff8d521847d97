'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { setFlash } from '@/lib/forms/flash';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { cancelPortRequest, cancelSchema } from '@/lib/porting/cancel-port-request';
import { activateNow } from '@/lib/porting/carrier/activate-now';

export async function cancelRequestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = cancelSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => cancelPortRequest(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  kickOutbox();
  redirect(`/numbers/port/${requestId}?cancelled=1`);
}

/** "Activate now" of a fast-port order: the door, the carrier's activation, back to the request with a flash. */
export async function activateNowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const result = await runService(async () => activateNow(await getDb(), actor, requestId), values);
  if (!result.ok) return result;
  kickOutbox();
  const path = `/numbers/port/${requestId}`;
  await setFlash('ok', 'Activation asked of your carrier. Your numbers show as ported here as soon as it confirms, usually within minutes.', path);
  revalidatePath(path);
  redirect(path);
}
