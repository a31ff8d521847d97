import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { listRecipients, type Recipient } from '@/lib/porting/notes/recipients';
import { removeRecipientAction } from './actions';
import { AddRecipientForm } from './add-recipient-form';

export const metadata: Metadata = { title: 'Edit Recipient Emails' };

export default async function RecipientsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireAccountUser();
  const recipients: Recipient[] = await orNotFound(listRecipients(await getDb(), actor, id));
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › <Link href={`/numbers/port/${id}`}>Port request</Link> › <Link href={`/numbers/port/${id}/notes`}>Notes</Link> › Recipients
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Edit Recipient Emails</h1>
      <p className="mt-1 text-sm text-slate-600">Everyone here receives every update about this port request by email.</p>
      <ul className="mt-6 max-w-xl divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" data-testid="recipients">
        {recipients.map((r) => (
          <li key={r.userId} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
            <span>
              {r.name ? `${r.name} · ` : ''}
              {r.email}
              {r.isSubmitter && <span className="ml-2 text-xs text-slate-500">entered the request; always receives updates</span>}
            </span>
            {!r.isSubmitter && (
              <form action={removeRecipientAction}>
                <input type="hidden" name="requestId" value={id} />
                <input type="hidden" name="userId" value={r.userId} />
                <button type="submit" className="text-red-700 underline" aria-label={`Remove ${r.email}`}>
                  Remove
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-6 max-w-xl rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <AddRecipientForm requestId={id} />
      </div>
    </>
  );
}
