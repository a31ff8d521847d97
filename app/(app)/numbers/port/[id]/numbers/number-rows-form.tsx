'use client';
import { NumberFormActions } from '@/components/porting/verdict-results';
import { buttonClass } from '@/components/ui/button';
import type { NumbersStepState } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** "Add numbers one by one": the rows, each control in the step's one form (`form`). */
export function NumberRows({ state, form, accounts, sources, currentAccount, errorOf }: {
  state: NumbersStepState;
  form: string;
  accounts: string[];
  sources: string[];
  currentAccount: string;
  errorOf: (name: string) => string | undefined;
}) {
  const rowCount = state?.rowCount ?? 3;
  const value = (k: string) => state?.values?.[k] ?? '';
  return (
    <>
      {state?.section === 'rows' && state.formError && (
        <p role="alert" className="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
          {state.formError}
        </p>
      )}
      <div className="space-y-3">
        {Array.from({ length: rowCount }, (_, i) => (
          <fieldset key={i} form={form} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_1fr_1fr_auto]">
            <legend className="px-1 text-xs text-slate-500">Row {i + 1}</legend>
            <label className="text-xs font-medium">
              Number to Port
              <input form={form} name={`rows.${i}.number`} defaultValue={value(`rows.${i}.number`)} className={input} placeholder="(410) 555-0000" inputMode="tel" />
              {errorOf(`rows.${i}.number`) && <span className="text-red-700">{errorOf(`rows.${i}.number`)}</span>}
            </label>
            <label className="text-xs font-medium">
              Forward/Receiving Number
              <input form={form} name={`rows.${i}.receivingNumber`} defaultValue={value(`rows.${i}.receivingNumber`)} className={input} inputMode="tel" />
            </label>
            <label className="text-xs font-medium">
              Tracking Source
              {/* key: see SelectField (components/forms/fields.tsx) */}
              <select form={form} key={value(`rows.${i}.trackingSource`)} name={`rows.${i}.trackingSource`} defaultValue={value(`rows.${i}.trackingSource`)} className={input}>
                <option value="">Choose…</option>
                {sources.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="text-xs font-medium">
              Account
              <select form={form} key={value(`rows.${i}.accountName`) || currentAccount} name={`rows.${i}.accountName`} defaultValue={value(`rows.${i}.accountName`) || currentAccount} className={input}>
                {accounts.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <button form={form} type="submit" name="intent" value={`rows:remove-row:${i}`} className="self-end text-xs text-red-700 underline" aria-label={`Remove row ${i + 1}`}>
              Remove
            </button>
          </fieldset>
        ))}
      </div>
      <NumberFormActions
        section="rows"
        form={form}
        before={
          <button form={form} type="submit" name="intent" value="rows:add-row" className={buttonClass('secondary')}>
            Add another row
          </button>
        }
      />
    </>
  );
}
