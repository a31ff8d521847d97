import type { Metadata } from 'next';
import { isSignInLinkUsable } from '@/lib/auth/check-sign-in-link';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { getActor } from '@/lib/auth/session';
import { signInLinkSchema, SIGN_IN_LINK_MINUTES } from '@/lib/auth/sign-in';
import { getDb } from '@/lib/db';
import { SubmitButton } from '@/components/ui/submit-button';
import { confirmSignIn } from './actions';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Params = { email?: string | string[]; token?: string | string[]; callbackUrl?: string | string[]; failed?: string | string[] };

// (No Referrer-Policy no-referrer here: browsers then send "Origin: null" and the post is refused
// as cross-site. The site-wide policy sends only the origin to other sites.)
// Opening a sign-in link only shows this page: the session starts when its button posts. So a link
// opened by someone else's trick cannot replace your session unseen, and a mail scanner that fetches
// links does not spend the token.
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const parsed = signInLinkSchema.safeParse(params);
  const usable = parsed.success && (await isSignInLinkUsable(await getDb(), parsed.data));
  if (!parsed.success || !usable) {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <h1 className="text-2xl font-semibold">This sign-in link no longer works</h1>
        <p className="mt-3 text-slate-700">Each link works once and expires {SIGN_IN_LINK_MINUTES} minutes after we send it.</p>
        <p className="mt-6">
          <a href="/sign-in">Ask for a new sign-in link</a>
        </p>
      </main>
    );
  }
  const link = parsed.data;
  const actor = await getActor();
  const callbackPath = safeCallbackPath(link.callbackUrl);
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Sign in to Port Numbers</h1>
      <p className="mt-3 text-slate-700">
        You are about to sign in as <strong data-testid="sign-in-as">{link.email}</strong>.
      </p>
      {params.failed && (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm">
          We could not sign you in just now. Your link still works: select Sign in again in a minute.
        </p>
      )}
      {actor && actor.email.toLowerCase() !== link.email && (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          This browser is signed in as {actor.email}. Signing in as {link.email} ends that session here. If you did not ask for
          this link, close this page.
        </p>
      )}
      <form action={confirmSignIn} className="mt-6">
        <input type="hidden" name="email" value={link.email} />
        <input type="hidden" name="token" value={link.token} />
        {callbackPath !== '/' && <input type="hidden" name="callbackUrl" value={callbackPath} />}
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      </form>
      <p className="mt-6 text-sm text-slate-600">Did not ask to sign in? Close this page; nothing happens until you select Sign in.</p>
    </main>
  );
}
