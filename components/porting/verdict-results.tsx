import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { NumberLinesResult, ShownVerdict } from '@/lib/porting/wizard/numbers/lines-result';

/** The outcome of "Check Portability" or "Add to request": totals, each line's verdict, refused lines to download. */
export function VerdictResults({ requestId, result, after }: { requestId: string; result: NumberLinesResult; after?: ReactNode }) {
  const { summary } = result;
  const carrierColumn = result.carrierCheck === 'answered' || result.verdicts.some((v) => v.currentCarrier);
  const refused = result.verdicts.filter((v) => v.verdict === 'refused');
  const accepted = result.verdicts.filter((v) => v.verdict === 'accepted');
  return (
    <section aria-label="Portability check" className="mt-6 rounded-md border border-slate-200 p-4" data-testid="verdict-results">
      <h4 className="font-semibold">{result.mode === 'added' ? 'Added to the request' : 'Portability check (nothing saved yet)'}</h4>
      <p className="mt-1 text-sm" data-testid="verdict-summary">
        <strong>{summary.accepted}</strong> accepted · <strong>{summary.refused}</strong> refused · {summary.tollFree} toll-free ·{' '}
        {summary.byCountry.US} US · {summary.byCountry.CA} Canada
        {summary.needsAlternateRouting > 0 && ` · ${summary.needsAlternateRouting} need alternate routing`}
      </p>
      {result.carrierCheck === 'unavailable' && (
        <p role="status" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="carrier-unavailable">
          We could not ask the carrier about these numbers just now, so they were checked with our own rules only
          {result.mode === 'added' ? ' and added' : ''}. Nothing else is needed from you: the carrier checks them again when our team submits the request.
        </p>
      )}
      {after}
      {result.mode === 'checked' && result.refused.length > 0 && (
        <form method="post" action={`/numbers/port/${requestId}/numbers/refused-lines`} className="mt-2">
          <input type="hidden" name="refused" value={JSON.stringify(result.refused)} />
          <button type="submit" className="text-sm text-blue-700 underline">
            Download the {result.refused.length} refused lines (CSV) to fix and upload again
          </button>
        </form>
      )}
      {result.mode === 'added' && summary.refused > 0 && (
        <p className="mt-2 text-sm text-slate-700" data-testid="refused-kept-note">
          The {summary.refused === 1 ? 'refused line waits' : `${summary.refused} refused lines wait`} under “Lines to fix” at the top of this step, with {summary.refused === 1 ? 'its reason' : 'their reasons'}.
        </p>
      )}
      {/* Refused lines first (when checking; once added they are under "Lines to fix"); accepted ones folded. */}
      {result.mode === 'checked' && refused.length > 0 && <VerdictTable verdicts={refused} carrierColumn={carrierColumn} />}
      {accepted.length > 0 && (
        <details className="mt-3" open={refused.length === 0 && accepted.length <= 10}>
          <summary className="cursor-pointer text-sm font-medium" data-testid="accepted-summary">
            {accepted.length} {result.mode === 'added' ? 'added' : 'accepted'}
          </summary>
          <VerdictTable verdicts={accepted} carrierColumn={carrierColumn} />
        </details>
      )}
      {result.verdictsTotal > result.verdicts.length && (
        <p className="mt-2 text-xs text-slate-500">
          Showing the first {result.verdicts.length} of {result.verdictsTotal} lines{result.mode === 'checked' ? '; the CSV has every refused line' : ''}.
        </p>
      )}
    </section>
  );
}

function VerdictTable({ verdicts, carrierColumn }: { verdicts: ShownVerdict[]; carrierColumn: boolean }) {
  return (
    <div className="mt-3 max-h-96 overflow-auto">
      <table className="min-w-full text-sm">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1 pr-3">Line</th>
            <th className="pr-3">You entered</th>
            <th className="pr-3">Verdict</th>
            {carrierColumn && <th className="pr-3">Current carrier</th>}
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {verdicts.map((v) => (
            <tr key={`${v.line}-${v.input}`} className="border-t border-slate-100 align-top" data-verdict={v.verdict} data-code={v.code}>
              <td className="py-1 pr-3 text-slate-500">{v.line}</td>
              <td className="pr-3 font-mono whitespace-nowrap">{v.input}</td>
              <td className={`pr-3 font-medium ${v.verdict === 'accepted' ? 'text-green-700' : 'text-red-700'}`}>
                {v.verdict === 'accepted' ? (v.isTollFree ? 'Accepted, toll-free' : 'Accepted') : 'Refused'}
              </td>
              {carrierColumn && (
                <td className="pr-3" data-testid="verdict-carrier">
                  <CarrierFacts verdict={v} />
                </td>
              )}
              <td className="text-slate-700">{v.code === 'ok' ? '' : v.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the carrier said of an accepted line: who serves it today, fast-port, text messaging. */
function CarrierFacts({ verdict }: { verdict: ShownVerdict }) {
  if (verdict.verdict !== 'accepted') return null;
  const facts = [
    verdict.fastPortable ? 'Fast port' : undefined,
    verdict.messagingCapable === true ? 'Text messaging ports too' : verdict.messagingCapable === false ? 'Voice only (no text messaging)' : undefined,
  ].filter(Boolean);
  if (!verdict.currentCarrier && facts.length === 0) return <span className="text-slate-500">Not known yet</span>;
  return (
    <>
      {verdict.currentCarrier ?? <span className="text-slate-500">Not known</span>}
      {facts.length > 0 && <span className="block text-xs text-slate-500">{facts.join(' · ')}</span>}
    </>
  );
}

/**
 * The buttons a number section ends with: check without saving, or add the good lines. `section`
 * names them for the step's one form (`form`), which both sections and "Save and continue" post.
 */
export function NumberFormActions({ before, section, form }: { before?: ReactNode; section?: 'rows' | 'list'; form?: string }) {
  const intent = (what: string) => (section ? `${section}:${what}` : what);
  return (
    <div className="mt-3 flex flex-wrap gap-3">
      {before}
      <button type="submit" name="intent" value={intent('check')} form={form} className={buttonClass('secondary')}>
        Check Portability
      </button>
      {/* Secondary: Save and continue, which adds these too, is the step's one primary button. */}
      <button type="submit" name="intent" value={intent('add')} form={form} className={buttonClass('secondary')}>
        Add to request
      </button>
    </div>
  );
}
