import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { NoteForm } from '@/components/porting/note-form';
import { NotesThread } from '@/components/porting/notes-thread';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { listNotes } from '@/lib/porting/notes/list-notes';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import { replyToNotes } from './actions';
import { regionTimeZone } from '@/lib/format/region-time-zone';

export const metadata: Metadata = { title: 'Port request notes' };

export default async function NotesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireAccountUser();
  const thread = await orNotFound(listNotes(await getDb(), actor, id));
  if (thread.request.status === 'draft') notFound();
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › <Link href={`/numbers/port/${id}`}>Port request {thread.request.reference} for {thread.request.customerName}</Link> › Notes
      </p>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Notes</h1>
        <Link href={`/numbers/port/${id}/recipients`} className={buttonClass('secondary')}>
          Edit Recipient Emails
        </Link>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Status: {STATUS_DESCRIPTIONS[thread.request.status].label}. Every note from our team is also emailed to the recipients of this request.
      </p>
      <div className="mt-6 max-w-3xl space-y-6">
        <NotesThread notes={thread.notes} timeZone={regionTimeZone(thread.request.billingAddress)} />
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <NoteForm requestId={id} action={replyToNotes} />
        </div>
      </div>
    </>
  );
}
