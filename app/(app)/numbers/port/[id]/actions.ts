'use server';
import { redirect } from 'next/navigation';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { cancelPortRequest, cancelSchema } from '@/lib/porting/cancel-port-request';

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
