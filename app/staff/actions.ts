'use server';
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
