import 'server-only';
import { REQUEST_STATUSES, type PortRequestStatus } from '../lifecycle/statuses';
import { parsePortNumber } from '../wizard/numbers/parse-port-number';

/** Every status the console can show: all but drafts (the customer's own until sent). */
export const CONSOLE_STATUSES: readonly PortRequestStatus[] = REQUEST_STATUSES.filter((s) => s !== 'draft');
export const NUMBER_GROUPS = ['us_local', 'ca_local', 'toll_free'] as const;

/** What the desk typed in the search box, read every way it could be meant. */
export type QueueSearch = {
  text: string;
  /** The text as a phone number, in E.164, when it reads as one ((410) 555-0110, 1-410-555-0110...). */
  e164?: string;
  /** A full request id. */
  requestId?: string;
  /** The id's first 8 hex digits (what the console showed before references). */
  shortId?: string;
  /** The request's reference (PR-2026-0142), however it was typed: "pr 2026 142", "PR-2026-0142". */
  reference?: string;
};

export type QueueFilters = {
  search?: QueueSearch;
  status?: PortRequestStatus;
  group?: (typeof NUMBER_GROUPS)[number];
  carrier?: string;
  account?: string;
  assignee?: 'mine' | 'unassigned';
  pastTarget?: boolean;
  page?: number;
};

export type QueueParams = { q?: string; status?: string; group?: string; carrier?: string; account?: string; assignee?: string; past?: string; page?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHORT_ID = /^#?([0-9a-f]{8})$/i;
const REFERENCE = /^PR[\s-]*(\d{4})[\s-]*(\d{1,9})$/i;

/** The short form of a request id the console shows and the search finds. */
export const shortRequestId = (id: string) => id.slice(0, 8);

/**
 * What a person could have typed: control characters (a NUL cannot even be sent to PostgreSQL)
 * become spaces, and 200 characters is more than any name or number.
 */
const typed = (value: string | undefined) => (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200);

export function parseQueueSearch(input: string | undefined): QueueSearch | undefined {
  const text = typed(input);
  if (!text) return undefined;
  return {
    text,
    // A number outside the US and Canada is still read (e164 on the refusal): the search only looks it up.
    e164: parsePortNumber(text).e164,
    requestId: UUID.test(text) ? text.toLowerCase() : undefined,
    shortId: SHORT_ID.exec(text)?.[1].toLowerCase(),
    reference: referenceOf(text),
  };
}

/** "pr 2026 142" -> "PR-2026-0142": the reference as the database writes it (at least 4 digits). */
function referenceOf(text: string): string | undefined {
  const match = REFERENCE.exec(text);
  if (!match) return undefined;
  const n = String(Number(match[2]));
  return `PR-${match[1]}-${n.padStart(4, '0')}`;
}

/** The queue's query string, checked (the page and its CSV export read the same one). */
export function parseQueueFilters(params: QueueParams): QueueFilters {
  const one = (value: string | undefined) => typed(value) || undefined;
  return {
    search: parseQueueSearch(params.q),
    status: CONSOLE_STATUSES.includes(params.status as PortRequestStatus) ? (params.status as PortRequestStatus) : undefined,
    group: NUMBER_GROUPS.includes(params.group as QueueFilters['group'] & string) ? (params.group as QueueFilters['group']) : undefined,
    carrier: one(params.carrier),
    account: one(params.account),
    assignee: params.assignee === 'mine' || params.assignee === 'unassigned' ? params.assignee : undefined,
    pastTarget: params.past === '1',
    page: Math.max(1, Math.min(10_000, Math.floor(Number(params.page)) || 1)),
  };
}

/** The filters back as a query string (for paging links, the export link and going back after an action). */
export function queueQueryString(filters: QueueFilters, page = filters.page ?? 1): string {
  const entries: [string, string | undefined][] = [
    ['q', filters.search?.text],
    ['status', filters.status],
    ['group', filters.group],
    ['carrier', filters.carrier],
    ['account', filters.account],
    ['assignee', filters.assignee],
    ['past', filters.pastTarget ? '1' : undefined],
    ['page', page > 1 ? String(page) : undefined],
  ];
  return new URLSearchParams(entries.filter((e): e is [string, string] => !!e[1])).toString();
}
