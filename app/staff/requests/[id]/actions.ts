'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/session';
import type { Database } from '@/db/client';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { cancelPortRequest, cancelSchema } from '@/lib/porting/cancel-port-request';
import { addNote, noteSchema } from '@/lib/porting/notes/add-note';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted, markPortedSchema } from '@/lib/porting/review/mark-ported';
import { rejectNumbers, rejectNumbersSchema } from '@/lib/porting/review/reject-numbers';
import { requestChanges, requestChangesSchema } from '@/lib/porting/review/request-changes';
import { revealAccountPin } from '@/lib/porting/review/reveal-pin';
import { schedulePort, scheduleSchema } from '@/lib/porting/review/schedule-port';
import { activateSmsNow, markSmsException } from '@/lib/porting/review/sms-activation';
import type { z } from 'zod';

/** Every decision: the staff check, the schema, the service, then back to the request. */
async function decide<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  work: (db: Database, actor: Actor, requestId: string, input: z.infer<S>) => Promise<unknown>,
): Promise<FormState> {
  const actor = await requireStaff();
  const requestId = String(formData.get('requestId') ?? '');
  const values = formValues(formData);
  const input = {
    ...values,
    reasons: formData.getAll('reasons').map(String),
    numberIds: formData.getAll('numberIds').map(String),
  };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => work(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  kickOutbox();
  redirect(`/staff/requests/${requestId}`);
}

const versionOnly = cancelSchema.pick({ version: true });

export async function startReviewAction(_prev: FormState, formData: FormData) {
  return decide(formData, versionOnly, (db, actor, id, input) => startReview(db, actor, id, input.version));
}
export async function approveAction(_prev: FormState, formData: FormData) {
  return decide(formData, versionOnly, (db, actor, id, input) => approveRequest(db, actor, id, input.version));
}
export async function requestChangesAction(_prev: FormState, formData: FormData) {
  return decide(formData, requestChangesSchema, (db, actor, id, input) => requestChanges(db, actor, id, input));
}
export async function rejectNumbersAction(_prev: FormState, formData: FormData) {
  return decide(formData, rejectNumbersSchema, (db, actor, id, input) => rejectNumbers(db, actor, id, input));
}
export async function scheduleAction(_prev: FormState, formData: FormData) {
  return decide(formData, scheduleSchema, (db, actor, id, input) => schedulePort(db, actor, id, input));
}
export async function markPortedAction(_prev: FormState, formData: FormData) {
  return decide(formData, markPortedSchema, (db, actor, id, input) => markPorted(db, actor, id, input));
}
export async function cancelAction(_prev: FormState, formData: FormData) {
  return decide(formData, cancelSchema, (db, actor, id, input) => cancelPortRequest(db, actor, id, input));
}
export async function activateSmsAction(_prev: FormState, formData: FormData) {
  return decide(formData, versionOnly, (db, actor, id, input) => activateSmsNow(db, actor, id, new Date(), input.version));
}
export async function smsExceptionAction(_prev: FormState, formData: FormData) {
  return decide(formData, cancelSchema, (db, actor, id, input) => markSmsException(db, actor, id, input.reason ?? 'SMS activation failed', new Date(), input.version));
}

export async function staffNoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const requestId = String(formData.get('requestId') ?? '');
  const values = formValues(formData);
  const parsed = noteSchema.safeParse({ body: values.body, visibility: values.visibility === 'internal' ? 'internal' : 'public' });
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => addNote(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  kickOutbox();
  // A state, not a redirect to "#notes": with JavaScript, a redirect to the same page plus a hash
  // only scrolls, and the new note would not show until a reload.
  revalidatePath(`/staff/requests/${requestId}`);
  return { ok: true, message: 'Your note was added.' };
}

/** The PIN comes back in this form's state only, once per click; each reveal is recorded. */
export async function revealPinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const requestId = String(formData.get('requestId') ?? '');
  const result = await runService(async () => revealAccountPin(await getDb(), actor, requestId));
  if (!result.ok) return result;
  return { ok: true, message: result.value };
}
