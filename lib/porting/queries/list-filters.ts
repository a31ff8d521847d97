import { parsePortNumber } from '../wizard/numbers/parse-port-number';
import { REQUEST_STATUSES as STATUSES, type PortRequestStatus } from '../lifecycle/statuses';

/** The list's query string, checked: a status we know, a number in any format people type, a page. */
export function parseListFilters(params: { status?: string; number?: string; page?: string }) {
  const status = STATUSES.includes(params.status as PortRequestStatus) ? (params.status as PortRequestStatus) : undefined;
  const parsed = params.number?.trim() ? parsePortNumber(params.number) : null;
  // Any number that reads as one is looked up, even one that could not be ported here: the list only searches.
  const e164 = parsed?.e164;
  return {
    status,
    e164,
    numberError: parsed && !e164 ? 'Enter a full number, e.g. (410) 555-0100 or +14105550100.' : undefined,
    page: Math.max(1, Math.min(10_000, Number(params.page) || 1)),
  };
}

