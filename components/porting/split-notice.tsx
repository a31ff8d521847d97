import type { Queryable } from '@/db/client';
import type { PortRequest } from '@/lib/porting/port-request-access';
import { getCarrierView, type CarrierView } from '@/lib/porting/wizard/numbers/carrier-view';
import { PORT_WINDOWS } from '@/lib/porting/promises';

const GROUP_WORDS = { us_local: 'US local', ca_local: 'Canadian', toll_free: 'toll-free' } as const;

/**
 * Before submitting (numbers step, last step): the request goes as several linked requests when its
 * numbers are in several groups or with several carriers (lib/porting/submission/plan-split.ts).
 */
export function SplitNotice({ parts }: { parts: CarrierView['parts'] }) {
  if (parts.length < 2) return null;
  const groups = new Set(parts.map((p) => p.group)).size;
  const carriers = new Set(parts.map((p) => p.losingCarrier ?? '')).size;
  const why = [
    groups > 1 ? 'carriers port US local, Canadian and toll-free numbers separately' : undefined,
    carriers > 1 ? "each carrier the numbers are with today (by the carrier's records) takes its own request" : undefined,
  ].filter(Boolean);
  return (
    <div className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="split-notice">
      <p>
        When you submit, this request goes as <strong>{parts.length} linked requests</strong>
        {carriers > 1 ? ', one per carrier' : ', one per group'}: {why.join(', and ')}. Each has its own timeline
        {groups > 1 && ` (US ${PORT_WINDOWS.us.label}, Canada ${PORT_WINDOWS.ca.label})`}.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {parts.map((p) => (
          <li key={`${p.group}:${p.losingCarrier ?? ''}`}>
            {p.count} {GROUP_WORDS[p.group]} {p.count === 1 ? 'number' : 'numbers'}
            {p.losingCarrier ? ` with ${p.losingCarrier}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The notice for a page that has the draft but not its carrier view (the last step). Only a draft splits. */
export async function DraftSplitNotice({ db, draft }: { db: Queryable; draft: Pick<PortRequest, 'id' | 'losingCarrier' | 'status'> }) {
  if (draft.status !== 'draft') return null;
  return <SplitNotice parts={(await getCarrierView(db, draft)).parts} />;
}
