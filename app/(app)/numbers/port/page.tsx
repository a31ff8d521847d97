import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { ListFilters, parseListFilters, StatusLegend } from '@/components/porting/list-filters';
import { NotesBubble } from '@/components/porting/notes-bubble';
import { SubmitButton } from '@/components/ui/submit-button';
import { accountScope } from '@/lib/auth/actor';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { longDate } from '@/lib/format/long-date';
import { formatPhoneNumber } from '@/lib/phone/format';
import { expectedPortWindow } from '@/lib/porting/estimate';
import { listPortRequests, PAGE_SIZE } from '@/lib/porting/queries/list-port-requests';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import { resumeStep, stepPath } from '@/lib/porting/wizard/steps';
import { createPortRequest } from './actions';
import { PORT_WINDOWS } from '@/lib/porting/promises';
import { zonedWallTime } from '@/lib/format/zoned-time';

export const metadata: Metadata = { title: 'Port Numbers' };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');
// A moment's day where the request's customer is (the estimate's days are calendar days, above).
const localDay = (d: Date | null, zone: string) => (d ? zonedWallTime(d, zone).date : '—');

type Search = { submitted?: string; status?: string; number?: string; page?: string };

export default async function PortNumbersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor, account } = await requireAccountUser();
  const params = await searchParams;
  const { submitted } = params;
  const filters = parseListFilters(params);
  const { rows, hasMore, total } = await listPortRequests(await getDb(), actor, account.id, { status: filters.status, number: filters.e164, page: filters.page });
  // Paging and the export keep the filters as the user typed them.
  const kept = { ...(filters.status ? { status: filters.status } : {}), ...(params.number ? { number: params.number } : {}) };
  const pageLink = (page: number) => `/numbers/port?${new URLSearchParams({ ...kept, page: String(page) })}`;
  const exportLink = `/numbers/port/export${Object.keys(kept).length ? `?${new URLSearchParams(kept)}` : ''}`;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // An agency sees its clients' requests too (each belongs to the account its numbers live in): the column tells them apart.
  const showAccount = accountScope(actor, account.id).length > 1;
  return (
    <>
      {submitted && (
        <div role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 p-4 text-green-900">
          <p className="font-medium">Your port request is on its way to our team.</p>
          <p className="mt-1 text-sm">
            We will review the proof you sent and come back to you with next steps. Every update goes to {actor.email}, the
            address you signed in with.
          </p>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Port Numbers</h1>
          <p className="mt-1 text-sm text-slate-600">
            Move numbers you own with another carrier into {account.name}. US ports usually take {PORT_WINDOWS.us.label}, Canadian
            ports {PORT_WINDOWS.ca.label}.
          </p>
        </div>
        <div className="flex items-center gap-4">
          {account.role === 'admin' && (
            <Link href="/numbers/port/api" className="text-sm">
              API access
            </Link>
          )}
          <form action={createPortRequest}>
            <SubmitButton pendingText="Starting…">Create Port Request</SubmitButton>
          </form>
        </div>
      </div>
      <ListFilters status={filters.status} number={params.number ?? ''} numberError={filters.numberError} />
      {rows.length === 0 ? (
        <p className="mt-6 rounded-lg bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          {filters.status || filters.e164 ? 'No port requests match these filters.' : 'No port requests in this account yet.'}
        </p>
      ) : (
        // The page is sent twice (HTML, then React's data for it), so what repeats on every row is said
        // once: the cells' padding on the table, the statuses' meanings in the legend below it.
        <div className="mt-6 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="stack-table min-w-full text-sm [&_td]:px-4 [&_td]:py-3 [&_td]:whitespace-nowrap" data-testid="port-requests">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-4 py-3 font-medium">Status</th>
                <th className="px-4 py-3 font-medium">Numbers</th>
                {showAccount && <th className="px-4 py-3 font-medium">Account</th>}
                <th className="px-4 py-3 font-medium">Current carrier</th>
                <th className="px-4 py-3 font-medium">Submitted</th>
                <th className="px-4 py-3 font-medium">Port date</th>
                <th className="px-4 py-3 font-medium">Expected by</th>
                <th className="px-4 py-3 font-medium">Notes</th>
                <th className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => {
                const status = STATUS_DESCRIPTIONS[r.status];
                const estimate = expectedPortWindow(r);
                return (
                  <tr key={r.id} data-status={r.status}>
                    <td className="whitespace-normal">
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">
                        {status.label}
                        {r.signatureRequest?.state === 'waiting' && ` · Waiting for signature by ${r.signatureRequest.signerName}`}
                        {r.signatureRequest?.state === 'declined' && ' · Signature declined'}
                      </span>
                      {r.removeOn && (
                        <p className="mt-1 text-xs text-amber-800">
                          Unchanged for weeks: removed on <time dateTime={r.removeOn.toISOString()}>{longDate(r.removeOn)}</time> unless kept
                        </p>
                      )}
                    </td>
                    <td className="min-w-48 whitespace-normal" data-label="Numbers">
                      <span className="font-medium">{r.numberCount}</span>{' '}
                      <span className="font-mono text-xs text-slate-600">
                        {r.firstNumbers.map((n, i) => (
                          <Fragment key={n}>
                            {i > 0 && ', '}
                            <span className="tel">{formatPhoneNumber(n)}</span>
                          </Fragment>
                        ))}
                        {r.numberCount > r.firstNumbers.length ? ', …' : ''}
                      </span>
                    </td>
                    {showAccount && <td data-label="Account">{r.accountName}</td>}
                    <td data-label="Current carrier">{r.losingCarrier ?? '—'}</td>
                    <td data-label="Submitted">{localDay(r.submittedAt, r.timeZone)}</td>
                    <td data-label="Port date">{localDay(r.focDate, r.timeZone)}</td>
                    <td data-label="Expected by">{estimate ? `${day(estimate.from)} – ${day(estimate.to)}` : '—'}</td>
                    <td>{r.status !== 'draft' && <NotesBubble requestId={r.id} count={r.noteCount} unread={r.hasUnread} />}</td>
                    <td className="text-right whitespace-nowrap">
                      {r.status === 'draft' ? (
                        <div className="flex justify-end gap-3">
                          <a href={stepPath(r.id, resumeStep(r.completedSteps))}>Resume</a>
                          {/* Asks first, naming what the draft holds. */}
                          <a href={`/numbers/port/${r.id}/discard`} className="text-red-700">
                            Discard
                          </a>
                        </div>
                      ) : (
                        <a href={`/numbers/port/${r.id}`}>View</a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 && (
        <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-4 text-sm">
          <p data-testid="list-position">
            Page {Math.min(filters.page, pages)} of {pages} · {total} {total === 1 ? 'request' : 'requests'}
            {filters.status || filters.e164 ? ' matching these filters' : ''}
          </p>
          {filters.page > 1 && <Link href={pageLink(Math.min(filters.page - 1, pages))}>Previous</Link>}
          {hasMore && <Link href={pageLink(filters.page + 1)}>Next</Link>}
          <a href={exportLink} download className="ml-auto">
            Export CSV
          </a>
        </nav>
      )}
      <StatusLegend />
    </>
  );
}
