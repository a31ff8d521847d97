import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import { REQUEST_STATUSES as STATUSES, type PortRequestStatus } from '@/lib/porting/lifecycle/statuses';

export { parseListFilters } from '@/lib/porting/queries/list-filters';

/** A GET form: filtering is navigation, so it works without JavaScript and the URL can be shared. */
export function ListFilters({ status, number, numberError }: { status?: PortRequestStatus; number: string; numberError?: string }) {
  return (
    <form method="get" action="/numbers/port" className="mt-6 flex flex-wrap items-end gap-3 text-sm" role="search">
      <label className="font-medium">
        Status
        <select name="status" defaultValue={status ?? ''} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5">
          <option value="">All</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_DESCRIPTIONS[s].label}
            </option>
          ))}
        </select>
      </label>
      <label className="font-medium">
        Number
        <input name="number" defaultValue={number} inputMode="tel" placeholder="(410) 555-0100" aria-invalid={!!numberError} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <button type="submit" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100">Filter</button>
      {numberError && <p className="w-full text-red-700">{numberError}</p>}
    </form>
  );
}

export function StatusLegend() {
  return (
    <details className="mt-6 text-sm">
      <summary className="cursor-pointer text-slate-700">What the statuses mean</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {STATUSES.map((s) => (
          <div key={s} className="contents">
            <dt className="font-medium">{STATUS_DESCRIPTIONS[s].label}</dt>
            <dd className="text-slate-600">{STATUS_DESCRIPTIONS[s].explanation}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
