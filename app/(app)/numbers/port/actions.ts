'use server';
import { redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { discardDraft } from '@/lib/porting/wizard/discard-draft';
import { keepDraft } from '@/lib/porting/drafts/keep-draft';
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

export async function keepPortRequestDraft(formData: FormData): Promise<void> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const result = await runService(async () => keepDraft(await getDb(), actor, requestId));
  await setFlash(result.ok ? 'ok' : 'error', result.ok ? 'The draft is kept. It stays for another 30 days from now, and longer each time it is changed.' : (result.formError ?? 'The draft could not be kept.'));
  redirect(`/numbers/port/${requestId}`);
}
