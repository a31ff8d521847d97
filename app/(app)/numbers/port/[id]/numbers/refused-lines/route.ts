import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { refusedLinesCsv } from '@/lib/porting/wizard/numbers/refused-lines-csv';

const refusedLines = z
  .array(
    z.object({
      line: z.union([z.number().int(), z.string().max(300)]),
      numberToPort: z.string().max(1000),
      receivingNumber: z.string().max(1000).optional(),
      trackingSource: z.string().max(1000).optional(),
      accountName: z.string().max(1000).optional(),
      reason: z.string().max(2000),
    }),
  )
  .max(10_000);

// The refused lines come back from the page (they are the user's own input and our reasons), so
// the download needs no server-side copy of the import; the request is still checked.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  // The download belongs to the numbers step of an account's own request.
  if (actor.isStaff) notFound();
  await orNotFound(findPortRequest(await getDb(), actor, id));
  const form = await request.formData();
  let lines;
  try {
    lines = refusedLines.parse(JSON.parse(String(form.get('refused') ?? '[]')));
  } catch {
    return new Response('The list of refused lines could not be read. Run the check again.', { status: 400 });
  }
  return new Response(refusedLinesCsv(lines), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="refused-numbers.csv"',
      'cache-control': 'no-store',
    },
  });
}
