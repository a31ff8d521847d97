import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { readProofForPreview } from '@/lib/porting/review/proof-preview';

// The team's in-place view of a proof file, from our own origin: only images and PDFs (their type
// read from the bytes at upload), never sniffed, never cached. The request page shows an image in
// an <img> (nothing in it can run) and a PDF in the browser's own viewer, framed by our page only.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  const actor = await requireStaff();
  const file = await orNotFound(readProofForPreview(await getDb(), actor, id, fileId));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
