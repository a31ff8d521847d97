import { parsePortNumber } from '../wizard/numbers/parse-port-number';
import { REQUEST_STATUSES as STATUSES, type PortRequestStatus } from '../lifecycle/statuses';

/** The list's query string, checked: a status we know, a number in any format people type, a page. */
export function parseListFilters(params: { status?: string; number?: string; page?: string }) {
  const status = STATUSES.includes(params.status as PortRequestStatus) ? (params.status as PortRequestStatus) : undefined;
  const parsed = params.number?.trim() ? parsePortNumber(params.number) : null;
  return {
    status,
    e164: parsed?.ok ? parsed.e164 : undefined,
    numberError: parsed && !parsed.ok ? 'Enter a full number, e.g. (410) 555-0100 or +14105550100.' : undefined,
    page: Math.max(1, Math.min(10_000, Number(params.page) || 1)),
  };
}

