'use client';

import { Fragment } from 'react';
import { NotesBubble } from './notes-bubble';

/** One row of the Port Numbers list as shown: every cell already worded by the server, so the browser formats nothing. */
export type PortRequestsTableRow = {
  id: string;
  status: string;
  /** The status's label, with the signature's state while the LOA waits on someone. */
  statusLabel: string;
  /** When an untouched draft is removed, as a date and its words. */
  removeOn: { iso: string; label: string } | null;
  numberCount: number;
  /** The first numbers, formatted; `more` when the request holds others. */
  firstNumbers: string[];
  more: boolean;
  accountName: string;
  losingCarrier: string;
  submitted: string;
  portDate: string;
  expectedBy: string;
  /** Null for a draft: the notes thread opens once the request is submitted. */
  notes: { count: number; unread: boolean } | null;
  /** Where a draft resumes; null for a submitted request (its page). */
  resumeHref: string | null;
};

/**
 * The list's rows, rendered from plain data on the server and hydrated here, as the staff queue's
 * are: the page carries the rows once as data rather than a second copy of their markup in React's
 * payload, and the server renders them once. Every cell is a link or text, so the list works the
 * same without JavaScript.
 */
export function PortRequestsTable({ rows, showAccount }: { rows: PortRequestsTableRow[]; showAccount: boolean }) {
  return (
    // What repeats on every row is said once: the cells' padding on the table, the statuses' meanings in the legend below it.
    <div className="mt-6 overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="stack-table min-w-full text-sm [&_td]:px-4 [&_td]:py-3 [&_td]:whitespace-nowrap" data-testid="port-requests">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-4 py-3 font-medium">Status</th>
            <th className="px-4 py-3 font-medium">Numbers</th>
            {showAccount && <th className="px-4 py-3 font-medium">Account</th>}
            <th className="px-4 py-3 font-medium">Current carrier</th>
            <th className="px-4 py-3 font-medium">Submitted</th>
            <th className="px-4 py-3 font-medium">Port date</th>
            <th className="px-4 py-3 font-medium">Expected by</th>
            <th className="px-4 py-3 font-medium">Notes</th>
            <th className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <td className="whitespace-normal">
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{r.statusLabel}</span>
                {r.removeOn && (
                  <p className="mt-1 text-xs text-amber-800">
                    Unchanged for weeks: removed on <time dateTime={r.removeOn.iso}>{r.removeOn.label}</time> unless kept
                  </p>
                )}
              </td>
              <td className="min-w-48 whitespace-normal" data-label="Numbers">
                <span className="font-medium">{r.numberCount}</span>{' '}
                <span className="font-mono text-xs text-slate-600">
                  {r.firstNumbers.map((n, i) => (
                    <Fragment key={n}>
                      {i > 0 && ', '}
                      <span className="tel">{n}</span>
                    </Fragment>
                  ))}
                  {r.more ? ', …' : ''}
                </span>
              </td>
              {showAccount && <td data-label="Account">{r.accountName}</td>}
              <td data-label="Current carrier">{r.losingCarrier}</td>
              <td data-label="Submitted">{r.submitted}</td>
              <td data-label="Port date">{r.portDate}</td>
              <td data-label="Expected by">{r.expectedBy}</td>
              <td>{r.notes && <NotesBubble requestId={r.id} count={r.notes.count} unread={r.notes.unread} />}</td>
              <td className="text-right whitespace-nowrap">
                {r.resumeHref ? (
                  <div className="flex justify-end gap-3">
                    <a href={r.resumeHref}>Resume</a>
                    {/* Asks first, naming what the draft holds. */}
                    <a href={`/numbers/port/${r.id}/discard`} className="text-red-700">
                      Discard
                    </a>
                  </div>
                ) : (
                  <a href={`/numbers/port/${r.id}`}>View</a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
