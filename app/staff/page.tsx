import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/session';
import { signOutAction } from '@/app/(app)/actions';

export const metadata: Metadata = { title: 'Regulatory console' };

export default async function StaffConsolePage() {
  const actor = await requireStaff();
  return (
    <>
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
          <span className="font-semibold">Regulatory console</span>
          <span className="ml-auto text-sm text-slate-300">{actor.email}</span>
          <form action={signOutAction}>
            <button type="submit" className="text-sm text-slate-200 hover:text-white">Sign out</button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Port request queue</h1>
        <p className="mt-8 rounded-lg bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          No port requests are waiting for the team.
        </p>
      </main>
    </>
  );
}
