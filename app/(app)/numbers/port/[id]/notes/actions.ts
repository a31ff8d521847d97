'use server';
import { revalidatePath } from 'next/cache';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { addNote, noteSchema } from '@/lib/porting/notes/add-note';

export async function replyToNotes(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = noteSchema.safeParse({ body: values.body, visibility: 'public' });
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => addNote(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  kickOutbox();
  revalidatePath(`/numbers/port/${requestId}/notes`);
  return { ok: true, message: 'Your note was added.' };
}
