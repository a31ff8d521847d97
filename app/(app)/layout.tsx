import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { AppHeader } from '@/components/shell/app-header';
import { FlashMessage } from '@/components/ui/flash-message';
import { requireAccountUser } from '@/lib/auth/session';

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const { actor, account } = await requireAccountUser();
  const path = (await headers()).get('x-pathname') ?? '/numbers/port';
  return (
    <>
      <AppHeader actor={actor} account={account} path={path} />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <FlashMessage />
        {children}
      </main>
    </>
  );
}
