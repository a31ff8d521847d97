'use client';
import { NumberFormActions } from '@/components/porting/verdict-results';
import type { NumbersStepState } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** "Add many numbers from a file or a list": the file, the box and the defaults, in the step's one form (`form`). */
export function NumberList({ state, form, sources, errorOf }: { state: NumbersStepState; form: string; sources: string[]; errorOf: (name: string) => string | undefined }) {
  const value = (k: string) => state?.values?.[k] ?? '';
  const error = (k: string) => (state?.section === 'list' ? errorOf(k) : undefined);
  return (
    <div className="space-y-4">
      {state?.section === 'list' && state.formError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
          {state.formError}
        </p>
      )}
      <p className="text-sm text-slate-600">
        One number per line, in E.164 with the country code (e.g. +14105550000). Columns: number to port, receiving number,
        tracking source, account name; all but the first may be left out. A header row is skipped. Up to 10,000 lines or 5 MB.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm font-medium" htmlFor="file">
          Upload a .csv or .txt file
          <input form={form} id="file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" className={input} />
          {error('file') && <span className="block text-sm text-red-700">{error('file')}</span>}
        </label>
        <label className="text-sm font-medium" htmlFor="pasted">
          Or paste the lines
          <textarea form={form} id="pasted" name="pasted" rows={5} defaultValue={value('pasted')} className={`${input} font-mono`} placeholder={'+14105550000\n+14105550118'} />
          {error('pasted') && <span className="block text-sm text-red-700">{error('pasted')}</span>}
          {value('checkedFile') && !error('pasted') && (
            <span className="block text-sm font-normal text-slate-600" data-testid="checked-file-note">
              The lines of {value('checkedFile')} are here as checked: “Add to request” or “Save and continue” adds them, no need to choose the file again.
            </span>
          )}
          {value('checkedLargeFile') && (
            <span className="block text-sm font-normal text-slate-600" data-testid="checked-file-note">
              {value('checkedLargeFile')} is too large to keep on this page: choose it again, then “Add to request”.
            </span>
          )}
        </label>
      </div>
      <fieldset form={form} className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-xs text-slate-500">For lines that leave them out</legend>
        <label className="text-sm font-medium">
          Forward/Receiving Number
          <input form={form} name="defaultReceivingNumber" defaultValue={value('defaultReceivingNumber')} className={input} inputMode="tel" />
        </label>
        <label className="text-sm font-medium">
          Tracking Source
          {/* key: see SelectField (components/forms/fields.tsx) */}
          <select form={form} key={value('defaultTrackingSource')} name="defaultTrackingSource" defaultValue={value('defaultTrackingSource')} className={input}>
            <option value="">Choose…</option>
            {sources.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <NumberFormActions section="list" form={form} />
    </div>
  );
}
