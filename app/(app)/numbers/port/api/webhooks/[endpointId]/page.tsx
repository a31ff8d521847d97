import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { requireAccountAdmin } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { getWebhookEndpoint } from '@/lib/webhooks/get-endpoint';
import { listWebhookDeliveries } from '@/lib/webhooks/list-deliveries';
import { webhooksMayUseLocalAddresses } from '@/lib/webhooks/network-policy';
import { deleteEndpointAction, redeliverAction, setEndpointEnabledAction } from '../actions';
import { EditEndpointForm } from './edit-endpoint-form';
import { RotateSecretForm } from './rotate-secret-form';
import { dateTimeUtc } from '@/lib/format/date-time-utc';

export const metadata: Metadata = { title: 'Webhook endpoint' };

// Seconds: tries of one message can be seconds apart.
const when = (d: Date | null) => (d ? dateTimeUtc(d, { seconds: true }) : '—');
const DELIVERY_STATUS = { pending: 'Waiting', sending: 'Sending', delivered: 'Delivered', failed: 'Failed' } as const;

export default async function WebhookEndpointPage({ params, searchParams }: { params: Promise<{ endpointId: string }>; searchParams: Promise<{ delete?: string }> }) {
  const { endpointId } = await params;
  const { delete: confirmingDelete } = await searchParams;
  const { actor, account } = await requireAccountAdmin();
  const db = await getDb();
  const endpoint = await orNotFound(getWebhookEndpoint(db, actor, endpointId));
  // Only an endpoint of the account being worked in (an agency's admin switches to the sub-account for its endpoints).
  if (endpoint.accountId !== account.id) notFound();
  const deliveries = await listWebhookDeliveries(db, actor, endpoint.id);
  const rotating = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date();
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › <Link href="/numbers/port/api">API access</Link> › <Link href="/numbers/port/api/webhooks">Webhooks</Link> › Endpoint
      </p>
      <h1 className="mt-1 break-all text-2xl font-semibold">{endpoint.url}</h1>
      {endpoint.description && <p className="mt-1 text-sm text-slate-600">{endpoint.description}</p>}

      <section aria-labelledby="endpoint-status" className="mt-4 max-w-3xl rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <h2 id="endpoint-status" className="text-lg font-semibold">
          Status: {endpoint.status === 'enabled' ? 'Enabled' : 'Disabled'}
        </h2>
        {endpoint.status === 'disabled' && (
          <p className="mt-1" data-testid="disabled-reason">
            Disabled {when(endpoint.disabledAt)}. {endpoint.disabledReason} Events wait for it and go out in order when you enable it.
          </p>
        )}
        {endpoint.status === 'enabled' && endpoint.failingSince && (
          <p className="mt-1 text-amber-800">
            Failing since {when(endpoint.failingSince)}. After 5 days of failures in a row the endpoint is disabled and the account’s admins are emailed.
          </p>
        )}
        <form action={setEndpointEnabledAction} className="mt-3">
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <input type="hidden" name="enabled" value={endpoint.status === 'enabled' ? 'false' : 'true'} />
          <button type="submit" className={buttonClass('secondary')}>
            {endpoint.status === 'enabled' ? 'Disable' : 'Enable'}
          </button>
        </form>
      </section>

      <section aria-labelledby="signing-secret" className="mt-4 max-w-3xl rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <h2 id="signing-secret" className="text-lg font-semibold">
          Signing secret
        </h2>
        <p className="mt-1 text-slate-600">
          Shown once, when the endpoint was added or the secret rotated. Rotating makes a new one; the previous one keeps signing for 24 hours beside it.
          {rotating && ` The previous secret signs too until ${when(endpoint.previousSecretExpiresAt)}.`}
        </p>
        <div className="mt-3">
          <RotateSecretForm endpointId={endpoint.id} />
        </div>
      </section>

      <section aria-labelledby="edit-endpoint" className="mt-4 max-w-3xl rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <h2 id="edit-endpoint" className="text-lg font-semibold">
          Edit
        </h2>
        <div className="mt-3">
          <EditEndpointForm endpoint={endpoint} localMode={webhooksMayUseLocalAddresses()} />
        </div>
      </section>

      <h2 className="mt-8 text-lg font-semibold">Delivery log</h2>
      <p className="mt-1 text-sm text-slate-600">The latest 50 messages, newest first, with every try. “Redeliver” sends a message again now, with the same webhook-id.</p>
      {deliveries.length === 0 ? (
        <p className="mt-3 rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">Nothing sent to this endpoint yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full text-sm" data-testid="webhook-deliveries">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-4 py-3 font-medium">Time</th>
                <th className="px-4 py-3 font-medium">Event</th>
                <th className="px-4 py-3 font-medium">Attempt</th>
                <th className="px-4 py-3 font-medium">Answer</th>
                <th className="px-4 py-3 font-medium">Latency</th>
                <th className="px-4 py-3 font-medium">Message</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((d) => (
                <DeliveryRows key={d.id} endpointId={endpoint.id} delivery={d} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="delete-endpoint" className="mt-8 max-w-3xl rounded-lg border border-red-200 bg-white p-4 text-sm">
        <h2 id="delete-endpoint" className="text-lg font-semibold">
          Delete
        </h2>
        {confirmingDelete ? (
          <form action={deleteEndpointAction} className="mt-2 flex flex-wrap items-center gap-3" data-testid="confirm-delete">
            <input type="hidden" name="endpointId" value={endpoint.id} />
            <p className="w-full">Delete this endpoint with its delivery log and any message still waiting? This cannot be undone.</p>
            <button type="submit" className={buttonClass('danger')}>
              Delete endpoint
            </button>
            <Link href={`/numbers/port/api/webhooks/${endpoint.id}`}>Keep it</Link>
          </form>
        ) : (
          <p className="mt-2">
            <Link href={`/numbers/port/api/webhooks/${endpoint.id}?delete=1`} className="text-red-700">
              Delete this endpoint…
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

function DeliveryRows({ endpointId, delivery }: { endpointId: string; delivery: Awaited<ReturnType<typeof listWebhookDeliveries>>[number] }) {
  const tries = delivery.attempts.length ? [...delivery.attempts].reverse() : [null];
  return (
    <>
      {tries.map((a, i) => (
        <tr key={a ? `${delivery.id}-${a.number}` : delivery.id} data-delivery-id={delivery.id}>
          <td className="px-4 py-2 whitespace-nowrap">{when(a ? a.attemptedAt : delivery.createdAt)}</td>
          <td className="px-4 py-2">
            <code className="font-mono text-xs">{delivery.eventType}</code>
          </td>
          <td className="px-4 py-2">{a ? `${a.number}${a.manual ? ' (redelivered)' : ''}` : 'not tried yet'}</td>
          {/* The try's own outcome; the message's state (an earlier try may have delivered it) is in the last column. */}
          <td className="px-4 py-2">{a ? `${a.statusCode ?? 'no answer'} ${a.statusCode && a.statusCode >= 200 && a.statusCode < 300 ? '(OK)' : '(failed)'}` : '—'}</td>
          <td className="px-4 py-2">{a ? `${a.latencyMs} ms` : '—'}</td>
          <td className="px-4 py-2">
            {i === 0 && (
              <div className="flex flex-wrap items-center gap-3">
                <span className="text-slate-500">Message:</span>
                <span>
                  {DELIVERY_STATUS[delivery.status]}
                  {delivery.status === 'pending' && delivery.attempts.length > 0 ? `, next try ${when(delivery.nextAttemptAt)}` : ''}
                </span>
                <form action={redeliverAction}>
                  <input type="hidden" name="endpointId" value={endpointId} />
                  <input type="hidden" name="deliveryId" value={delivery.id} />
                  <button type="submit" className="text-blue-700 underline">
                    Redeliver
                  </button>
                </form>
              </div>
            )}
            {a?.error && <span className="block max-w-md break-words text-xs text-red-700">{a.error}</span>}
          </td>
        </tr>
      ))}
    </>
  );
}
