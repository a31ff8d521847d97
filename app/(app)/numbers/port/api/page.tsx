import type { Metadata } from 'next';
import Link from 'next/link';
import { listApiKeys } from '@/lib/api/keys/manage-api-keys';
import { API_RATE_LIMIT } from '@/lib/api/rate-limit';
import { requireAccountAdmin } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { CreateKeyForm } from './create-key-form';
import { RevokeKeyForm } from './revoke-key-form';
import { dateTimeUtc } from '@/lib/format/date-time-utc';

export const metadata: Metadata = { title: 'API access' };

const when = (d: Date | null) => (d ? dateTimeUtc(d) : '—');
const access = (scopes: string[]) => (scopes.includes('port_requests:write') ? 'Read and write' : 'Read only');

export default async function ApiAccessPage({ searchParams }: { searchParams: Promise<{ revoke?: string }> }) {
  const { actor, account } = await requireAccountAdmin();
  const keys = await listApiKeys(await getDb(), actor, account.id);
  const { revoke } = await searchParams;
  // Only a key of this account, still active, can be the one being confirmed; anything else is ignored.
  const confirming = keys.find((k) => k.id === revoke && !k.revokedAt);
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › API access
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-2xl font-semibold">API access</h1>
          <p className="mt-1 text-sm text-slate-600">
            API keys let your own systems port numbers into {account.name}
            {account.parentAccountId === null ? ' and its sub-accounts' : ''} as an admin of it would, through the same steps and checks as
            these pages. Every call is in the request’s history under the key’s name. Each key may make {API_RATE_LIMIT.max} calls a
            minute.
          </p>
        </div>
        <nav aria-label="API" className="flex gap-4 text-sm">
          <Link href="/numbers/port/api/webhooks">Webhooks</Link>
          <Link href="/api/v1/docs">API reference</Link>
        </nav>
      </div>

      {confirming && (
        <section aria-labelledby="confirm-revoke" className="mt-6 max-w-3xl rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950" data-testid="confirm-revoke">
          <h2 id="confirm-revoke" className="font-medium">
            Revoke the key “{confirming.name}” ({confirming.prefix}…)?
          </h2>
          <p className="mt-1">Anything still using it is refused from the next call on (401). This cannot be undone; you can create a new key.</p>
          <RevokeKeyForm keyId={confirming.id} name={confirming.name} />
        </section>
      )}

      <h2 className="mt-8 text-lg font-semibold">Keys</h2>
      {keys.length === 0 ? (
        <p className="mt-3 rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">This account has no API keys yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full text-sm" data-testid="api-keys">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-4 py-3 font-medium">Name</th>
                <th className="px-4 py-3 font-medium">Key</th>
                <th className="px-4 py-3 font-medium">Access</th>
                <th className="px-4 py-3 font-medium">Created</th>
                <th className="px-4 py-3 font-medium">Last used</th>
                <th className="px-4 py-3 font-medium">Status</th>
                <th className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => (
                <tr key={k.id} data-key-id={k.id} data-revoked={k.revokedAt ? 'true' : 'false'}>
                  <td className="px-4 py-3 font-medium">{k.name}</td>
                  <td className="px-4 py-3 font-mono text-xs">{k.prefix}…</td>
                  <td className="px-4 py-3" title={k.scopes.join(', ')}>{access(k.scopes)}</td>
                  <td className="px-4 py-3">
                    {when(k.createdAt)}
                    <span className="block text-xs text-slate-500">by {k.createdBy}</span>
                  </td>
                  <td className="px-4 py-3">{k.lastUsedAt ? when(k.lastUsedAt) : 'Never'}</td>
                  <td className="px-4 py-3">
                    {k.revokedAt ? (
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Revoked {when(k.revokedAt)}</span>
                    ) : (
                      <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Active</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right whitespace-nowrap">
                    {!k.revokedAt && (
                      <a href={`/numbers/port/api?revoke=${k.id}#confirm-revoke`} className="text-red-700 underline" aria-label={`Revoke ${k.name}`}>
                        Revoke
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="create-key" className="mt-8 max-w-3xl rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <h2 id="create-key" className="text-lg font-semibold">Create key</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">The key is shown once, right after you create it. We store only a hash of it.</p>
        <CreateKeyForm />
      </section>
    </>
  );
}
