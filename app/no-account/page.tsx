import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import type { Metadata } from 'next';
import { signOutAction } from '@/app/(app)/actions';

export const metadata: Metadata = { title: 'No account yet' };

export default async function NoAccountPage() {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">No account yet</h1>
      <p className="mt-3 text-slate-600">
        You are signed in as {actor.email}, but no account has added you yet. Ask an admin of your account to invite you.
      </p>
      <form action={signOutAction} className="mt-6">
        <button type="submit" className="underline">Sign out</button>
      </form>
    </main>
  );
}
