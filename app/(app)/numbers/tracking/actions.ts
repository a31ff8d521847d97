'use server';
import { redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { runService } from '@/lib/forms/run-service';
import { moveTrackingNumber } from '@/lib/tracking/move-tracking-number';

export async function moveTrackingNumberAction(formData: FormData): Promise<void> {
  const { actor } = await requireAccountUser();
  const failure = await runService(
    async () => moveTrackingNumber(await getDb(), actor, String(formData.get('trackingNumberId') ?? ''), String(formData.get('toAccountId') ?? '')),
    {},
  );
  const message = failure && !failure.ok ? failure.formError : undefined;
  redirect(message ? `/numbers/tracking?error=${encodeURIComponent(message)}` : '/numbers/tracking?moved=1');
}
