import type { Metadata } from 'next';
import { buttonClass } from '@/components/ui/button';
import { requireAccountUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Port Numbers' };

export default async function PortNumbersPage() {
  const { account } = await requireAccountUser();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Port Numbers</h1>
          <p className="mt-1 text-sm text-slate-600">
            Move numbers you own with another carrier into {account.name}. US ports usually take 2-4 weeks, Canadian
            ports up to 6 weeks.
          </p>
        </div>
        <a href="/numbers/port/new" className={buttonClass()}>
          Create Port Request
        </a>
      </div>
      <p className="mt-8 rounded-lg bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
        No port requests in this account yet.
      </p>
    </>
  );
}
