import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getCarrierSandbox } from '@/lib/carrier/get-carrier';
import { dateTimeUtc } from '@/lib/format/date-time-utc';
import { mayUseLocalTool } from '@/lib/security/local-tools';
import { advanceCarrierClock, deliverCarrierWebhooks } from './actions';

export const metadata: Metadata = { title: 'Carrier sandbox' };
export const dynamic = 'force-dynamic';

const when = (iso: string | null) => (iso ? dateTimeUtc(new Date(iso)) : '—');

export default async function CarrierSandboxPage({ searchParams }: { searchParams: Promise<{ advanced?: string; delivered?: string; refused?: string }> }) {
  // Like /dev/jobs: a tool of the local mode only, and only with the sandbox carrier.
  if (!(await mayUseLocalTool('carrier'))) notFound();
  const sandbox = await getCarrierSandbox();
  if (!sandbox) notFound();
  const { advanced, delivered, refused } = await searchParams;
  const orders = sandbox.orders();
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Carrier sandbox (local mode)</h1>
      <p className="mt-1 text-sm text-slate-600">
        The pretend carrier the app places porting orders with locally. It answers an hour after an order is submitted and ports at
        the FOC; move its clock to see days pass. Rules: docs/carrier.md.
      </p>
      <p className="mt-3 text-sm">
        Carrier time: <time dateTime={new Date(sandbox.now()).toISOString()} data-testid="carrier-clock">{dateTimeUtc(new Date(sandbox.now()))}</time>
      </p>
      {advanced !== undefined && <p role="status" className="mt-3 text-sm text-green-700">Moved the carrier&apos;s clock {advanced} hour(s) ahead and delivered its webhooks.</p>}
      {delivered !== undefined && <p role="status" className="mt-3 text-sm text-green-700">Delivered the carrier&apos;s webhooks.</p>}
      {refused === 'hours' && <p role="alert" className="mt-3 text-sm text-red-700">Enter a number of hours between 1 and 1440.</p>}

      <section className="mt-6" aria-labelledby="clock-heading">
        <h2 id="clock-heading" className="text-lg font-medium">Advance the carrier&apos;s clock</h2>
        <div className="mt-2 flex flex-wrap items-end gap-3 text-sm">
          <form action={advanceCarrierClock} className="flex items-end gap-3">
            <label className="font-medium">
              Hours
              <input name="hours" type="number" min={1} max={1440} step={1} defaultValue={1} required className="mt-1 block w-24 rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <button type="submit" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300">Advance clock</button>
          </form>
          <form action={advanceCarrierClock}>
            <input type="hidden" name="hours" value="24" />
            <button type="submit" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300">+1 day</button>
          </form>
          <form action={deliverCarrierWebhooks}>
            <button type="submit" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300">Deliver webhooks now</button>
          </form>
        </div>
      </section>

      <h2 className="mt-8 text-lg font-medium">Orders</h2>
      {orders.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No porting orders yet.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 pr-3">Order</th>
                <th className="pr-3">Status</th>
                <th className="pr-3">FOC</th>
                <th className="pr-3">Numbers</th>
                <th className="pr-3">Fast-port</th>
                <th>Messaging</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-t border-slate-100 align-top" data-testid="carrier-order">
                  <td className="py-1 pr-3 font-mono text-xs">{o.id}</td>
                  <td className="pr-3">
                    {o.status}
                    {o.exceptions.length > 0 && <span className="block text-xs text-red-700">{o.exceptions.join(', ')}</span>}
                  </td>
                  <td className="pr-3">
                    {when(o.focConfirmed)}
                    {o.focRequested && <span className="block text-xs text-slate-500">asked {when(o.focRequested)}</span>}
                  </td>
                  <td className="pr-3">{o.numbers.join(', ')}</td>
                  <td className="pr-3">{o.fastPortEligible ? (o.activationStatus ?? 'yes') : 'no'}</td>
                  <td>{o.messagingStatus}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
