import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(app)/actions';
import { MAIN_ID, SkipLink } from '@/components/shell/skip-link';
import { FlashMessage } from '@/components/ui/flash-message';
import { requireStaff } from '@/lib/auth/session';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 text-sm">
          <span className="font-semibold">Regulatory console</span>
          <nav aria-label="Console">
            <Link href="/staff" className="text-slate-200 hover:text-white">Queue</Link>
          </nav>
          <span className="ml-auto min-w-0 text-slate-300 [overflow-wrap:anywhere]">{actor.email}</span>
          <form action={signOutAction}>
            <button type="submit" className="text-slate-200 hover:text-white">Sign out</button>
          </form>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 focus:outline-none">
        <FlashMessage />
        {children}
      </main>
    </>
  );
}
