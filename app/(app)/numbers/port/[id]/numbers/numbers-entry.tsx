'use client';
import { useActionState, type ReactNode } from 'react';
import { VerdictResults } from '@/components/porting/verdict-results';
import { buttonClass } from '@/components/ui/button';
import type { NumberLinesResult } from '@/lib/porting/wizard/numbers/lines-result';
import { SuggestedCarrier } from '../carrier/suggested-carrier';
import { submitNumbersStep } from './actions';
import { NumberList } from './number-file-form';
import { NumberRows } from './number-rows-form';

const FORM_ID = 'numbers-entry';

/**
 * The numbers step's entry: the rows, the file or list, and "Save and continue", all one form (its
 * controls join it by the form attribute, so each section's results and their download form can
 * sit between them). With JavaScript off it posts to the same server action.
 */
export function NumbersEntry({ requestId, accounts, sources, currentAccount, tooLarge, carrier, children }: {
  requestId: string;
  accounts: string[];
  sources: string[];
  currentAccount: string;
  tooLarge: boolean;
  /** For the suggestion after a check: step 2's saved date, whether the letter is signed, the page's own suggestion. */
  carrier: { requestedPortDate: string; signed: boolean; canEdit: boolean; shown: string | null };
  children?: ReactNode;
}) {
  const [state, action, pending] = useActionState(submitNumbersStep, null);
  const results = (result: NumberLinesResult | undefined) =>
    result && (
      <VerdictResults
        requestId={requestId}
        result={result}
        after={
          // After an add the page itself suggests it (from the saved numbers); after a check, here.
          result.mode === 'checked' && result.suggestedCarrier && result.suggestedCarrier !== carrier.shown && carrier.canEdit ? (
            <SuggestedCarrier requestId={requestId} suggestion={result.suggestedCarrier} requestedPortDate={carrier.requestedPortDate} signed={carrier.signed} />
          ) : undefined
        }
      />
    );
  return (
    <>
      <form id={FORM_ID} action={action} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="rowCount" value={state?.rowCount ?? 3} />
      </form>
      <section className="mt-8">
        <h3 className="font-semibold">Add numbers one by one</h3>
        <div className="mt-3">
          <NumberRows state={state} form={FORM_ID} accounts={accounts} sources={sources} currentAccount={currentAccount} />
        </div>
        {results(state?.rowsResult)}
      </section>
      <section className="mt-8">
        <h3 className="font-semibold">Add many numbers from a file or a list</h3>
        {tooLarge && (
          // Set by proxy.ts when a post was too large to receive at all.
          <p role="alert" className="mt-2 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
            That file was too large to receive. A list of numbers takes up to 5 MB (10,000 lines): split it and add the parts one at a time.
          </p>
        )}
        <div className="mt-3">
          <NumberList state={state} form={FORM_ID} sources={sources} />
        </div>
        {results(state?.listResult)}
      </section>
      {children}
      <div className="mt-8 border-t border-slate-200 pt-6">
        {state?.section === 'continue' && !state.ok && (
          <div role="alert" className="mb-6 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="continue-error">
            <p className="font-medium">{state.formError}</p>
          </div>
        )}
        <p className="mb-3 text-sm text-slate-600">Numbers typed in the rows or the list above (or a file chosen) are added when you continue.</p>
        <button form={FORM_ID} type="submit" name="intent" value="continue" className={buttonClass()} disabled={pending} aria-disabled={pending}>
          {pending ? 'Checking…' : 'Save and continue'}
        </button>
      </div>
    </>
  );
}
