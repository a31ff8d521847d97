import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAccountUser } from '@/lib/auth/session';
import { TicketForm } from './ticket-form';
import { getDb } from '@/lib/db';
import { listInquiriesForActor } from '@/lib/porting/international/inquiry-thread';

async function InquiryList() {
  const { actor } = await requireAccountUser();
  const inquiries = await listInquiriesForActor(await getDb(), actor);
  if (inquiries.length === 0) return null;
  return (
    <ul className="mt-6 max-w-2xl space-y-1 text-sm">
      {inquiries.map((i) => (
        <li key={i.id}>
          <Link href={`/numbers/port/international/${i.id}`}>
            {i.createdAt.toISOString().slice(0, 10)} · {i.countries.join(', ')} · {i.numbers.length} number(s)
          </Link>{' '}
          · {i.accountName} · {i.status === 'open' ? 'open' : 'handled'}
        </li>
      ))}
    </ul>
  );
}

export const metadata: Metadata = { title: 'International port inquiry' };

export default async function InternationalInquiryPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const { actor, account } = await requireAccountUser();
  const { sent } = await searchParams;
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › International port inquiry
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Port numbers from outside the US and Canada</h1>
      <p className="mt-2 max-w-2xl text-sm text-slate-600">
        Porting from other countries is possible where the local rules allow it, with paperwork that differs by country.
        Tell us which numbers; our Carrier Regulations and Regulatory team will contact you at {actor.email}. The numbers
        will be ported into {account.name}.
      </p>
      <InquiryList />
      {sent ? (
        <p role="status" className="mt-6 rounded-md border border-green-300 bg-green-50 p-4 text-green-900">
          Your ticket is with the regulatory team. We sent a confirmation to {actor.email}.
        </p>
      ) : (
        <div className="mt-6 max-w-2xl rounded-lg bg-white p-6 ring-1 ring-slate-200">
          <TicketForm />
        </div>
      )}
    </>
  );
}
