'use server';
import { redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { discardDraft } from '@/lib/porting/wizard/discard-draft';
import { setFlash } from '@/lib/forms/flash';
import { runService } from '@/lib/forms/run-service';
import { stepPath } from '@/lib/porting/wizard/steps';

export async function createPortRequest(): Promise<void> {
  const { actor, account } = await requireAccountUser();
  const id = await createPortRequestDraft(await getDb(), actor, account.id);
  redirect(stepPath(id, 'carrier'));
}

export async function discardPortRequest(formData: FormData): Promise<void> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const result = await runService(async () => discardDraft(await getDb(), actor, requestId));
  await setFlash(result.ok ? 'ok' : 'error', result.ok ? 'The draft was discarded.' : (result.formError ?? 'The draft could not be discarded.'));
  redirect('/numbers/port');
}
