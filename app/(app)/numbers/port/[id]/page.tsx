import Link from 'next/link';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { formatPhoneNumber } from '@/lib/phone/format';
import { expectedPortWindow } from '@/lib/porting/estimate';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { isOpen } from '@/lib/porting/lifecycle/statuses';
import { NUMBER_STATUS_LABELS, STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import { cancelBlockedReason } from '@/lib/porting/cancel-port-request';
import { listEmailsSent } from '@/lib/porting/queries/list-emails-sent';
import { NotesBubble } from '@/components/porting/notes-bubble';
import { RequestTimeline } from '@/components/porting/request-timeline';
import { ZonedTime } from '@/components/porting/zoned-time';
import { zonedWallTime, zoneName } from '@/lib/format/zoned-time';
import { CancelForm } from './cancel-form';
import { buttonClass } from '@/components/ui/button';
import { CHANGE_REASONS, stepsOpenedBy, type ChangeReasonCode } from '@/lib/porting/review/change-reasons';
import { resumeStep, stepPath } from '@/lib/porting/wizard/steps';
import { SignatureRequestStatus } from '@/components/porting/signature-request-status';
import { getSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/get-signature-request';
import { getActivation } from '@/lib/porting/carrier/get-activation';
import { ActivateNowForm } from '@/components/porting/activation/activate-now-form';
import { utcTime } from '@/components/staff/carrier/utc-time';
import { activateNowAction } from './actions';
import { formatBillingAddress } from '@/lib/porting/wizard/loa/loa-document';

export const metadata: Metadata = { title: 'Port request' };



// The estimate's days are business days, calendar dates kept at midnight UTC.
const calendarDay = (d: Date) => d.toISOString().slice(0, 10);

export default async function PortRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cancelled?: string }> }) {
  const { id } = await params;
  const { cancelled } = await searchParams;
  const { actor } = await requireAccountUser();
  const db = await getDb();
  const detail = await orNotFound(getPortRequestDetail(db, actor, id));
  // Independent reads, sent together; activation is for fast-port orders only, on the FOC day inside
  // the carrier's window (otherwise null and nothing new shows).
  const [emails, signatureRequest, activation] = await Promise.all([listEmailsSent(db, actor, id), getSignatureRequest(db, actor, id), getActivation(db, actor, id)]);
  const { request, numbers, loa, proofs, events } = detail;
  // A moment's day where the customer is.
  const day = (d: Date | null) => (d ? zonedWallTime(d, detail.timeZone).date : '—');
  if (request.status === 'draft') redirect(stepPath(id, resumeStep(request.completedSteps)));
  const status = STATUS_DESCRIPTIONS[request.status];
  const estimate = expectedPortWindow(request);
  // Numbers the team or the carrier refused: called out under the status, and first in the table.
  const rejected = numbers.filter((n) => n.status === 'rejected');
  const listed = [...rejected, ...numbers.filter((n) => n.status !== 'rejected')];
  // The day the numbers moved (the last of them, where they moved on different days), beside the date planned.
  const portedOn = numbers.reduce<Date | null>((latest, n) => (n.portedAt && (!latest || n.portedAt > latest) ? n.portedAt : latest), null);
  const address = request.billingAddress;
  const open = isOpen(request.status);
  const cancelBlocked = open ? cancelBlockedReason(request, numbers.map((n) => n.status), new Date(), false) : null;
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › Port request
      </p>
      <h1 className="mt-1 text-2xl font-semibold">
        Port request <span className="tel" data-testid="request-reference">{request.reference}</span> for {request.customerName} <span className="text-base font-normal text-slate-500">({detail.accountName})</span>
      </h1>
      {cancelled && <p role="status" className="mt-4 rounded-md bg-slate-100 p-3 text-sm">The request was cancelled. We emailed its recipients.</p>}
      <div className="mt-3 flex flex-wrap gap-4 text-sm">
        <NotesBubble requestId={id} count={detail.noteCount} unread={false} />
        <Link href={`/numbers/port/${id}/notes`}>Notes and updates</Link>
        <Link href={`/numbers/port/${id}/recipients`}>Edit Recipient Emails</Link>
      </div>
      <div className="mt-4 rounded-md bg-blue-50 p-4 ring-1 ring-blue-200">
        <p className="font-medium">Status: {status.label}</p>
        <p className="text-sm text-slate-700">{status.explanation}</p>
        <p className="mt-2 text-sm">
          Submitted {day(request.submittedAt)} · <span data-testid="port-date">Port date {request.focDate ? <ZonedTime at={request.focDate} zone={detail.timeZone} /> : '—'}</span>
          {portedOn && ` · Ported on ${day(portedOn)}`}
          {estimate && ` · Expected between ${calendarDay(estimate.from)} and ${calendarDay(estimate.to)} (${estimate.label})`}
        </p>
        <p className="mt-1 text-xs text-slate-600" data-testid="time-zone-note">Times on this page are in {zoneName(detail.timeZone)}, from the billing address.</p>
      </div>
      {rejected.length > 0 && (
        <div role="status" data-testid="rejected-numbers" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-medium">
            {rejected.length === 1 ? 'This number cannot be ported' : `These ${rejected.length} numbers cannot be ported`} in this request
            {numbers.length > rejected.length ? '; the others go ahead' : ''}:
          </p>
          <ul className="mt-2 space-y-1">
            {rejected.map((n) => (
              <li key={n.id}>
                <span className="tel font-mono">{formatPhoneNumber(n.number)}</span>
                {n.statusReason ? `: ${n.statusReason}` : ''}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            Once what stopped them is sorted out with the current carrier, start a new port request for them from Port Numbers.
            Questions? <Link href={`/numbers/port/${id}/notes`}>Write to our team in the notes</Link>.
          </p>
        </div>
      )}
      {activation?.canActivate && (
        <ActivateNowForm action={activateNowAction} requestId={id} windowStartsAt={utcTime(activation.windowStartsAt)} windowEndsAt={utcTime(activation.windowEndsAt)} />
      )}
      {signatureRequest && !loa && (
        <div className="mt-6">
          <SignatureRequestStatus request={signatureRequest}>
            <Link href={stepPath(id, 'loa')} className="mt-2 inline-block text-sm">
              {signatureRequest.state === 'declined' ? 'Send it for signature again' : 'Resend or cancel from the Letter of Authorization step'}
            </Link>
          </SignatureRequestStatus>
        </div>
      )}
      {request.status === 'changes_needed' && detail.openChanges && (
        <section className="mt-6 rounded-lg bg-amber-50 p-5 ring-1 ring-amber-300" data-testid="changes-needed">
          <h2 className="font-semibold">What to fix</h2>
          {detail.openChanges.note && <p className="mt-1 text-sm">Note from our team: {detail.openChanges.note}</p>}
          <ul className="mt-3 space-y-2 text-sm">
            {detail.openChanges.reasons.map((r, i) => {
              const reason = CHANGE_REASONS[r.code as ChangeReasonCode];
              return (
                <li key={i}>
                  <p className="font-medium">{reason?.label ?? r.code}{r.numbers?.length ? ` (${r.numbers.map(formatPhoneNumber).join(', ')})` : ''}</p>
                  {reason && <p className="text-slate-700">{reason.action}</p>}
                </li>
              );
            })}
          </ul>
          <Link href={stepPath(id, stepsOpenedBy(detail.openChanges.reasons.map((r) => r.code))[0])} className={`mt-4 ${buttonClass()}`}>
            Fix and resubmit
          </Link>
        </section>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="font-semibold">What you submitted</h2>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Current carrier</dt><dd>{request.losingCarrier}</dd>
            <dt className="text-slate-500">Requested date</dt><dd>{request.requestedPortDate ?? 'As soon as possible'}</dd>
            <dt className="text-slate-500">Customer Name</dt><dd>{request.customerName}</dd>
            <dt className="text-slate-500">Account number</dt><dd>{request.carrierAccountNumber}</dd>
            <dt className="text-slate-500">Account PIN</dt><dd>{request.hasPin ? '•••• (on file)' : 'missing'}</dd>
            <dt className="text-slate-500">Port type</dt>
            <dd>{request.portType === 'partial' ? `Partial; billing number ${formatPhoneNumber(request.billingTelephoneNumber ?? '')}${request.btnIsPorting ? ' (porting)' : ' (stays)'}` : 'Full'}</dd>
            <dt className="text-slate-500">Billing address</dt>
            <dd>{address && `${address.street}${address.unit ? `, ${address.unit}` : ''}, ${address.city}, ${address.region} ${address.postalCode}, ${address.country}`}</dd>
            <dt className="text-slate-500">Service address</dt>
            <dd>{request.serviceAddress ? formatBillingAddress(request.serviceAddress) : 'Same as billing address'}</dd>
          </dl>
          <h3 className="mt-4 font-medium">Documents</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {loa && (
              <li>
                <a href={`/numbers/port/${id}/files/loa/${loa.id}`}>Signed Letter of Authorization (PDF)</a>, signed by {loa.signerName} on {day(loa.signedAt)}
              </li>
            )}
            {proofs.map((p) => (
              <li key={p.id}>
                <a href={`/numbers/port/${id}/files/proof/${p.id}`}>{p.filename}</a> ({Math.ceil(p.sizeBytes / 1024)} KB)
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="font-semibold">Timeline</h2>
          <RequestTimeline events={events} timeZone={detail.timeZone} />
        </section>
      </div>
      <section className="mt-6 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 className="font-semibold">Numbers ({numbers.length})</h2>
        {/* On a narrow screen the table scrolls in its own box, the page does not. */}
        <div className="mt-3 overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="request-numbers">
          <thead className="text-left text-slate-500">
            <tr><th className="py-1 pr-4">Number</th><th className="pr-4">Receiving number</th><th className="pr-4">Source</th><th className="pr-4">Account</th><th>Status</th></tr>
          </thead>
          <tbody>
            {listed.map((n) => (
              <tr key={n.id} className="border-t border-slate-100">
                <td className="tel py-1 pr-4 font-mono">{formatPhoneNumber(n.number)}{n.isTollFree ? ' (toll-free)' : ''}</td>
                <td className="tel pr-4 font-mono">{formatPhoneNumber(n.receivingNumber)}</td>
                <td className="pr-4">{n.trackingSource ?? '—'}</td>
                <td className="pr-4">{n.accountName}</td>
                <td>{NUMBER_STATUS_LABELS[n.status]}{n.statusReason ? `: ${n.statusReason}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
      <section className="mt-6 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 className="font-semibold">Emails sent about this request</h2>
        {emails.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" data-testid="emails-sent">
            {emails.map((e) => (
              <li key={e.id}>
                <ZonedTime className="text-slate-500" at={e.createdAt} zone={detail.timeZone} /> · {e.subject} · to {e.toAddresses.join(', ')} ·{' '}
                {e.status === 'sent' ? 'delivered to the mail service' : e.status === 'failed' ? 'failed; our team has been alerted' : 'sending'}
              </li>
            ))}
          </ul>
        )}
      </section>
      {open && (
        <div className="mt-6">
          {cancelBlocked ? <p className="text-sm text-slate-600">{cancelBlocked}</p> : <CancelForm requestId={id} version={request.version} />}
        </div>
      )}
    </>
  );
}
