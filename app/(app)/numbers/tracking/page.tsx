import type { Metadata } from 'next';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatPhoneNumber } from '@/lib/phone/format';
import { listTrackingNumbers } from '@/lib/tracking/list-tracking-numbers';
import { moveTrackingNumberAction } from './actions';
import { SMS_DELAY } from '@/lib/porting/promises';

export const metadata: Metadata = { title: 'Tracking Numbers' };

const smsLabel = { active: 'Active', pending: 'SMS is not supported', exception: 'Needs attention' } as const;

export default async function TrackingNumbersPage() {
  const { actor, account } = await requireAccountUser();
  const family = actor.accounts.filter((a) => a.id === account.id || a.parentAccountId === account.id);
  const rows = await listTrackingNumbers(await getDb(), actor, account.id);
  const showAccount = rows.some((r) => r.accountName !== account.name);
  return (
    <>
      <h1 className="text-2xl font-semibold">Tracking Numbers</h1>
      <p className="mt-1 text-sm text-slate-600">Numbers of {account.name}{showAccount ? ' and its sub-accounts' : ''}.</p>
      {rows.length === 0 ? (
        <p className="mt-8 rounded-lg bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          No tracking numbers in this account yet.
        </p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-4 py-3 font-medium">Tracking number</th>
                <th className="px-4 py-3 font-medium">Receiving number</th>
                <th className="px-4 py-3 font-medium">Tracking source</th>
                {showAccount && <th className="px-4 py-3 font-medium">Account</th>}
                <th className="px-4 py-3 font-medium">Voice</th>
                <th className="px-4 py-3 font-medium">SMS</th>
                {family.length > 1 && <th className="px-4 py-3 font-medium">Move to</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-3 font-mono">{formatPhoneNumber(r.number)}</td>
                  <td className="px-4 py-3 font-mono">{formatPhoneNumber(r.receivingNumber)}</td>
                  <td className="px-4 py-3">{r.trackingSource ?? '—'}</td>
                  {showAccount && <td className="px-4 py-3">{r.accountName}</td>}
                  <td className="px-4 py-3">{r.voiceStatus === 'active' ? 'Active' : 'Inactive'}</td>
                  <td className="px-4 py-3" title={r.smsStatus === 'pending' ? `Carriers are updating their SMS routing; this takes ${SMS_DELAY} after a port.` : undefined}>
                    {smsLabel[r.smsStatus]}
                  </td>
                  {family.length > 1 && (
                    <td className="px-4 py-3">
                      <form action={moveTrackingNumberAction} className="flex gap-2">
                        <input type="hidden" name="trackingNumberId" value={r.id} />
                        <select name="toAccountId" aria-label={`Move ${r.number} to`} className="rounded-md border border-slate-300 px-1 py-0.5 text-xs">
                          {family.filter((a) => a.name !== r.accountName).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
                        </select>
                        <button type="submit" className="text-xs underline">Move</button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
