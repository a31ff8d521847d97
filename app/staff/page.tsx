import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatPhoneNumber } from '@/lib/phone/format';
import { NUMBER_GROUP_LABELS } from '@/lib/porting/estimate';
import { listInternationalInquiries, listQueue, QUEUE_STATUSES, type QueueFilters } from '@/lib/porting/review/list-queue';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import type { PortRequestStatus } from '@/lib/porting/lifecycle/statuses';
import { closeInquiry } from './actions';

export const metadata: Metadata = { title: 'Regulatory console' };

type Search = { status?: string; group?: string; carrier?: string; account?: string; page?: string };

function waited(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  return hours < 24 ? `${hours} h` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const filters: QueueFilters = {
    status: QUEUE_STATUSES.includes(params.status as PortRequestStatus) ? (params.status as PortRequestStatus) : undefined,
    group: ['us_local', 'ca_local', 'toll_free'].includes(params.group ?? '') ? (params.group as QueueFilters['group']) : undefined,
    carrier: params.carrier?.trim() || undefined,
    account: params.account?.trim() || undefined,
    page: Number(params.page) || 1,
  };
  const db = await getDb();
  const { rows, hasMore } = await listQueue(db, actor, filters);
  const inquiries = (await listInternationalInquiries(db, actor)).filter((i) => i.status === 'open');
  const now = new Date();
  return (
    <>
      <h1 className="text-2xl font-semibold">Port request queue</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search">
        <label className="font-medium">Status
          <select name="status" defaultValue={filters.status ?? ''} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">All open</option>
            {QUEUE_STATUSES.map((s) => <option key={s} value={s}>{STATUS_DESCRIPTIONS[s].label}</option>)}
          </select>
        </label>
        <label className="font-medium">Country / type
          <select name="group" defaultValue={filters.group ?? ''} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">All</option>
            <option value="us_local">US local</option>
            <option value="ca_local">Canada</option>
            <option value="toll_free">Toll-free</option>
          </select>
        </label>
        <label className="font-medium">Carrier<input name="carrier" defaultValue={filters.carrier} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5" /></label>
        <label className="font-medium">Account<input name="account" defaultValue={filters.account} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5" /></label>
        <button type="submit" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100">Filter</button>
      </form>
      {rows.length === 0 ? (
        <p className="mt-6 rounded-lg bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">No port requests are waiting for the team.</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full text-sm" data-testid="queue">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">Waiting</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Account</th><th className="px-3 py-2">Customer</th>
                <th className="px-3 py-2">Carrier</th><th className="px-3 py-2">Type</th><th className="px-3 py-2">Numbers</th><th className="px-3 py-2">Port date</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{waited(r.waitingSince, now)}</td>
                  <td className="px-3 py-2">{STATUS_DESCRIPTIONS[r.status].label}</td>
                  <td className="px-3 py-2">{r.accountName}</td>
                  <td className="px-3 py-2"><Link href={`/staff/requests/${r.id}`}>{r.customerName ?? '—'}</Link></td>
                  <td className="px-3 py-2">{r.losingCarrier}</td>
                  <td className="px-3 py-2">{r.numberGroup ? NUMBER_GROUP_LABELS[r.numberGroup] : '—'}</td>
                  <td className="px-3 py-2">{r.numberCount}</td>
                  <td className="px-3 py-2">{r.focDate ? r.focDate.toISOString().slice(0, 16).replace('T', ' ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(filters.page! > 1 || hasMore) && (
        <nav className="mt-3 flex gap-4 text-sm">
          {filters.page! > 1 && <Link href={`/staff?${new URLSearchParams({ ...params, page: String(filters.page! - 1) })}`}>Previous</Link>}
          {hasMore && <Link href={`/staff?${new URLSearchParams({ ...params, page: String(filters.page! + 1) })}`}>Next</Link>}
        </nav>
      )}
      <h2 className="mt-10 text-lg font-semibold">International inquiries</h2>
      {inquiries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No open inquiries.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {inquiries.map((i) => (
            <li key={i.id} className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
              <p className="font-medium"><Link href={`/staff/inquiries/${i.id}`}>{i.accountName} · {i.countries.join(', ')} · {i.numbers.length} numbers</Link> · {i.createdAt.toISOString().slice(0, 10)}</p>
              <p className="font-mono text-xs text-slate-600">{i.numbers.slice(0, 10).map(formatPhoneNumber).join(', ')}</p>
              {i.note && <p className="mt-1 whitespace-pre-wrap">{i.note}</p>}
              <form action={closeInquiry} className="mt-2">
                <input type="hidden" name="inquiryId" value={i.id} />
                <button type="submit" className="text-blue-700 underline">Mark handled</button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
