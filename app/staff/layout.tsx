import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(app)/actions';
import { FlashMessage } from '@/components/ui/flash-message';
import { requireStaff } from '@/lib/auth/session';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  return (
    <>
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 text-sm">
          <span className="font-semibold">Regulatory console</span>
          <Link href="/staff" className="text-slate-200 hover:text-white">Queue</Link>
          <span className="ml-auto text-slate-300">{actor.email}</span>
          <form action={signOutAction}>
            <button type="submit" className="text-slate-200 hover:text-white">Sign out</button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8">
        <FlashMessage />
        {children}
      </main>
    </>
  );
}
