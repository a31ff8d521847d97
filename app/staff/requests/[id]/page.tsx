import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NotesThread } from '@/components/porting/notes-thread';
import { NoteForm } from '@/components/porting/note-form';
import { AssignmentForm } from '@/components/staff/assignment-form';
import { DecisionForm, RevealPinForm } from '@/components/staff/decision-form';
import { buttonClass } from '@/components/ui/button';
import { CarrierPanel } from '@/components/staff/carrier/carrier-panel';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { formatPhoneNumber } from '@/lib/phone/format';
import { regionTimeZone } from '@/lib/format/region-time-zone';
import { formatZonedDateTime, PORT_TIME_ZONES, zonedWallTime, zoneName } from '@/lib/format/zoned-time';
import { addBusinessDays, isoDate, todayUtc } from '@/lib/porting/business-days';
import { NUMBER_GROUP_LABELS } from '@/lib/porting/estimate';
import { listTeam } from '@/lib/porting/desk/list-team';
import { listNotes } from '@/lib/porting/notes/list-notes';
import { openCarrierOrders } from '@/lib/porting/carrier/carrier-orders';
import { getCarrierPanel } from '@/lib/porting/carrier/get-carrier-panel';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { listChosenRouting } from '@/lib/porting/queries/list-chosen-routing';
import { getChangesSinceReview } from '@/lib/porting/review/changes-since-review';
import { canPreviewProof } from '@/lib/porting/review/proof-preview';
import { listEmailsSent } from '@/lib/porting/queries/list-emails-sent';
import { CHANGE_REASON_CODES, CHANGE_REASONS } from '@/lib/porting/review/change-reasons';
import { allowedDecisions } from '@/lib/porting/lifecycle/decisions';
import { canMarkPorted, isMoving } from '@/lib/porting/lifecycle/statuses';
import { NUMBER_STATUS_LABELS, STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import { formatBillingAddress } from '@/lib/porting/wizard/loa/loa-document';
import {
  activateNowAction, activateSmsAction, approveAction, cancelAction, rejectNumbersAction, requestChangesAction, requestFocChangeAction,
  assignAction, retryCarrierOrderAction, revealPinAction, scheduleAction, smsExceptionAction, staffNoteAction, startReviewAction, submitToCarrierAction,
} from './actions';

export const metadata: Metadata = { title: 'Port request · Regulatory console' };

const time = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—');

export default async function StaffRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaff();
  const db = await getDb();
  const detail = await orNotFound(getPortRequestDetail(db, actor, id));
  // Independent reads, sent together. The carrier panel is null in manual mode (no carrier configured)
  // and before the first order: the page is then as it always was.
  const [thread, emails, team, carrierPanel, carrier, carrierOrders, routing, sinceReview] = await Promise.all([
    listNotes(db, actor, id),
    listEmailsSent(db, actor, id),
    listTeam(db, actor),
    getCarrierPanel(db, actor, id),
    getCarrier(),
    openCarrierOrders(db, id),
    listChosenRouting(db, id),
    getChangesSinceReview(db, actor, id),
  ]);
  // What "Submit to carrier" depends on besides the status, asked as its service asks it.
  const carrierConfigured = carrier !== null;
  const openCarrierOrder = carrierConfigured && carrierOrders.length > 0;
  const { request, numbers, loa, proofs, events } = detail;
  if (request.status === 'draft') notFound();
  const s = request.status;
  const movable = numbers.filter((n) => isMoving(n.status));
  const markable = numbers.filter((n) => canMarkPorted(n.status));
  // The status machine decides which decisions are open; the console shows exactly those.
  const can = allowedDecisions(s, numbers.map((n) => n.status), { carrierConfigured, openCarrierOrder });
  const checklist = (name: string, list = movable, legend = 'Numbers (none chosen = whole request)') => (
    <fieldset className="max-h-48 space-y-1 overflow-y-auto text-sm">
      <legend className="text-xs text-slate-500">{legend}</legend>
      {list.map((n) => (
        <label key={n.id} className="flex items-center gap-2">
          <input type="checkbox" name={name} value={n.id} /> <span className="font-mono">{formatPhoneNumber(n.number)}</span>
        </label>
      ))}
    </fieldset>
  );
  const a = request.billingAddress;
  const customerZone = regionTimeZone(request.billingAddress);
  const scheduled = request.focDate ? zonedWallTime(request.focDate, customerZone) : null;
  const ported = numbers.filter((n) => n.status === 'ported').length;
  return (
    <>
      <p className="text-sm"><Link href="/staff">Queue</Link> › {request.customerName}</p>
      <h1 className="mt-1 text-2xl font-semibold">{request.customerName} <span className="text-base font-normal text-slate-500">({detail.accountName})</span></h1>
      <p className="mt-1 text-sm" data-testid="staff-status">
        Status: <strong>{STATUS_DESCRIPTIONS[s].label}</strong> · version {request.version} · {request.numberGroup ? NUMBER_GROUP_LABELS[request.numberGroup] : ''} · submitted {time(request.submittedAt)} · port date {time(request.focDate)}
        {request.focDate && <> ({formatZonedDateTime(request.focDate, customerZone)} for the customer)</>}
      </p>

      <section className="mt-4 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <AssignmentForm
          action={assignAction}
          requestId={id}
          team={team}
          assignee={request.assignedToUserId ? {
            userId: request.assignedToUserId,
            name: team.find((m) => m.userId === request.assignedToUserId)?.name ?? 'someone no longer on the team',
            since: time(request.assignedAt),
          } : null}
        />
      </section>

      {s === 'changes_needed' && detail.openChanges && (
        <section className="mt-4 rounded-lg bg-amber-50 p-4 text-sm ring-1 ring-amber-300" data-testid="staff-open-changes">
          <h2 className="font-semibold">Changes asked {time(detail.openChanges.createdAt)}, waiting for the customer</h2>
          <ul className="mt-1 list-disc pl-5">
            {detail.openChanges.reasons.map((r, i) => (
              <li key={i}>{CHANGE_REASONS[r.code as keyof typeof CHANGE_REASONS]?.label ?? r.code}{r.numbers?.length ? ` (${r.numbers.map(formatPhoneNumber).join(', ')})` : ''}</li>
            ))}
          </ul>
          {detail.openChanges.note && <p className="mt-1">Note to the customer: {detail.openChanges.note}</p>}
        </section>
      )}
      {s !== 'changes_needed' && sinceReview && (
        <section className="mt-4 rounded-lg bg-sky-50 p-4 text-sm ring-1 ring-sky-200" aria-labelledby="since-review-title" data-testid="changed-since-review">
          <h2 id="since-review-title" className="font-semibold">Changed since the last review</h2>
          <p className="text-slate-600">Changes asked {time(sinceReview.askedAt)}; resubmitted {time(sinceReview.answeredAt)}.</p>
          {sinceReview.changes.length === 0 ? (
            <p className="mt-1">Nothing the customer can edit has changed: check the notes for their answer.</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="min-w-full">
                <thead className="text-left text-slate-500"><tr><th className="pr-3">What</th><th className="pr-3">Before</th><th>Now</th></tr></thead>
                <tbody>
                  {sinceReview.changes.map((c) => (
                    <tr key={c.label} className="border-t border-sky-100 align-top" data-testid="review-change">
                      <th scope="row" className="py-1 pr-3 text-left font-medium">{c.label}</th>
                      <td className="pr-3 text-slate-600"><del className="no-underline">{c.before}</del></td>
                      <td><ins className="no-underline font-medium">{c.after}</ins></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 space-y-2 rounded-lg bg-white p-5 text-sm ring-1 ring-slate-200 [overflow-wrap:anywhere] lg:col-span-2">
          <h2 className="font-semibold">Submitted</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-500">Losing carrier</dt><dd>{request.losingCarrier}</dd>
            <dt className="text-slate-500">Requested date</dt><dd>{request.requestedPortDate ?? '—'}</dd>
            <dt className="text-slate-500">Customer Name</dt><dd>{request.customerName}</dd>
            <dt className="text-slate-500">Account number</dt><dd>{request.carrierAccountNumber}</dd>
            <dt className="text-slate-500">Account PIN</dt><dd>{request.hasPin ? <RevealPinForm action={revealPinAction} requestId={id} /> : 'none'}</dd>
            <dt className="text-slate-500">Port type</dt><dd>{request.portType}{request.billingTelephoneNumber ? `, BTN ${request.billingTelephoneNumber}${request.btnIsPorting ? ' (porting)' : ''}` : ''}</dd>
            <dt className="text-slate-500">Address</dt><dd>{a && `${a.street}${a.unit ? `, ${a.unit}` : ''}, ${a.city}, ${a.region} ${a.postalCode}, ${a.country}`}</dd>
            <dt className="text-slate-500">Service address</dt><dd>{request.serviceAddress ? formatBillingAddress(request.serviceAddress) : 'Same as billing address'}</dd>
          </dl>
          <h3 className="pt-2 font-medium">Letter of Authorization</h3>
          {loa ? (
            <p>
              <a href={`/numbers/port/${id}/files/loa/${loa.id}`}>Signed LOA (PDF)</a> · {loa.kind} signature by {loa.signerName}{loa.signerTitle ? `, ${loa.signerTitle}` : ''} ({loa.signerEmail}) at {time(loa.signedAt)} from {loa.ipAddress} · {loa.userAgent} · SHA-256 <span className="font-mono text-xs">{loa.contentSha256}</span>
            </p>
          ) : <p>No active signature.</p>}
          <h3 className="pt-2 font-medium">Proof of ownership</h3>
          <ul className="space-y-3">
            {proofs.map((p) => {
              const preview = `/staff/requests/${id}/proof/${p.id}`;
              return (
                <li key={p.id} data-testid="staff-proof">
                  <a href={`/numbers/port/${id}/files/proof/${p.id}`}>{p.filename}</a> ({p.contentType}, {Math.ceil(p.sizeBytes / 1024)} KB)
                  {p.contentType === 'application/pdf' ? (
                    <iframe src={preview} title={`Proof of ownership: ${p.filename}`} className="mt-1 h-96 w-full rounded ring-1 ring-slate-200" loading="lazy" />
                  ) : canPreviewProof(p.contentType) ? (
                    // eslint-disable-next-line @next/next/no-img-element -- a private file behind the team's session, not an optimisable asset
                    <img src={preview} alt={`Proof of ownership: ${p.filename}`} className="mt-1 max-h-96 max-w-full rounded ring-1 ring-slate-200" loading="lazy" />
                  ) : (
                    <span className="block text-slate-500">No preview for this type: download it to look at it.</span>
                  )}
                </li>
              );
            })}
          </ul>
          <h3 className="pt-2 font-medium">Alternate routing</h3>
          {routing.length === 0 ? (
            <p>None needed: no tracking number forwards to a number in this request.</p>
          ) : (
            <ul className="list-disc pl-5" data-testid="staff-routing">
              {routing.map((r) => (
                <li key={r.trackingNumber}>
                  Tracking number <span className="font-mono whitespace-nowrap">{formatPhoneNumber(r.trackingNumber)}</span> rings{' '}
                  <span className="font-mono whitespace-nowrap">{formatPhoneNumber(r.portingNumber)}</span> today; after the port it forwards to{' '}
                  <span className="font-mono whitespace-nowrap">{formatPhoneNumber(r.newReceivingNumber)}</span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="pt-2 font-medium">Numbers ({numbers.length}; {ported} ported)</h3>
          <table className="min-w-full">
            <thead className="text-left text-slate-500"><tr><th>Number</th><th>Receiving</th><th>Account</th><th>Status</th></tr></thead>
            <tbody>
              {numbers.map((n) => (
                <tr key={n.id} className="border-t border-slate-100" data-testid="staff-number">
                  <td className="font-mono">{formatPhoneNumber(n.number)}</td><td className="font-mono">{formatPhoneNumber(n.receivingNumber)}</td>
                  <td>{n.accountName}</td><td>{NUMBER_STATUS_LABELS[n.status]}{n.statusReason ? `: ${n.statusReason}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="space-y-5 rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="font-semibold">Decisions</h2>
          {can.has('start_review') && <DecisionForm action={startReviewAction} requestId={id} version={request.version} label="Start review" />}
          {can.has('approve') && <DecisionForm action={approveAction} requestId={id} version={request.version} label="Approve and send to the carrier" />}
          {can.has('submit_to_carrier') && (
            <div className="space-y-1">
              <DecisionForm action={submitToCarrierAction} requestId={id} version={request.version} label="Submit to carrier" />
              <p className="text-xs text-slate-500">Places the order with the signed LOA and the bill; the carrier&apos;s answers then arrive on their own.</p>
            </div>
          )}
          {can.has('request_changes') && (
            <details><summary className="cursor-pointer text-sm font-medium">Ask for changes</summary>
              <DecisionForm action={requestChangesAction} requestId={id} version={request.version} label="Ask for changes" variant="secondary">
                <fieldset className="space-y-1 text-sm">
                  <legend className="text-xs text-slate-500">Reasons (the customer sees each with what to do)</legend>
                  {CHANGE_REASON_CODES.map((code) => (
                    <label key={code} className="flex items-start gap-2"><input type="checkbox" name="reasons" value={code} className="mt-1" /> {CHANGE_REASONS[code].label}</label>
                  ))}
                </fieldset>
                {checklist('numberIds', numbers)}
                <label className="block text-sm">Note to the customer<textarea name="note" rows={2} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1" /></label>
              </DecisionForm>
            </details>
          )}
          {can.has('schedule') && (
            <DecisionForm action={scheduleAction} requestId={id} version={request.version} label={s === 'scheduled' ? 'Change port date' : 'Set port date'} variant="secondary">
              {/* In the customer's zone (from the billing address) unless the team names another. */}
              <div className="flex flex-wrap gap-2 text-sm">
                <label>FOC date<input name="focDate" type="date" defaultValue={scheduled?.date ?? isoDate(addBusinessDays(todayUtc(), 5))} className="mt-1 block rounded-md border border-slate-300 px-2 py-1" /></label>
                <label>Time (24-hour)<input name="focTime" defaultValue={scheduled?.time ?? '10:00'} className="mt-1 block w-20 rounded-md border border-slate-300 px-2 py-1" /></label>
                <label>Time zone
                  <select name="focTimeZone" defaultValue={customerZone} className="mt-1 block rounded-md border border-slate-300 px-2 py-1">
                    {PORT_TIME_ZONES.map((z) => <option key={z} value={z}>{zoneName(z)}{z === customerZone ? ' · the customer’s' : ''}</option>)}
                  </select>
                </label>
              </div>
            </DecisionForm>
          )}
          {can.has('mark_ported') && (
            // Opens the confirmation page, which names the numbers and the port date before anything ports.
            <form method="get" action={`/staff/requests/${id}/mark-ported`} className="space-y-3">
              {checklist('number', markable, 'Numbers with a port date (none chosen = all of them)')}
              <button type="submit" className={buttonClass('primary')}>Mark ported…</button>
            </form>
          )}
          {can.has('reject_numbers') && (
            <details><summary className="cursor-pointer text-sm font-medium">Reject numbers</summary>
              <DecisionForm action={rejectNumbersAction} requestId={id} version={request.version} label="Reject chosen numbers" variant="danger">
                {checklist('numberIds')}
                <ReasonField />
              </DecisionForm>
            </details>
          )}
          {can.has('decide_sms') && (
            <div className="space-y-2">
              <DecisionForm action={activateSmsAction} requestId={id} version={request.version} label="Activate SMS now" variant="secondary" />
              <details><summary className="cursor-pointer text-sm">SMS exception</summary>
                <DecisionForm action={smsExceptionAction} requestId={id} version={request.version} label="Mark SMS exception" variant="danger">
                  <ReasonField />
                </DecisionForm>
              </details>
            </div>
          )}
          {can.has('cancel') && (
            <details><summary className="cursor-pointer text-sm font-medium text-red-700">Cancel request</summary>
              <DecisionForm action={cancelAction} requestId={id} version={request.version} label="Cancel the request" variant="danger">
                <ReasonField />
              </DecisionForm>
            </details>
          )}
        </section>
      </div>

      {carrierPanel && (
        <CarrierPanel
          panel={carrierPanel}
          requestId={id}
          version={request.version}
          actions={{ retry: retryCarrierOrderAction, changeFoc: requestFocChangeAction, activate: activateNowAction }}
        />
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section id="notes" className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="font-semibold">Notes</h2>
          <NotesThread notes={thread.notes} />
          <NoteForm requestId={id} action={staffNoteAction} allowInternal />
        </section>
        <section className="rounded-lg bg-white p-5 text-sm ring-1 ring-slate-200">
          <h2 className="font-semibold">Events</h2>
          <ol className="mt-2 space-y-1" data-testid="staff-events">
            {events.map((e) => (
              <li key={e.id}>{time(e.createdAt)} · {e.type}{e.toStatus ? ` → ${e.toStatus}` : ''}{e.actorName ? ` · ${e.actorName}` : ''}{e.detail ? ` · ${e.detail}` : ''}</li>
            ))}
          </ol>
          <h2 className="mt-4 font-semibold">Emails</h2>
          <ul className="mt-2 space-y-1">
            {emails.map((e) => <li key={e.id}>{time(e.createdAt)} · {e.subject} · {e.toAddresses.join(', ')} · {e.status}{e.attempts > 1 ? ` (${e.attempts} attempts)` : ''}</li>)}
          </ul>
        </section>
      </div>
    </>
  );
}

/** The "Reason" box of the decisions that need one (reject numbers, SMS exception, cancel). */
function ReasonField() {
  return (
    <label className="block text-sm">
      Reason
      <input name="reason" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1" />
    </label>
  );
}
