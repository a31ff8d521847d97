import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkStartReview } from '@/components/staff/bulk-start-review';
import { QueueTable, type QueueTableRow } from '@/components/staff/queue-table';
import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatPhoneNumber } from '@/lib/phone/format';
import { NUMBER_GROUP_LABELS } from '@/lib/porting/estimate';
import { CONSOLE_STATUSES, parseQueueFilters, queueQueryString, type QueueParams } from '@/lib/porting/desk/queue-filters';
import { DESK_TARGETS, missedTarget, targetCutoffs } from '@/lib/porting/desk/targets';
import { listInternationalInquiries, listQueue, QUEUE_STATUSES, type QueueRow } from '@/lib/porting/review/list-queue';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import { assignToMeAction, bulkStartReviewAction, closeInquiry } from './actions';

export const metadata: Metadata = { title: 'Regulatory console' };

const BULK_FORM = 'bulk-review';
const ASSIGN_FORM = 'assign-to-me';

function inStatusFor(since: Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  return hours < 24 ? `${hours} h` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A queue row worded for the table: what the browser receives for it, and nothing more. */
function tableRow(r: QueueRow, now: Date, cutoffs: ReturnType<typeof targetCutoffs>, viewerId: string): QueueTableRow {
  const missed = missedTarget(r, cutoffs);
  const mine = r.assignedToUserId === viewerId;
  return {
    id: r.id,
    version: r.version,
    name: r.customerName ?? 'Unnamed request',
    reference: r.reference,
    inStatus: inStatusFor(r.statusChangedAt, now),
    pastTarget: missed && `Waiting for ${missed.waitingFor} longer than ${missed.businessDays} business day${missed.businessDays > 1 ? 's' : ''}`,
    status: STATUS_DESCRIPTIONS[r.status].label,
    accountName: r.accountName,
    losingCarrier: r.losingCarrier ?? '',
    numberGroup: r.numberGroup ? NUMBER_GROUP_LABELS[r.numberGroup] : '—',
    numberCount: r.numberCount,
    portDate: r.focDate ? r.focDate.toISOString().slice(0, 16).replace('T', ' ') : '—',
    assignee: mine ? 'You' : (r.assigneeName ?? '—'),
    canAssign: !mine,
  };
}

const field = 'mt-1 block rounded-md border border-slate-300 px-2 py-1.5';

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<QueueParams> }) {
  const actor = await requireStaff();
  const filters = parseQueueFilters(await searchParams);
  const db = await getDb();
  const now = new Date();
  const { rows, hasMore, total, totalIsMore } = await listQueue(db, actor, filters, now);
  const inquiries = (await listInternationalInquiries(db, actor)).filter((i) => i.status === 'open');
  const cutoffs = targetCutoffs(now);
  const page = filters.page ?? 1;
  const here = `/staff${queueQueryString(filters) ? `?${queueQueryString(filters)}` : ''}`;
  const closedStatuses = CONSOLE_STATUSES.filter((st) => !QUEUE_STATUSES.includes(st));
  return (
    <>
      <h1 className="text-2xl font-semibold">Port request queue</h1>
      <form method="get" action="/staff" className="mt-4 space-y-3 text-sm" role="search">
        <label className="block font-medium">Search
          <input
            name="q"
            type="search"
            defaultValue={filters.search?.text}
            placeholder="A number in any format, a customer or account name, a carrier, a request or carrier order id"
            className={`${field} w-full max-w-2xl`}
          />
          <span className="mt-1 block text-xs font-normal text-slate-500">Searches every status, completed and cancelled requests too, unless you choose one.</span>
        </label>
        <div className="flex flex-wrap items-end gap-3">
          <label className="font-medium">Status
            <select name="status" defaultValue={filters.status ?? ''} className={field}>
              <option value="">{filters.search ? 'Any status' : 'All open'}</option>
              {QUEUE_STATUSES.map((st) => <option key={st} value={st}>{STATUS_DESCRIPTIONS[st].label}</option>)}
              {closedStatuses.map((st) => <option key={st} value={st}>{STATUS_DESCRIPTIONS[st].label}</option>)}
            </select>
          </label>
          <label className="font-medium">Assigned
            <select name="assignee" defaultValue={filters.assignee ?? ''} className={field}>
              <option value="">Anyone or no one</option>
              <option value="mine">Mine</option>
              <option value="unassigned">Unassigned</option>
            </select>
          </label>
          <label className="font-medium">Country / type
            <select name="group" defaultValue={filters.group ?? ''} className={field}>
              <option value="">All</option>
              <option value="us_local">US local</option>
              <option value="ca_local">Canada</option>
              <option value="toll_free">Toll-free</option>
            </select>
          </label>
          <label className="font-medium">Carrier<input name="carrier" defaultValue={filters.carrier} className={field} /></label>
          <label className="font-medium">Account<input name="account" defaultValue={filters.account} className={field} /></label>
          <label className="flex items-center gap-2 pb-2 font-medium"><input type="checkbox" name="past" value="1" defaultChecked={filters.pastTarget} /> Past target</label>
          <button type="submit" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100">Filter</button>
          {here !== '/staff' && <Link href="/staff" className="pb-2">Clear</Link>}
        </div>
      </form>
      <p className="mt-2 text-xs text-slate-500">
        Targets: {DESK_TARGETS.map((t) => `${STATUS_DESCRIPTIONS[t.status].label.toLowerCase()} ${t.businessDays} business day${t.businessDays > 1 ? 's' : ''}${t.onlyWithoutPortDate ? ' without a port date' : ''}`).join('; ')} (weekends and federal holidays do not count).
      </p>
      {/* The rows' buttons and checkboxes join these two forms by id: no form per row, none nested. */}
      <form id={ASSIGN_FORM} action={assignToMeAction}><input type="hidden" name="returnTo" value={here} /></form>
      <div className="mt-4 flex flex-wrap items-start justify-between gap-3">
        <BulkStartReview id={BULK_FORM} action={bulkStartReviewAction} />
        <p className="text-sm">
          <span data-testid="queue-total">{totalIsMore ? 'More than ' : ''}{total.toLocaleString('en-US')} request{total === 1 ? '' : 's'}</span> ·{' '}
          <a href={`/staff/export${queueQueryString(filters, 1) ? `?${queueQueryString(filters, 1)}` : ''}`} download>Export CSV</a>
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          {filters.search || here !== '/staff' ? 'No port request matches this search.' : 'No port requests are waiting for the team.'}
        </p>
      ) : (
        <QueueTable rows={rows.map((r) => tableRow(r, now, cutoffs, actor.userId))} bulkForm={BULK_FORM} assignForm={ASSIGN_FORM} />
      )}
      {(page > 1 || hasMore) && (
        <nav className="mt-3 flex gap-4 text-sm">
          {page > 1 && <Link href={`/staff?${queueQueryString(filters, page - 1)}`}>Previous</Link>}
          {hasMore && <Link href={`/staff?${queueQueryString(filters, page + 1)}`}>Next</Link>}
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
