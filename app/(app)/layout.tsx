import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { AppHeader } from '@/components/shell/app-header';
import { MAIN_ID, SkipLink } from '@/components/shell/skip-link';
import { FlashMessage } from '@/components/ui/flash-message';
import { requireAccountUser } from '@/lib/auth/session';

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const { actor, account } = await requireAccountUser();
  const path = (await headers()).get('x-pathname') ?? '/numbers/port';
  return (
    <>
      <SkipLink />
      <AppHeader actor={actor} account={account} path={path} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        <FlashMessage />
        {children}
      </main>
    </>
  );
}
