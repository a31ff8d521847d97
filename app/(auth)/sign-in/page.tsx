import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DEMO_USERS } from '@/db/seed';
import { getEnv } from '@/lib/config/env';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/sign-in-link-lifetime';
import { getActor } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[]; email?: string | string[]; callbackUrl?: string | string[] }> }) {
  const actor = await getActor();
  if (actor) redirect(actor.isStaff ? '/staff' : '/numbers/port');
  const params = await searchParams;
  const error = params.error;
  const email = typeof params.email === 'string' ? params.email : undefined;
  // Only a path on this site survives; anything else signs in to the home page.
  const callbackPath = safeCallbackPath(params.callbackUrl);
  const env = getEnv();
  const showDemo = env.mail.kind === 'mailbox';
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600">We will email you a link that signs you in. No password needed.</p>
      {error && (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          That sign-in link did not work: links work once and expire after {SIGN_IN_LINK_MINUTES} minutes. Ask for a new one below.
        </p>
      )}
      <div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <SignInForm email={email} callbackUrl={callbackPath === '/' ? undefined : callbackPath} />
      </div>
      {showDemo && (
        <section className="mt-8 rounded-lg border border-dashed border-slate-300 p-4 text-sm">
          <h2 className="font-medium">Demo users (local mode)</h2>
          <p className="mt-1 text-slate-600">
            Emails go to the <a href="/dev/mailbox">local mailbox</a>, where the sign-in link waits.
          </p>
          <ul className="mt-2 space-y-1">
            {DEMO_USERS.map((u) => (
              <li key={u.email}>
                <a href={`/sign-in?email=${encodeURIComponent(u.email)}`}>{u.email}</a>{' '}
                <span className="text-slate-500">— {u.name}, {u.note}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
