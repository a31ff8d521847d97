import Link from 'next/link';
import type { AccountAccess, Actor } from '@/lib/auth/actor';
import { signOutAction, switchAccount } from '@/app/(app)/actions';
import { NumbersMenu } from './numbers-menu';

/** Top navigation: Numbers menu (a <details> so it opens without JavaScript), account switcher, sign out. */
export function AppHeader({ actor, account, path }: { actor: Actor; account: AccountAccess; path: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/numbers/port" className="font-semibold text-slate-900 no-underline">
          Call Tracking
        </Link>
        <nav aria-label="Main">
          <NumbersMenu />
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <form action={switchAccount} className="flex flex-wrap items-center gap-2">
            <label htmlFor="accountId" className="text-slate-600">
              Account
            </label>
            <select id="accountId" name="accountId" defaultValue={account.id} className="max-w-full min-w-0 rounded-md border border-slate-300 px-2 py-1">
              {actor.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.parentAccountId ? `— ${a.name}` : a.name}
                </option>
              ))}
            </select>
            <input type="hidden" name="returnTo" value={path} />
            <button type="submit" className="rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-slate-100">
              Switch
            </button>
          </form>
          <span className="text-slate-600" title={actor.email}>
            {actor.name ?? actor.email}
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
