import type { Metadata } from 'next';
import { LoaLetter } from '@/components/porting/loa-letter';
import { getDb } from '@/lib/db';
import { getSigningPage } from '@/lib/porting/wizard/loa/signature-request/get-signing-page';
import { consumeSigningLinkAttempt, TOO_MANY_ATTEMPTS } from '@/lib/porting/wizard/loa/signature-request/link-rate-limit';
import { requestClient } from '@/lib/security/request-client';
import { DeclineForm } from './decline-form';
import { LinkSignForm } from './sign-form';

// The page an emailed signing link opens: public (no session; outside the signed-in layouts), the
// letter and nothing else of the account. "same-origin": the token in this address is never sent
// as a Referer to another site (the site-wide policy would send the origin; this sends nothing).
export const metadata: Metadata = { title: 'Sign the Letter of Authorization', robots: { index: false, follow: false }, referrer: 'same-origin' };
export const dynamic = 'force-dynamic';

export default async function SignByLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const client = await requestClient();
  if (!(await consumeSigningLinkAttempt(db, client.address))) return <Notice title="Please wait" message={TOO_MANY_ATTEMPTS} />;
  const page = await getSigningPage(db, token);
  if (!page.usable) return <Notice title={page.title} message={page.message} />;
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Letter of Authorization for {page.businessName}</h1>
      <p className="mt-2 text-slate-700">
        {page.sentBy} asks you, {page.signerName} ({page.signerEmail}), to sign this letter for {page.businessName}. Read it,
        then sign at the bottom, or decline. This link works once, until {page.expiresAt.toISOString().slice(0, 10)}.
      </p>
      <div className="mt-6">
        <LoaLetter document={page.document} headingLevel={2} />
      </div>
      <LinkSignForm token={token} letterFingerprint={page.letterFingerprint} signerName={page.signerName} signerTitle={page.signerTitle ?? ''} />
      <DeclineForm token={token} />
    </main>
  );
}

function Notice({ title, message }: { title: string; message: string }) {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold" data-testid="signing-link-state">
        {title}
      </h1>
      <p className="mt-3 text-slate-700">{message}</p>
    </main>
  );
}
