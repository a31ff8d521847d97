import type { Metadata } from 'next';
import Link from 'next/link';
import { NoteForm } from '@/components/porting/note-form';
import { NotesThread } from '@/components/porting/notes-thread';
import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { formatPhoneNumber } from '@/lib/phone/format';
import { getInquiryThread } from '@/lib/porting/international/inquiry-thread';
import { closeInquiry, replyToInquiryAsTeam } from '../../actions';

export const metadata: Metadata = { title: 'International inquiry · Regulatory console' };

export default async function StaffInquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaff();
  const thread = await orNotFound(getInquiryThread(await getDb(), actor, id));
  const { inquiry, messages } = thread;
  return (
    <>
      <p className="text-sm"><Link href="/staff">Queue</Link> › International inquiry</p>
      <h1 className="mt-1 text-2xl font-semibold">{inquiry.countries.join(', ')} · {inquiry.numbers.length} numbers</h1>
      <p className="mt-1 font-mono text-xs">{inquiry.numbers.map(formatPhoneNumber).join(', ')}</p>
      {inquiry.note && <p className="mt-3 text-sm whitespace-pre-wrap">{inquiry.note}</p>}
      <div className="mt-6 max-w-3xl space-y-6">
        <NotesThread notes={messages} />
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <NoteForm requestId={id} idName="inquiryId" action={replyToInquiryAsTeam} />
        </div>
        {inquiry.status === 'open' && (
          <form action={closeInquiry}>
            <input type="hidden" name="inquiryId" value={id} />
            <button type="submit" className="text-blue-700 underline">Mark handled</button>
          </form>
        )}
      </div>
    </>
  );
}
