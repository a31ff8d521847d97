import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { NumberLinesResult } from '@/lib/porting/wizard/numbers/lines-result';

/** The outcome of "Check Portability" or "Add to request": totals, each line's verdict, refused lines to download. */
export function VerdictResults({ requestId, result }: { requestId: string; result: NumberLinesResult }) {
  const { summary } = result;
  return (
    <section aria-label="Portability check" className="mt-6 rounded-md border border-slate-200 p-4" data-testid="verdict-results">
      <h4 className="font-semibold">{result.mode === 'added' ? 'Added to the request' : 'Portability check (nothing saved yet)'}</h4>
      <p className="mt-1 text-sm" data-testid="verdict-summary">
        <strong>{summary.accepted}</strong> accepted · <strong>{summary.refused}</strong> refused · {summary.tollFree} toll-free ·{' '}
        {summary.byCountry.US} US · {summary.byCountry.CA} Canada
        {summary.needsAlternateRouting > 0 && ` · ${summary.needsAlternateRouting} need alternate routing`}
      </p>
      {result.refused.length > 0 && (
        <form method="post" action={`/numbers/port/${requestId}/numbers/refused-lines`} className="mt-2">
          <input type="hidden" name="refused" value={JSON.stringify(result.refused)} />
          <button type="submit" className="text-sm text-blue-700 underline">
            Download the {result.refused.length} refused lines (CSV) to fix and upload again
          </button>
        </form>
      )}
      <div className="mt-3 max-h-96 overflow-y-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="py-1 pr-3">Line</th>
              <th className="pr-3">You entered</th>
              <th className="pr-3">Verdict</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {result.verdicts.map((v) => (
              <tr key={`${v.line}-${v.input}`} className="border-t border-slate-100 align-top" data-verdict={v.verdict} data-code={v.code}>
                <td className="py-1 pr-3 text-slate-500">{v.line}</td>
                <td className="pr-3 font-mono">{v.input}</td>
                <td className={`pr-3 font-medium ${v.verdict === 'accepted' ? 'text-green-700' : 'text-red-700'}`}>
                  {v.verdict === 'accepted' ? (v.isTollFree ? 'Accepted, toll-free' : 'Accepted') : 'Refused'}
                </td>
                <td className="text-slate-700">{v.code === 'ok' ? '' : v.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.verdictsTotal > result.verdicts.length && (
          <p className="mt-2 text-xs text-slate-500">
            Showing the first {result.verdicts.length} of {result.verdictsTotal} lines; the CSV has every refused line.
          </p>
        )}
      </div>
    </section>
  );
}

/** The buttons both number forms end with: check without saving, or add the good lines. */
export function NumberFormActions({ before }: { before?: ReactNode }) {
  return (
    <div className="mt-3 flex flex-wrap gap-3">
      {before}
      <button type="submit" name="intent" value="check" className={buttonClass('secondary')}>
        Check Portability
      </button>
      <button type="submit" name="intent" value="add" className={buttonClass()}>
        Add to request
      </button>
    </div>
  );
}
