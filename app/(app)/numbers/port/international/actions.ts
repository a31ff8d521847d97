'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { requireInquiryForAction } from '@/lib/forms/require-request';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { inquiryReplySchema } from '@/lib/porting/international/inquiry-actions-support';
import { replyToInquiry } from '@/lib/porting/international/inquiry-thread';
import { internationalInquirySchema, readInquiryNumbers, submitInternationalInquiry } from '@/lib/porting/international/submit-international-inquiry';

export async function submitTicket(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, account } = await requireAccountUser();
  const values = formValues(formData);
  const parsed = internationalInquirySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const lines = readInquiryNumbers(parsed.data.numbers);
  const problems = lines.filter((l) => l.problem);
  if (problems.length || lines.length === 0) {
    return {
      ok: false,
      fieldErrors: { numbers: problems.length ? problems.map((p) => `${p.input}: ${p.problem}`) : ['List at least one number.'] },
      formError: 'Some lines need a correction.',
      values,
    };
  }
  const result = await runService(async () => submitInternationalInquiry(await getDb(), actor, account.id, lines, parsed.data.note), values);
  if (!result.ok) return result;
  kickOutbox();
  redirect('/numbers/port/international?sent=1');
}

export async function replyToInquiryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, inquiryId } = await requireInquiryForAction(formData);
  const values = formValues(formData);
  const parsed = inquiryReplySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => replyToInquiry(await getDb(), actor, inquiryId, parsed.data.body), values);
  if (!result.ok) return result;
  revalidatePath(`/numbers/port/international/${inquiryId}`);
  return { ok: true, message: 'Your message was added.' };
}
