import type { Metadata } from 'next';
import Link from 'next/link';
import { ListFilters, parseListFilters, StatusLegend } from '@/components/porting/list-filters';
import { PortRequestsTable, type PortRequestsTableRow } from '@/components/porting/port-requests-table';
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

type ListRow = Awaited<ReturnType<typeof listPortRequests>>['rows'][number];

/** A row worded for the table (a client component: it gets plain strings, not the request). */
function tableRow(r: ListRow): PortRequestsTableRow {
  const estimate = expectedPortWindow(r);
  const signature =
    r.signatureRequest?.state === 'waiting' ? ` · Waiting for signature by ${r.signatureRequest.signerName}` : r.signatureRequest?.state === 'declined' ? ' · Signature declined' : '';
  return {
    id: r.id,
    status: r.status,
    statusLabel: `${STATUS_DESCRIPTIONS[r.status].label}${signature}`,
    removeOn: r.removeOn ? { iso: r.removeOn.toISOString(), label: longDate(r.removeOn) } : null,
    numberCount: r.numberCount,
    firstNumbers: r.firstNumbers.map(formatPhoneNumber),
    more: r.numberCount > r.firstNumbers.length,
    accountName: r.accountName,
    losingCarrier: r.losingCarrier ?? '—',
    submitted: localDay(r.submittedAt, r.timeZone),
    portDate: localDay(r.focDate, r.timeZone),
    expectedBy: estimate ? `${day(estimate.from)} – ${day(estimate.to)}` : '—',
    notes: r.status === 'draft' ? null : { count: r.noteCount, unread: r.hasUnread },
    resumeHref: r.status === 'draft' ? stepPath(r.id, resumeStep(r.completedSteps)) : null,
  };
}

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
        <PortRequestsTable rows={rows.map(tableRow)} showAccount={showAccount} />
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
