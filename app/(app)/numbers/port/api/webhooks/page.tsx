import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAccountAdmin } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listWebhookEndpoints } from '@/lib/webhooks/list-endpoints';
import { webhooksMayUseLocalAddresses } from '@/lib/webhooks/network-policy';
import { CreateEndpointForm } from './create-endpoint-form';
import { dateTimeUtc } from '@/lib/format/date-time-utc';

export const metadata: Metadata = { title: 'Webhooks' };

const when = (d: Date | null) => (d ? dateTimeUtc(d) : '—');

export default async function WebhooksPage() {
  const { actor, account } = await requireAccountAdmin();
  const endpoints = await listWebhookEndpoints(await getDb(), actor, account.id);
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › <Link href="/numbers/port/api">API access</Link> › Webhooks
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Webhooks</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        Endpoints of {account.name} receive a signed POST for each event of its port requests
        {account.parentAccountId === null ? ' and those of its sub-accounts' : ''}: submitted, changes needed, approved, port date,
        ported and more. Each message is signed per Standard Webhooks, retried for more than a day if your endpoint does not answer
        2xx, and sent in order for each request.
      </p>

      <h2 className="mt-6 text-lg font-semibold">Endpoints</h2>
      {endpoints.length === 0 ? (
        <p className="mt-3 rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">This account has no webhook endpoints yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full text-sm" data-testid="webhook-endpoints">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-4 py-3 font-medium">URL</th>
                <th className="px-4 py-3 font-medium">Events</th>
                <th className="px-4 py-3 font-medium">Status</th>
                <th className="px-4 py-3 font-medium">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {endpoints.map((e) => (
                <tr key={e.id} data-endpoint-id={e.id}>
                  <td className="px-4 py-3">
                    <Link href={`/numbers/port/api/webhooks/${e.id}`} className="break-all font-mono text-xs">
                      {e.url}
                    </Link>
                    {e.description && <span className="block text-xs text-slate-500">{e.description}</span>}
                  </td>
                  <td className="px-4 py-3">{e.eventTypes.length}</td>
                  <td className="px-4 py-3">
                    {e.status === 'enabled' ? (e.failingSince ? `Failing since ${when(e.failingSince)}` : 'Enabled') : 'Disabled'}
                  </td>
                  <td className="px-4 py-3">{when(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="add-endpoint" className="mt-8 max-w-3xl rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <h2 id="add-endpoint" className="text-lg font-semibold">
          Add endpoint
        </h2>
        <div className="mt-3">
          <CreateEndpointForm localMode={webhooksMayUseLocalAddresses()} />
        </div>
      </section>
    </>
  );
}
