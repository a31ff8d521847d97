import type { Metadata } from 'next';
import Link from 'next/link';
import { NoteForm } from '@/components/porting/note-form';
import { NotesThread } from '@/components/porting/notes-thread';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { formatPhoneNumber } from '@/lib/phone/format';
import { getInquiryThread } from '@/lib/porting/international/inquiry-thread';
import { replyToInquiryAction } from '../actions';

export const metadata: Metadata = { title: 'International port inquiry' };

export default async function InquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireAccountUser();
  const thread = await orNotFound(getInquiryThread(await getDb(), actor, id));
  const { inquiry, messages } = thread;
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › <Link href="/numbers/port/international">International port inquiries</Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Inquiry: {inquiry.countries.join(', ')}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {inquiry.status === 'open' ? 'Open' : 'Handled'} · sent {inquiry.createdAt.toISOString().slice(0, 10)} · {inquiry.numbers.map(formatPhoneNumber).join(', ')}
      </p>
      {inquiry.note && <p className="mt-3 max-w-3xl text-sm whitespace-pre-wrap">{inquiry.note}</p>}
      <div className="mt-6 max-w-3xl space-y-6">
        <NotesThread notes={messages} />
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <NoteForm requestId={id} idName="inquiryId" action={replyToInquiryAction} />
        </div>
      </div>
    </>
  );
}
