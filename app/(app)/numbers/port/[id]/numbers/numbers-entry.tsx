'use client';
import { BackToLetterInput, saveLabel } from '@/components/porting/back-to-letter';
import { useActionState, useState, type FormEvent, type ReactNode } from 'react';
import { VerdictResults } from '@/components/porting/verdict-results';
import { buttonClass } from '@/components/ui/button';
import type { NumberLinesResult } from '@/lib/porting/wizard/numbers/lines-result';
import { SuggestedCarrier } from '../carrier/suggested-carrier';
import { submitNumbersStep, type NumbersStepState } from './actions';
import { NumberList } from './number-file-form';
import { LinesToFix, type ShownLineToFix } from './lines-to-fix-form';
import { NumberRows } from './number-rows-form';
import { RoutingSection, type ForwardingRow } from './step-forms';

const FORM_ID = 'numbers-entry';

/**
 * The numbers step's entry: the lines to fix, the routing, the rows, the file or list, and "Save and
 * continue", all one form (its controls join it by the form attribute, so each section's results
 * and their download forms can sit between them). With JavaScript off it posts to the same server
 * action. A field's message goes once the field is changed; the form's own, once every field it
 * names is.
 */
export function NumbersEntry({ requestId, accounts, sources, currentAccount, tooLarge, carrier, forwarding, linesToFix, backToLetter = false, children }: {
  requestId: string;
  backToLetter?: boolean;
  forwarding: ForwardingRow[];
  linesToFix: { lines: ShownLineToFix[]; total: number };
  accounts: string[];
  sources: string[];
  currentAccount: string;
  tooLarge: boolean;
  /** For the suggestion after a check: step 2's saved date, whether the letter is signed, the page's own suggestion. */
  carrier: { requestedPortDate: string; signed: boolean; canEdit: boolean; shown: string | null };
  children?: ReactNode;
}) {
  const [state, action, pending] = useActionState(submitNumbersStep, null);
  // The fields changed since the last answer: their messages are stale.
  const [edited, setEdited] = useState<{ after: NumbersStepState; names: Set<string> }>({ after: null, names: new Set() });
  const changed = edited.after === state ? edited.names : new Set<string>();
  const onEdit = (event: FormEvent) => {
    const name = (event.target as HTMLInputElement).name;
    if (name && !changed.has(name)) setEdited({ after: state, names: new Set([...changed, name]) });
  };
  const errorOf = (name: string) => (changed.has(name) ? undefined : state?.fieldErrors?.[name]?.[0]);
  const named = Object.keys(state?.fieldErrors ?? {});
  const formErrorStale = named.length > 0 && named.every((name) => changed.has(name));
  const shown = state && !formErrorStale ? state : state && { ...state, formError: undefined };
  const valueOf = (name: string, saved: string) => state?.values?.[name] ?? saved;
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
    <div onChange={onEdit}>
      <form id={FORM_ID} action={action} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="rowCount" value={state?.rowCount ?? 3} />
        <BackToLetterInput on={backToLetter} />
      </form>
      <SectionError state={shown} section="fix" />
      <LinesToFix
        requestId={requestId}
        lines={linesToFix.lines}
        total={linesToFix.total}
        form={FORM_ID}
        accounts={accounts}
        sources={sources}
        valueOf={valueOf}
        result={state?.section === 'fix' ? state.fixResult : undefined}
        message={state?.section === 'fix' && state.ok ? state.message : undefined}
      />
      <SectionError state={shown} section="routing" />
      <RoutingSection forwarding={forwarding} form={FORM_ID} valueOf={valueOf} errorOf={errorOf} />
      <section className="mt-8">
        <h3 className="font-semibold">Add numbers one by one</h3>
        <div className="mt-3">
          <NumberRows state={shown} form={FORM_ID} accounts={accounts} sources={sources} currentAccount={currentAccount} errorOf={errorOf} />
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
          <NumberList state={shown} form={FORM_ID} sources={sources} errorOf={errorOf} />
        </div>
        {results(state?.listResult)}
      </section>
      {children}
      <div className="mt-8 border-t border-slate-200 pt-6">
        {shown?.section === 'continue' && !shown.ok && shown.formError && (
          <div role="alert" className="mb-6 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="continue-error">
            <p className="font-medium">{shown.formError}</p>
          </div>
        )}
        <p className="mb-3 text-sm text-slate-600">
          {saveLabel(backToLetter)} saves everything on this page: the lines to fix as corrected, the routing, and the numbers typed in the rows or the list above (or a file chosen).
        </p>
        <button form={FORM_ID} type="submit" name="intent" value="continue" className={buttonClass()} disabled={pending} aria-disabled={pending}>
          {pending ? 'Checking…' : saveLabel(backToLetter)}
        </button>
      </div>
    </div>
  );
}

/** A section's own message (the lines to fix, the routing), above it. */
function SectionError({ state, section }: { state: NumbersStepState; section: 'fix' | 'routing' }) {
  if (state?.section !== section || !state.formError) return null;
  return (
    <p role="alert" className="mt-6 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
      {state.formError}
    </p>
  );
}
