'use server';
import { redirect } from 'next/navigation';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import type { FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { checkProofFile } from '@/lib/porting/proof/detect-proof-type';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { proofSelectionProblems } from '@/lib/porting/proof/proof-limits';

export async function sendProofOfOwnership(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  // An empty file input still posts one nameless, empty file.
  // (With JavaScript, React sends that empty entry named "undefined".)
  const files = formData.getAll('proof').filter((f): f is File => f instanceof File && !(f.size === 0 && (f.name === '' || f.name === 'undefined')));
  const tooMuch = proofSelectionProblems(files);
  if (tooMuch.length) return { ok: false, fieldErrors: { proof: tooMuch }, formError: 'Some files cannot be used as proof.', values: {} };
  const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const refused = uploads.flatMap((u) => {
    const result = checkProofFile({ name: u.name, size: u.bytes.byteLength, bytes: u.bytes });
    return result.ok ? [] : [result.message];
  });
  if (refused.length) return { ok: false, fieldErrors: { proof: refused }, formError: 'Some files cannot be used as proof.', values: {} };

  const result = await runService(async () => submitPortRequest(await getDb(), actor, requestId, uploads));
  if (!result.ok) return result;
  kickOutbox();
  redirect(`/numbers/port?submitted=${result.value.requestIds.join(',')}`);
}
