import type { Queryable } from '@/db/client';
import type { PortRequest } from '@/lib/porting/port-request-access';
import { getCarrierView, type CarrierView } from '@/lib/porting/wizard/numbers/carrier-view';
import { PORT_WINDOWS } from '@/lib/porting/promises';

const GROUP_WORDS = { us_local: 'US local', ca_local: 'Canadian', toll_free: 'toll-free' } as const;

/**
 * Before submitting (numbers step, letter, last step): the request goes as several linked requests
 * when its numbers are in several groups, with several carriers or for several accounts
 * (lib/porting/submission/plan-split.ts); and a request for a client's numbers goes to the client.
 */
export function SplitNotice({ parts, ownAccountId }: { parts: CarrierView['parts']; ownAccountId: string }) {
  const accounts = [...new Map(parts.flatMap((p) => (p.account ? [[p.account.id, p.account.name] as const] : []))).entries()];
  if (parts.length < 2) {
    const only = accounts[0];
    if (!only || only[0] === ownAccountId) return null;
    return (
      <p className="mt-2 rounded-md bg-sky-50 p-3 text-sm text-sky-900 ring-1 ring-sky-200" data-testid="account-notice">
        These numbers will live in <strong>{only[1]}</strong>, so the request is {only[1]}&apos;s once you send it: it shows in{' '}
        {only[1]}&apos;s Port Numbers list, and its users can follow it and receive its updates.
      </p>
    );
  }
  const groups = new Set(parts.map((p) => p.group)).size;
  const carriers = new Set(parts.map((p) => p.losingCarrier ?? '')).size;
  const why = [
    groups > 1 ? 'carriers port US local, Canadian and toll-free numbers separately' : undefined,
    carriers > 1 ? "each carrier the numbers are with today (by the carrier's records) takes its own request" : undefined,
    accounts.length > 1 ? "each account the numbers will live in gets its own request, which that account's users follow" : undefined,
  ].filter(Boolean);
  const per = [groups > 1 && 'group', carriers > 1 && 'carrier', accounts.length > 1 && 'account'].filter(Boolean).join(' and ');
  return (
    <div className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="split-notice">
      <p>
        When you submit, this request goes as <strong>{parts.length} linked requests</strong>, one per {per}: {why.join(', and ')}. Each has its
        own timeline{groups > 1 && ` (US ${PORT_WINDOWS.us.label}, Canada ${PORT_WINDOWS.ca.label})`}.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {parts.map((p) => (
          <li key={`${p.group}:${p.losingCarrier ?? ''}:${p.account?.id ?? ''}`}>
            {p.count} {GROUP_WORDS[p.group]} {p.count === 1 ? 'number' : 'numbers'}
            {p.losingCarrier && (carriers > 1 || groups > 1) ? ` with ${p.losingCarrier}` : ''}
            {accounts.length > 1 && p.account ? ` for ${p.account.name}` : ''}
          </li>
        ))}
      </ul>
      {accounts.length > 1 && (
        <p className="mt-2 font-medium" data-testid="mixed-accounts-warning">
          One Letter of Authorization covers all of them, and each of {accounts.map(([, name]) => name).sort((a, b) => a.localeCompare(b)).join(' and ')} sees that letter with
          every number on it. If these numbers are on different bills, or these accounts should not see each other&apos;s numbers, make a
          separate request from each account instead.
        </p>
      )}
    </div>
  );
}

/** The notice for a page that has the draft but not its carrier view (the letter, the last step). Only a draft splits. */
export async function DraftSplitNotice({ db, draft }: { db: Queryable; draft: Pick<PortRequest, 'id' | 'losingCarrier' | 'status' | 'accountId'> }) {
  if (draft.status !== 'draft') return null;
  return <SplitNotice parts={(await getCarrierView(db, draft)).parts} ownAccountId={draft.accountId} />;
}
