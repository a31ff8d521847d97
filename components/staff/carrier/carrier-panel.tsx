import { DecisionForm } from '@/components/staff/decision-form';
import type { FormState } from '@/lib/forms/form-state';
import { formatPhoneNumber } from '@/lib/phone/format';
import { reasonForException } from '@/lib/porting/carrier/exception-reasons';
import type { CarrierPanel as CarrierPanelData } from '@/lib/porting/carrier/get-carrier-panel';
import { CHANGE_REASONS } from '@/lib/porting/review/change-reasons';
import { utcTime } from './utc-time';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Order = CarrierPanelData['orders'][number];

/**
 * The carrier's side of a request, as the desk needs it to stop looking in the carrier's portal:
 * each order's ids, status, dates, exceptions and failures, and what the team may do about them.
 */
export function CarrierPanel({ panel, requestId, version, actions }: {
  panel: CarrierPanelData;
  requestId: string;
  version: number;
  actions: { retry: Action; changeFoc: Action; activate: Action };
}) {
  // Retry is for a placement that failed or waits out its backoff after an error (what the service retries).
  const failing = panel.orders.some((o) => !o.externalId && (o.lastError || o.status === 'failed'));
  // The service's own rule (request at the carrier, every open order takes a date): the form shows only then.
  const datable = panel.canChangeDate;
  return (
    <section className="mt-6 space-y-4 rounded-lg bg-white p-5 text-sm ring-1 ring-slate-200" data-testid="carrier-panel" aria-labelledby="carrier-heading">
      <h2 id="carrier-heading" className="font-semibold">Carrier <span className="font-normal text-slate-500">({panel.carrier})</span></h2>
      {panel.orders.map((order) => <OrderDetails key={order.id} order={order} />)}
      {failing && (
        <DecisionForm action={actions.retry} requestId={requestId} version={version} label="Retry now" variant="secondary" />
      )}
      {panel.canActivate && (
        <div className="rounded-md bg-green-50 p-3 ring-1 ring-green-200">
          <p>Fast port: the numbers can be activated now instead of waiting for the scheduled time.</p>
          <div className="mt-2"><DecisionForm action={actions.activate} requestId={requestId} version={version} label="Activate now" /></div>
        </div>
      )}
      {datable && <FocWindows windows={panel.focWindows} />}
      {datable && (
        // Not folded away: a refusal (no changes left, a weekend) must show without JavaScript too.
        <div className="rounded-md p-3 ring-1 ring-slate-200" data-testid="foc-change">
          <h3 className="font-medium">Change port date</h3>
          <p className="mt-2 text-slate-700">{panel.focChangeRules}</p>
          <p className="mt-1" data-testid="foc-changes-left">Changes left after the FOC: <strong>{panel.focChangesLeft}</strong></p>
          <div className="mt-3">
            <DecisionForm action={actions.changeFoc} requestId={requestId} version={version} label="Ask the carrier for this date" variant="secondary">
              <div className="flex gap-2">
                <label htmlFor="focDate">New FOC date<input id="focDate" name="focDate" type="date" required className="mt-1 block rounded-md border border-slate-300 px-2 py-1" /></label>
                <label htmlFor="focTime">Time (HH:MM, UTC)<input id="focTime" name="focTime" defaultValue="15:00" pattern="[0-2][0-9]:[0-5][0-9]" required className="mt-1 block w-24 rounded-md border border-slate-300 px-2 py-1" /></label>
              </div>
            </DecisionForm>
          </div>
        </div>
      )}
    </section>
  );
}

function OrderDetails({ order }: { order: Order }) {
  return (
    <div className="rounded-md p-3 ring-1 ring-slate-200" data-testid="carrier-order">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Carrier order</dt><dd className="font-mono" data-testid="carrier-order-id">{order.externalId ?? 'not placed yet'}</dd>
        <dt className="text-slate-500">Support key</dt><dd className="font-mono">{order.supportKey ?? '—'}</dd>
        <dt className="text-slate-500">Status</dt><dd data-testid="carrier-order-status">{order.statusLabel}</dd>
        <dt className="text-slate-500">Requested FOC</dt><dd>{utcTime(order.focRequestedAt)}</dd>
        <dt className="text-slate-500">Confirmed FOC</dt><dd data-testid="carrier-foc-confirmed">{utcTime(order.focConfirmedAt)}</dd>
        <dt className="text-slate-500">Fast port</dt><dd>{order.fastPortEligible ? 'eligible (on-demand activation)' : 'no (ports at the FOC)'}</dd>
        <dt className="text-slate-500">Messaging</dt><dd data-testid="carrier-messaging">{order.messagingStatus ?? 'not known yet'}</dd>
        <dt className="text-slate-500">Numbers</dt><dd className="font-mono">{order.numbers.map(formatPhoneNumber).join(', ')}</dd>
        <dt className="text-slate-500">Placed</dt><dd>{utcTime(order.placedAt)}</dd>
      </dl>
      {order.exceptions.length > 0 && (
        <div className="mt-2">
          <h3 className="font-medium">Exceptions from the carrier</h3>
          <ul className="mt-1 list-disc pl-5" data-testid="carrier-exceptions">
            {order.exceptions.map((e, i) => {
              const reason = reasonForException(e.code);
              return (
                <li key={i}>
                  <span className="font-mono">{e.code}</span>{e.description ? `: ${e.description}` : ''}
                  <span className="block text-slate-600">
                    {reason ? `Sent to the customer as “${CHANGE_REASONS[reason].label}”` : 'Stayed with the team (the customer cannot fix it): see the internal notes'}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {order.lastError && (
        <div role="alert" className="mt-2 rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-200" data-testid="carrier-failure">
          <p className="font-medium">Placing the order failed: {order.lastError}</p>
          <p>
            Attempts: {order.attempts} · next retry: {order.nextAttemptAt ? utcTime(order.nextAttemptAt) : 'none scheduled (fix the cause, then Retry now)'}.
            The request stays where it is; nothing is lost.
          </p>
        </div>
      )}
    </div>
  );
}

function FocWindows({ windows }: { windows: CarrierPanelData['focWindows'] }) {
  if (windows.length === 0) return null;
  return (
    <div>
      <h3 className="font-medium">FOC windows the carrier allows</h3>
      <ul className="mt-1 list-disc pl-5" data-testid="foc-windows">
        {windows.map((w, i) => <li key={i}>{utcTime(w.startsAt)} to {utcTime(w.endsAt)}</li>)}
      </ul>
    </div>
  );
}
