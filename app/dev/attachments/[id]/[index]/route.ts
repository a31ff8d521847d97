import { getDb } from '@/lib/db';
import { findMailboxAttachment } from '@/lib/mail/mailbox';
import { mayUseLocalTool } from '@/lib/security/local-tools';

/** An attachment of a message in the local mailbox (/dev/mailbox: the port date's .ics), downloaded to open it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const notFound = () => new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!(await mayUseLocalTool('mailbox'))) return notFound();
  const { id, index } = await params;
  const attachment = await findMailboxAttachment(await getDb(), id, /^\d{1,3}$/.test(index) ? Number(index) : -1);
  if (!attachment) return notFound();
  // The name is the app's own (port-date.ics); kept to a plain file name anyway.
  const filename = attachment.filename.replace(/[^\w.-]/g, '_');
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
