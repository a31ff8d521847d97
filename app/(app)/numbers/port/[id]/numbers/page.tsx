import Link from 'next/link';
import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { formatPhoneNumber } from '@/lib/phone/format';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { getNumbersStepData, NUMBERS_PAGE_SIZE } from '@/lib/porting/wizard/numbers/step-data';
import { stepPath } from '@/lib/porting/wizard/steps';
import { getCarrierView } from '@/lib/porting/wizard/numbers/carrier-view';
import { SplitNotice } from '@/components/porting/split-notice';
import { SuggestedCarrier } from '../carrier/suggested-carrier';
import { removeNumbers } from './actions';
import { NumbersEntry } from './numbers-entry';
import { isFromLetter } from '@/components/porting/back-to-letter';

export const metadata: Metadata = { title: 'Numbers to Port' };

export default async function NumbersStepPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; upload?: string; from?: string }> }) {
  const { id } = await params;
  const query = await searchParams;
  const page = Math.max(1, Number(query.page) || 1);
  const { draft, actor, db, allowedSteps } = await loadWizardStep(id, 'numbers');
  const data = await getNumbersStepData(db, actor, draft, page);
  const { totals } = data;
  const carrierView = await getCarrierView(db, draft);
  // The suggestion saves step 2: only where the customer may edit it now.
  const carrier = {
    requestedPortDate: draft.requestedPortDate ?? '',
    signed: draft.completedSteps.includes('loa'),
    canEdit: !allowedSteps || allowedSteps.includes('carrier'),
    shown: carrierView.suggestion,
  };
  const pages = Math.max(1, Math.ceil(totals.total / NUMBERS_PAGE_SIZE));
  return (
    <WizardFrame
      allowedSteps={allowedSteps}
      draft={draft}
      step="numbers"
      intro="Enter each Number to Port with the Forward/Receiving Number its calls should ring, and assign the tracking source. Numbers are checked as you add them."
    >
      <section aria-labelledby="numbers-to-port">
        <h3 id="numbers-to-port" className="font-semibold">Numbers to Port</h3>
        <p className="mt-1 text-sm text-slate-600" data-testid="numbers-totals">
          {totals.total} in this request: {totals.us} US · {totals.ca} Canada · {totals.tollFree} toll-free
        </p>
        <SplitNotice parts={carrierView.parts} ownAccountId={draft.accountId} />
        {carrierView.suggestion && carrier.canEdit && (
          <SuggestedCarrier requestId={id} suggestion={carrierView.suggestion} requestedPortDate={carrier.requestedPortDate} signed={carrier.signed} />
        )}
        {totals.total > 0 && (
          <div className="mt-3 overflow-x-auto">
            <table className="stack-table min-w-full text-sm" data-testid="saved-numbers">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="py-1 pr-3">Number</th>
                  <th className="pr-3">Receiving number</th>
                  <th className="pr-3">Tracking source</th>
                  <th className="pr-3">Account</th>
                  <th className="pr-3">Country</th>
                  <th className="pr-3">Type</th>
                  <th className="pr-3">Current carrier</th>
                  <th><span className="sr-only">Remove</span></th>
                </tr>
              </thead>
              <tbody>
                {data.numbers.map((n) => (
                  <tr key={n.number} className="border-t border-slate-100">
                    <td className="py-1 pr-3 font-mono whitespace-nowrap">{formatPhoneNumber(n.number)}</td>
                    <td className="pr-3 font-mono whitespace-nowrap" data-label="Receiving number">{formatPhoneNumber(n.receivingNumber)}</td>
                    <td className="pr-3" data-label="Tracking source">{n.trackingSource ?? '—'}</td>
                    <td className="pr-3" data-label="Account">{n.accountName}</td>
                    <td className="pr-3" data-label="Country">{n.country === 'CA' ? 'Canada' : 'US'}</td>
                    <td className="pr-3" data-label="Type">{n.isTollFree ? 'Toll-free' : 'Local'}</td>
                    <td className="pr-3" data-label="Current carrier">{n.currentCarrier ?? '—'}</td>
                    <td className="text-right">
                      <form action={removeNumbers}>
                        <input type="hidden" name="requestId" value={id} />
                        <input type="hidden" name="number" value={n.number} />
                        <button type="submit" className="text-xs text-red-700 underline" aria-label={`Remove ${formatPhoneNumber(n.number)}`}>
                          Remove
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="mt-2 flex items-center justify-between text-sm">
              <span>
                {pages > 1 && (
                  <>
                    Page {page} of {pages}
                    {page > 1 && <a className="ml-3" href={`${stepPath(id, 'numbers')}?page=${page - 1}`}>Previous</a>}
                    {page < pages && <a className="ml-3" href={`${stepPath(id, 'numbers')}?page=${page + 1}`}>Next</a>}
                  </>
                )}
              </span>
              <form action={removeNumbers}>
                <input type="hidden" name="requestId" value={id} />
                <input type="hidden" name="number" value="all" />
                <button type="submit" className="text-xs text-red-700 underline">Remove all numbers</button>
              </form>
            </div>
          </div>
        )}
      </section>

      <NumbersEntry
        requestId={id}
        accounts={data.usableAccounts.map((a) => a.name)}
        sources={data.sourceNames}
        currentAccount={data.usableAccounts.find((a) => a.id === draft.accountId)?.name ?? ''}
        tooLarge={query.upload === 'too-large'}
        backToLetter={isFromLetter(query)}
        carrier={carrier}
        forwarding={data.forwarding.map((f) => ({
          trackingNumberId: f.trackingNumberId,
          trackingNumber: formatPhoneNumber(f.trackingNumber),
          portingNumber: formatPhoneNumber(f.portingNumber),
          newReceivingNumber: f.newReceivingNumber ? formatPhoneNumber(f.newReceivingNumber) : '',
        }))}
        linesToFix={{
          total: data.linesToFix.total,
          lines: data.linesToFix.lines.map((l) => ({
            id: l.id,
            origin: l.origin,
            numberToPort: l.numberToPort,
            receivingNumber: l.receivingNumber ?? '',
            trackingSource: l.trackingSource ?? '',
            accountName: l.accountName ?? '',
            reason: l.reason,
          })),
        }}
      >
        <p className="mt-6 text-sm text-slate-600">
          Porting numbers from outside the US and Canada? <Link href="/numbers/port/international">Submit a ticket</Link> and our
          regulatory team will contact you about the paperwork.
        </p>
      </NumbersEntry>
    </WizardFrame>
  );
}
