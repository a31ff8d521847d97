'use client';
import { useActionState } from 'react';
import { NumberFormActions, VerdictResults } from '@/components/porting/verdict-results';
import { buttonClass } from '@/components/ui/button';
import { submitNumberRows } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

export function NumberRowsForm({ requestId, accounts, sources, currentAccount }: { requestId: string; accounts: string[]; sources: string[]; currentAccount: string }) {
  const [state, action] = useActionState(submitNumberRows, null);
  const rowCount = state?.rowCount ?? 3;
  const value = (k: string) => state?.values?.[k] ?? '';
  return (
    <>
    <form action={action} noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      {state?.formError && (
        <p role="alert" className="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="rowCount" value={rowCount} />
      <div className="space-y-3">
        {Array.from({ length: rowCount }, (_, i) => (
          <fieldset key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_1fr_1fr_auto]">
            <legend className="px-1 text-xs text-slate-500">Row {i + 1}</legend>
            <label className="text-xs font-medium">
              Number to Port
              <input name={`rows.${i}.number`} defaultValue={value(`rows.${i}.number`)} className={input} placeholder="+14105550000" inputMode="tel" />
              {state?.fieldErrors?.[`rows.${i}.number`] && <span className="text-red-700">{state.fieldErrors[`rows.${i}.number`][0]}</span>}
            </label>
            <label className="text-xs font-medium">
              Forward/Receiving Number
              <input name={`rows.${i}.receivingNumber`} defaultValue={value(`rows.${i}.receivingNumber`)} className={input} inputMode="tel" />
            </label>
            <label className="text-xs font-medium">
              Tracking Source
              {/* key: see SelectField (components/forms/fields.tsx) */}
              <select key={value(`rows.${i}.trackingSource`)} name={`rows.${i}.trackingSource`} defaultValue={value(`rows.${i}.trackingSource`)} className={input}>
                <option value="">Choose…</option>
                {sources.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="text-xs font-medium">
              Account
              <select key={value(`rows.${i}.accountName`) || currentAccount} name={`rows.${i}.accountName`} defaultValue={value(`rows.${i}.accountName`) || currentAccount} className={input}>
                {accounts.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <button type="submit" name="intent" value={`remove-row:${i}`} className="self-end text-xs text-red-700 underline" aria-label={`Remove row ${i + 1}`}>
              Remove
            </button>
          </fieldset>
        ))}
      </div>
      <NumberFormActions
        before={
          <button type="submit" name="intent" value="add-row" className={buttonClass('secondary')}>
            Add another row
          </button>
        }
      />
    </form>
    {state?.result && <VerdictResults requestId={requestId} result={state.result} />}
    </>
  );
}
