import { notFound, redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { presignRequestFile } from '@/lib/porting/queries/presign-request-file';

// Downloads go through here: the user is checked, then sent to a presigned URL that expires in minutes.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; kind: string; fileId: string }> }) {
  const { id, kind, fileId } = await params;
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (kind !== 'loa' && kind !== 'proof') notFound();
  redirect(await orNotFound(presignRequestFile(await getDb(), actor, id, { kind, id: fileId })));
}
