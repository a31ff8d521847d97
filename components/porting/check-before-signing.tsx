import type { ReactNode } from 'react';
import { longDate } from '@/lib/format/long-date';
import { formatPhoneNumber } from '@/lib/phone/format';
import type { WizardDraft } from '@/lib/porting/wizard/get-wizard-draft';
import { formatBillingAddress, type LoaDocument } from '@/lib/porting/wizard/loa/loa-document';
import { stepPath, WIZARD_STEPS, type WizardStepKey } from '@/lib/porting/wizard/steps';

const SHOWN_NUMBERS = 3;

/**
 * Everything the steps before the letter saved, in one place with a way back to each, so the
 * signer checks it once before signing: an address or a name that does not match the carrier's
 * record is what gets ports rejected, and a signed letter is voided by any later change.
 */
export function CheckBeforeSigning({ draft, document }: { draft: WizardDraft; document: LoaDocument }) {
  const numbers = document.numbers;
  const receiving = new Set(numbers.map((n) => n.receivingNumber ?? ''));
  const sections: { step: WizardStepKey; rows: [string, ReactNode][] }[] = [
    {
      step: 'carrier',
      rows: [
        ['Current carrier', draft.losingCarrier],
        ['Requested port date', draft.requestedPortDate ? longDate(new Date(`${draft.requestedPortDate}T00:00:00Z`)) : 'As soon as possible'],
      ],
    },
    {
      step: 'numbers',
      rows: [
        [
          `${numbers.length} ${numbers.length === 1 ? 'number' : 'numbers'}`,
          <>
            {numbers.slice(0, SHOWN_NUMBERS).map((n, i) => (
              <span key={n.number}>
                {i > 0 && ', '}
                <span className="tel">{formatPhoneNumber(n.number)}</span>
              </span>
            ))}
            {numbers.length > SHOWN_NUMBERS && ` and ${numbers.length - SHOWN_NUMBERS} more`}
          </>,
        ],
        [
          'Calls go to',
          receiving.size === 1 && !receiving.has('') ? <span className="tel">{formatPhoneNumber([...receiving][0])}</span> : 'The receiving number set on each row',
        ],
      ],
    },
    {
      step: 'customer',
      rows: [
        ['Customer Name', draft.customerName],
        ['Account number', draft.carrierAccountNumber],
        ['Account PIN', draft.hasPin ? 'Saved (hidden)' : 'Not entered'],
        [
          'Full or partial',
          draft.portType === 'partial' ? (
            <>
              Partial: some numbers stay (billing number <span className="tel">{draft.billingTelephoneNumber ? formatPhoneNumber(draft.billingTelephoneNumber) : '—'}</span>)
            </>
          ) : (
            'Full: every number on the account moves'
          ),
        ],
      ],
    },
    {
      step: 'address',
      rows: [
        ['Billing address', formatBillingAddress(document.billingAddress)],
        ['Service address', document.serviceAddress ? formatBillingAddress(document.serviceAddress) : 'Same as billing address'],
      ],
    },
  ];
  return (
    <section aria-labelledby="check-before-signing" data-testid="check-before-signing" className="mb-8 rounded-md border border-slate-300 p-4">
      <h3 id="check-before-signing" className="font-semibold">
        Check before you sign
      </h3>
      <p className="mt-1 text-sm text-slate-600">
        These must match the current carrier&apos;s bill. Changing any of them after signing voids the signature, so fix them now.
      </p>
      <div className="mt-4 divide-y divide-slate-200">
        {sections.map(({ step, rows }) => {
          const title = WIZARD_STEPS.find((s) => s.key === step)!.title;
          return (
            <div key={step} className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 py-3">
              <dl className="grid min-w-0 flex-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
                {rows.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="font-medium text-slate-700">{label}</dt>
                    <dd className="min-w-0 break-words">{value}</dd>
                  </div>
                ))}
              </dl>
              <a href={`${stepPath(draft.id, step)}?from=loa`} className="inline-block min-h-6 text-sm">
                Change<span className="sr-only"> {title}</span>
              </a>
            </div>
          );
        })}
      </div>
    </section>
  );
}
