import type { Metadata } from 'next';
import Link from 'next/link';
import { DecisionForm } from '@/components/staff/decision-form';
import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { dateTimeUtc } from '@/lib/format/date-time-utc';
import { formatPhoneNumber } from '@/lib/phone/format';
import { SMS_DELAY } from '@/lib/porting/promises';
import { getMarkPortedConfirmation } from '@/lib/porting/review/mark-ported-confirmation';
import { markPortedAction } from '../actions';

export const metadata: Metadata = { title: 'Mark ported · Regulatory console' };

/** "Mark ported" asks here first: which numbers, which port date, and what confirming does. */
export default async function MarkPortedPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ number?: string | string[] }> }) {
  const { id } = await params;
  const actor = await requireStaff();
  const chosen = [(await searchParams).number ?? []].flat();
  const { request, numbers, beforePortDate, refusal } = await orNotFound(getMarkPortedConfirmation(await getDb(), actor, id, chosen));
  const back = `/staff/requests/${id}`;
  const count = numbers.length === 1 ? '1 number' : `${numbers.length} numbers`;
  return (
    <>
      <p className="text-sm">
        <Link href="/staff">Queue</Link> › <Link href={back}>{request.customerName}</Link> › Mark ported
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Mark ported</h1>
      {refusal ? (
        <div className="mt-4 max-w-2xl space-y-3">
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">{refusal}</p>
          <Link href={back}>Back to the request</Link>
        </div>
      ) : (
        <div className="mt-4 max-w-2xl space-y-5">
          <p>
            {request.customerName} ({request.accountName}) · port date{' '}
            <strong>{request.focDate ? <time dateTime={request.focDate.toISOString()}>{dateTimeUtc(request.focDate)}</time> : 'not set'}</strong>
          </p>
          <table className="w-full text-sm" data-testid="mark-ported-numbers">
            <caption className="text-left font-semibold">{count} to mark ported</caption>
            <thead className="text-left text-slate-600">
              <tr><th className="py-1">Number</th><th>Rings at</th><th>Account</th></tr>
            </thead>
            <tbody>
              {numbers.map((n) => (
                <tr key={n.id} className="border-t border-slate-100">
                  <td className="tel py-1 font-mono">{formatPhoneNumber(n.number)}</td>
                  <td className="tel font-mono">{formatPhoneNumber(n.receivingNumber)}</td>
                  <td>{n.accountName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm text-slate-700">
            When you confirm, each number becomes a tracking number of its account and its calls ring at the number beside it
            straight away. Texting follows in {SMS_DELAY}. The customer and the request&apos;s recipients get an email. This cannot be undone.
          </p>
          <DecisionForm action={markPortedAction} requestId={id} version={request.version} label={`Confirm: mark ${count} ported`}>
            {numbers.map((n) => <input key={n.id} type="hidden" name="numberIds" value={n.id} />)}
            {beforePortDate && (
              <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
                <p className="font-medium">The port date has not come yet.</p>
                <p className="mt-1">Calls are re-routed the moment you confirm. Confirm before the date only if the carrier has already moved these numbers.</p>
                <label className="mt-2 flex items-start gap-2">
                  <input type="checkbox" name="beforePortDate" value="yes" required className="mt-1" /> The carrier has already moved these numbers
                </label>
              </div>
            )}
          </DecisionForm>
          <p><Link href={back}>Back to the request</Link> (nothing is marked)</p>
        </div>
      )}
    </>
  );
}
