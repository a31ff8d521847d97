import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { mayUseLocalTool } from '@/lib/security/local-tools';
import { getDb } from '@/lib/db';
import { linksIn, listMailbox } from '@/lib/mail/mailbox';

export const metadata: Metadata = { title: 'Local mailbox' };
export const dynamic = 'force-dynamic';

export default async function MailboxPage() {
  // Sign-in links are shown here: only the local mailbox transport, only to this machine.
  if (!(await mayUseLocalTool('mailbox'))) notFound();
  const messages = await listMailbox(await getDb());
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Local mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Every email the app sends while no mail service is configured. Newest first. <a href="/dev/mailbox">Refresh</a>
      </p>
      {messages.length === 0 && <p className="mt-8 text-slate-600">No messages yet.</p>}
      <ol className="mt-6 space-y-4">
        {messages.map((m) => (
          <li key={m.outboxId} className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="mailbox-message">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-medium">{m.subject}</h2>
              <time className="text-xs text-slate-500" dateTime={m.deliveredAt.toISOString()}>
                {m.deliveredAt.toISOString().replace('T', ' ').slice(0, 19)} UTC
              </time>
            </div>
            <p className="text-sm text-slate-600">
              To: <span data-testid="mailbox-to">{m.toAddresses.join(', ')}</span> · From: {m.fromAddress}
            </p>
            <ul className="mt-2 text-sm">
              {linksIn(m.html).map((l) => (
                <li key={l.href}>
                  <a href={l.href}>{l.text}</a>
                </li>
              ))}
            </ul>
            {m.attachments.length > 0 && (
              <p className="mt-2 text-sm text-slate-600">
                Attachments:{' '}
                {m.attachments.map((a, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    <a href={`/dev/attachments/${m.outboxId}/${i}`} download={a.filename}>{a.filename}</a>
                  </span>
                ))}
              </p>
            )}
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-slate-700">Show the email</summary>
              <iframe title={m.subject} srcDoc={m.html} sandbox="" className="mt-2 h-96 w-full rounded border border-slate-200" />
              <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">{m.text}</pre>
            </details>
          </li>
        ))}
      </ol>
    </main>
  );
}
