import type { Metadata } from 'next';
import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/sign-in-link-lifetime';
import { getEnv } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Check your email' };
export const dynamic = 'force-dynamic';

export default function CheckEmailPage() {
  const mailbox = getEnv().mail.kind === 'mailbox';
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p className="mt-3 text-slate-700">
        If that address belongs to a user of the platform, a sign-in link is on its way. It works once and
        expires in {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      {mailbox && (
        <p className="mt-3 text-sm text-slate-600">
          Local mode: open the <a href="/dev/mailbox">local mailbox</a> to find the link.
        </p>
      )}
      <p className="mt-6 text-sm">
        <a href="/sign-in">Use a different address</a>
      </p>
    </main>
  );
}
