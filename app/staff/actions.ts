'use server';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { setFlash } from '@/lib/forms/flash';
import { runService } from '@/lib/forms/run-service';
import { closeInternationalInquiry } from '@/lib/porting/international/close-inquiry';

export async function closeInquiry(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const failure = await runService(async () => closeInternationalInquiry(await getDb(), actor, String(formData.get('inquiryId') ?? '')), {});
  if (failure && !failure.ok) await setFlash('error', failure.formError ?? 'The inquiry could not be closed.');
  redirect('/staff');
}
