'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { setFlash } from '@/lib/forms/flash';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { inquiryReplySchema } from '@/lib/porting/international/inquiry-actions-support';
import { replyToInquiry } from '@/lib/porting/international/inquiry-thread';
import { closeInternationalInquiry } from '@/lib/porting/international/close-inquiry';
import { assignRequest } from '@/lib/porting/desk/assign-request';
import { bulkStartReview, type BulkOutcome } from '@/lib/porting/desk/bulk-start-review';
import { backToConsole } from '@/lib/porting/desk/back-to-console';

export async function closeInquiry(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const result = await runService(async () => closeInternationalInquiry(await getDb(), actor, String(formData.get('inquiryId') ?? '')));
  if (!result.ok) await setFlash('error', result.formError ?? 'The inquiry could not be closed.');
  redirect('/staff');
}

export async function replyToInquiryAsTeam(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff();
  const values = formValues(formData);
  const parsed = inquiryReplySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => replyToInquiry(await getDb(), actor, parsed.data.inquiryId, parsed.data.body), values);
  if (!result.ok) return result;
  kickOutbox();
  redirect(`/staff/inquiries/${parsed.data.inquiryId}`);
}

/** "Assign to me" on a queue row or a request page: back where it was clicked, with who holds it now. */
export async function assignToMeAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const back = backToConsole(formData.get('returnTo'));
  const result = await runService(async () => assignRequest(await getDb(), actor, String(formData.get('requestId') ?? ''), actor.userId));
  if (!result.ok) await setFlash('error', result.formError ?? 'The request could not be assigned.', back.split('?')[0]);
  else {
    const taken = result.value.previousName && result.value.changed ? ` (it was with ${result.value.previousName})` : '';
    await setFlash('ok', result.value.changed ? `The request is assigned to you${taken}.` : 'The request was already assigned to you.', back.split('?')[0]);
  }
  redirect(back);
}

export type BulkState = FormState<{ outcome?: BulkOutcome }>;

/** "Start review" for every ticked row; each value is "id:version", the version the queue showed. */
export async function bulkStartReviewAction(_prev: BulkState, formData: FormData): Promise<BulkState> {
  const actor = await requireStaff();
  const picked = formData.getAll('picked').map(String).map((value) => {
    const [requestId, version] = value.split(':');
    return { requestId, version: Number(version) };
  }).filter((p) => p.requestId && Number.isInteger(p.version));
  if (picked.length === 0) return { ok: false, fieldErrors: {}, formError: 'Tick the requests to start review on first.', values: {} };
  const result = await runService(async () => bulkStartReview(await getDb(), actor, picked));
  if (!result.ok) return result;
  kickOutbox();
  // With JavaScript the page is not reloaded: the rows must show their new status beside the outcome.
  revalidatePath('/staff');
  const { started, refused } = result.value;
  const message = [
    started.length ? `Review started on ${started.length}: ${started.map((s) => s.name).join(', ')}.` : 'Review was not started on any of them.',
    refused.length ? `Not started on ${refused.length}: ${refused.map((r) => `${r.name} (${r.reason})`).join('; ')}` : '',
  ].filter(Boolean).join(' ');
  return { ok: true, message, outcome: result.value };
}
