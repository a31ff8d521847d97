'use client';
import { buttonClass } from '@/components/ui/button';
import type { NumberLinesResult } from '@/lib/porting/wizard/numbers/lines-result';

/** A kept line as the page edits it (what the user typed, and why it was refused). */
export type ShownLineToFix = {
  id: string;
  origin: string;
  numberToPort: string;
  receivingNumber: string;
  trackingSource: string;
  accountName: string;
  reason: string;
};

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/**
 * "Lines to fix": the refused lines kept on the draft, first on the page, each editable beside its
 * reason, in the step's one form (`form`). Save and continue (or "Add the corrected lines") tries
 * them again; "Dismiss" gives one up.
 */
export function LinesToFix({ requestId, lines, total, form, accounts, sources, valueOf, result, message }: {
  requestId: string;
  lines: ShownLineToFix[];
  total: number;
  form: string;
  accounts: string[];
  sources: string[];
  valueOf: (name: string, saved: string) => string;
  /** What the last "Add the corrected lines" did, if it was the last thing done. */
  result?: NumberLinesResult;
  message?: string;
}) {
  if (total === 0) {
    return message || result ? (
      <p role="status" className="mt-6 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200" data-testid="lines-to-fix-done">
        {result ? `${result.summary.accepted === 1 ? 'The corrected line was' : `All ${result.summary.accepted} corrected lines were`} added to the request.` : message}
      </p>
    ) : null;
  }
  // The CSV's Line column names where each came from ("clinic.csv, line 14").
  const csv = JSON.stringify(lines.map((l) => ({ line: l.origin, numberToPort: l.numberToPort, receivingNumber: l.receivingNumber || undefined, trackingSource: l.trackingSource || undefined, accountName: l.accountName || undefined, reason: l.reason })));
  return (
    <section className="mt-6 rounded-md border border-red-200 bg-red-50/40 p-4" aria-labelledby="lines-to-fix-title" data-testid="lines-to-fix">
      <h3 id="lines-to-fix-title" className="font-semibold">
        Lines to fix <span className="font-normal text-slate-600">({total})</span>
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {total === 1 ? 'This line was' : 'These lines were'} not added. Correct {total === 1 ? 'it' : 'each one'} beside its reason and choose Save and continue, or dismiss what you do not want to port. They stay here until then, even if you leave.
      </p>
      {(message || result) && (
        <p role="status" className="mt-2 text-sm text-slate-800" data-testid="lines-to-fix-status">
          {result ? `${result.summary.accepted} added; ${result.summary.refused} still ${result.summary.refused === 1 ? 'needs' : 'need'} a fix.` : message}
        </p>
      )}
      <div className="mt-3 space-y-3">
        {lines.map((l) => {
          const name = (field: string) => `fix.${l.id}.${field}`;
          const reasonId = `fix-${l.id}-reason`;
          return (
            <fieldset key={l.id} form={form} className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_1fr_1fr_1fr_auto]" aria-describedby={reasonId}>
              <legend className="px-1 text-xs text-slate-600">{l.origin}</legend>
              <p id={reasonId} className="text-sm text-red-800 sm:col-span-5" data-testid="line-to-fix-reason">
                {l.reason}
              </p>
              <label className="text-xs font-medium">
                Number to Port
                <input form={form} name={name('number')} defaultValue={valueOf(name('number'), l.numberToPort)} className={`${input} font-mono`} inputMode="tel" />
              </label>
              <label className="text-xs font-medium">
                Forward/Receiving Number
                <input form={form} name={name('receivingNumber')} defaultValue={valueOf(name('receivingNumber'), l.receivingNumber)} className={`${input} font-mono`} inputMode="tel" />
              </label>
              <label className="text-xs font-medium">
                Tracking Source
                <Choice form={form} name={name('trackingSource')} value={valueOf(name('trackingSource'), l.trackingSource)} options={sources} blank="Choose…" />
              </label>
              <label className="text-xs font-medium">
                Account
                <Choice form={form} name={name('accountName')} value={valueOf(name('accountName'), l.accountName)} options={accounts} blank="This request's account" />
              </label>
              <button form={form} type="submit" name="intent" value={`fix:dismiss:${l.id}`} className="self-end text-xs text-red-700 underline" aria-label={`Dismiss ${l.origin}`}>
                Dismiss
              </button>
            </fieldset>
          );
        })}
      </div>
      {total > lines.length && (
        <p className="mt-2 text-sm text-slate-600">
          Showing the first {lines.length} of {total}: the next ones appear as these are fixed or dismissed.
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button form={form} type="submit" name="intent" value="fix:add" className={buttonClass('secondary')}>
          Add the corrected lines
        </button>
        <button form={form} type="submit" name="intent" value="fix:dismiss-all" className="text-sm text-red-700 underline">
          Dismiss all {total}
        </button>
      </div>
      <form method="post" action={`/numbers/port/${requestId}/numbers/refused-lines`} className="mt-2">
        <input type="hidden" name="refused" value={csv} />
        <button type="submit" className="text-sm text-blue-700 underline">
          Download {lines.length === 1 ? 'this line' : `these ${lines.length} lines`} (CSV) to fix in a spreadsheet
        </button>
      </form>
    </section>
  );
}

/** A choice that keeps a typed value the list does not hold (e.g. a tracking source that does not exist), so it is visibly what was refused. */
function Choice({ form, name, value, options, blank }: { form: string; name: string; value: string; options: string[]; blank: string }) {
  const unknown = value && !options.includes(value);
  return (
    // key: see SelectField (components/forms/fields.tsx)
    <select form={form} key={value} name={name} defaultValue={value} className={input}>
      <option value="">{blank}</option>
      {unknown && <option value={value}>{value} (not found)</option>}
      {options.map((o) => (
        <option key={o}>{o}</option>
      ))}
    </select>
  );
}
