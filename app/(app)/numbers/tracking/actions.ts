'use server';
import { redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { setFlash } from '@/lib/forms/flash';
import { runService } from '@/lib/forms/run-service';
import { moveTrackingNumber } from '@/lib/tracking/move-tracking-number';

export async function moveTrackingNumberAction(formData: FormData): Promise<void> {
  const { actor } = await requireAccountUser();
  const result = await runService(async () =>
    moveTrackingNumber(await getDb(), actor, String(formData.get('trackingNumberId') ?? ''), String(formData.get('toAccountId') ?? '')),
  );
  await setFlash(result.ok ? 'ok' : 'error', result.ok ? 'The number was moved.' : (result.formError ?? 'The number could not be moved.'));
  redirect('/numbers/tracking');
}
