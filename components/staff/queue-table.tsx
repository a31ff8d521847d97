'use client';

/** One queue row as shown: every cell already worded by the server, so the browser formats nothing. */
export type QueueTableRow = {
  id: string;
  /** The version the bulk form sends back, so a row changed since the page loaded is refused, not overwritten. */
  version: number;
  name: string;
  reference: string;
  inStatus: string;
  /** Why the row is past the desk's target, or null when it is not. */
  pastTarget: string | null;
  status: string;
  accountName: string;
  losingCarrier: string;
  numberGroup: string;
  numberCount: number;
  portDate: string;
  assignee: string;
  canAssign: boolean;
};

/**
 * The queue's rows, rendered from plain data on the server and hydrated here. As a client component
 * the page carries the rows once as data (not as a second copy of their markup in React's payload) and
 * the server renders them once: the queue's 50 rows were most of its render time. The checkboxes and
 * buttons join the page's bulk and assign forms by id (`form=`), so everything still posts without
 * JavaScript.
 */
export function QueueTable({ rows, bulkForm, assignForm }: { rows: QueueTableRow[]; bulkForm: string; assignForm: string }) {
  return (
    <div className="mt-4 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full text-sm [&_td]:px-3 [&_td]:py-2" data-testid="queue">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2"><span className="sr-only">Select</span></th>
            <th className="px-3 py-2">In status</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Account</th><th className="px-3 py-2">Customer</th>
            <th className="px-3 py-2">Carrier</th><th className="px-3 py-2">Type</th><th className="px-3 py-2">Numbers</th><th className="px-3 py-2">Port date</th>
            <th className="px-3 py-2">Assigned</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-request-id={r.id} className={r.pastTarget ? 'bg-amber-50' : undefined}>
              <td><input type="checkbox" name="picked" value={`${r.id}:${r.version}`} form={bulkForm} aria-label={`Select ${r.name}`} /></td>
              <td className="whitespace-nowrap">
                {r.inStatus}
                {r.pastTarget && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-900" title={r.pastTarget}>Past target</span>}
              </td>
              <td>{r.status}</td>
              <td>{r.accountName}</td>
              <td><a href={`/staff/requests/${r.id}`}>{r.name}</a> <span className="tel font-mono text-xs text-slate-500">{r.reference}</span></td>
              <td>{r.losingCarrier}</td>
              <td>{r.numberGroup}</td>
              <td>{r.numberCount}</td>
              <td>{r.portDate}</td>
              <td className="whitespace-nowrap">
                {r.assignee}
                {r.canAssign && <button type="submit" form={assignForm} name="requestId" value={r.id} className="ml-2 text-blue-700 underline">Assign to me</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
