'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/session';
import type { Database } from '@/db/client';
import { getDb } from '@/lib/db';
import { setFlash } from '@/lib/forms/flash';
import { orNotFound } from '@/lib/forms/or-not-found';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { cancelPortRequest, cancelSchema } from '@/lib/porting/cancel-port-request';
import { activateNow } from '@/lib/porting/carrier/activate-now';
import { focChangeSchema, requestFocChange } from '@/lib/porting/carrier/request-foc-change';
import { retryCarrierOrder } from '@/lib/porting/carrier/retry-carrier-order';
import { submitToCarrier } from '@/lib/porting/carrier/submit-to-carrier';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { assignRequest } from '@/lib/porting/desk/assign-request';
import { addNote, noteSchema } from '@/lib/porting/notes/add-note';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted, markPortedSchema } from '@/lib/porting/review/mark-ported';
import { rejectNumbers, rejectNumbersSchema } from '@/lib/porting/review/reject-numbers';
import { requestChanges, requestChangesSchema } from '@/lib/porting/review/request-changes';
import { revealAccountPin } from '@/lib/porting/review/reveal-pin';
import { schedulePort, scheduleSchema } from '@/lib/porting/review/schedule-port';
import { activateSmsNow, markSmsException } from '@/lib/porting/review/sms-activation';
import { z } from 'zod';
import { zoneName } from '@/lib/format/zoned-time';

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

// The carrier's actions. The door first: the team, and a request that exists (404 otherwise) before
// the form is read; then the service; then back to the request with a flash (a 303 without JavaScript).

async function requireStaffRequest(formData: FormData): Promise<{ actor: Actor; requestId: string }> {
  const actor = await requireStaff();
  const requestId = String(formData.get('requestId') ?? '');
  await orNotFound(findPortRequest(await getDb(), actor, requestId));
  return { actor, requestId };
}

async function carrierStep<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  work: (db: Database, actor: Actor, requestId: string, input: z.infer<S>) => Promise<string>,
): Promise<FormState> {
  const { actor, requestId } = await requireStaffRequest(formData);
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => work(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  kickOutbox();
  const path = `/staff/requests/${requestId}`;
  await setFlash('ok', result.value, path);
  revalidatePath(path);
  redirect(path);
}

// Retry and Activate name only the request: the carrier's order is what they act on, not a version seen.
const nothing = z.object({});

export async function submitToCarrierAction(_prev: FormState, formData: FormData) {
  return carrierStep(formData, versionOnly, async (db, actor, id, input) => {
    await submitToCarrier(db, actor, id, input.version);
    // Placed by a job (retried while the carrier is down): the panel shows how it went.
    return 'Submitted to the carrier. The order is being placed; its answers (the port date, exceptions, the port itself) arrive here on their own.';
  });
}
export async function retryCarrierOrderAction(_prev: FormState, formData: FormData) {
  return carrierStep(formData, nothing, async (db, actor, id) => {
    await retryCarrierOrder(db, actor, id);
    return 'Placing the order with the carrier again now.';
  });
}
export async function requestFocChangeAction(_prev: FormState, formData: FormData) {
  return carrierStep(formData, focChangeSchema, async (db, actor, id, input) => {
    const { bestEffort } = await requestFocChange(db, actor, id, input);
    const asked = `Asked the carrier for ${input.focDate} ${input.focTime} ${zoneName(input.focTimeZone)}; the port date changes when the carrier confirms it.`;
    return bestEffort ? `${asked} It is within 48 hours of the confirmed date, so best effort: the carrier may keep the old date.` : asked;
  });
}
export async function activateNowAction(_prev: FormState, formData: FormData) {
  return carrierStep(formData, nothing, async (db, actor, id) => {
    await activateNow(db, actor, id);
    return 'Activation asked of the carrier; the numbers show as ported once it confirms.';
  });
}

/** The request page's assignment: "Assign to me", reassign to the team member chosen, or unassign. */
export async function assignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const requestId = String(formData.get('requestId') ?? '');
  const values = formValues(formData);
  const intent = values.assign;
  const chosen = values.userId?.trim() || '';
  if (intent === 'chosen' && !chosen) return { ok: false, fieldErrors: { userId: ['Choose the team member to give it to.'] }, formError: 'Choose the team member to give it to.', values };
  const assignee = intent === 'none' ? null : intent === 'chosen' ? chosen : actor.userId;
  const result = await runService(async () => assignRequest(await getDb(), actor, requestId, assignee), values);
  if (!result.ok) return result;
  const path = `/staff/requests/${requestId}`;
  const { assigneeName, previousName, changed } = result.value;
  const was = changed && previousName ? ` (it was with ${previousName})` : '';
  await setFlash('ok', assigneeName ? `Assigned to ${assignee === actor.userId ? 'you' : assigneeName}${was}.` : `Nobody holds the request now${was}.`, path);
  revalidatePath(path);
  redirect(path);
}
