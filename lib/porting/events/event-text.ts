import { formatZonedDateTime } from '@/lib/format/zoned-time';
import { STATUS_DESCRIPTIONS } from '../lifecycle/status-labels';
import type { PortRequestStatus } from '../lifecycle/statuses';
import { CHANGE_REASONS, type ChangeReasonCode } from '../review/change-reasons';
import { EVENT_TYPES, isEventType } from './port-request-event';

/** An event as the timelines read it back: its columns, and its payload when it parses. */
export type StoredEvent = {
  type: string;
  toStatus: PortRequestStatus | null;
  /** What a person wrote (a cancel reason), or, on rows from before the typed payloads, the detail itself. */
  reason: string | null;
  data: Record<string, unknown> | null;
  fromStatus?: PortRequestStatus | null;
};

/**
 * The words of a timeline line, worded once for both timelines: the event's label (or the status
 * it moved to) and its detail, derived from the payload (a port date, the reasons asked).
 */
/** `timeZone`: where the reader is (a customer's, from the billing address); times are in UTC without one. */
export function eventText(event: StoredEvent, timeZone?: string): { label: string; detail: string | null } {
  const label =
    event.type === 'status_changed' && event.toStatus
      ? `Status: ${STATUS_DESCRIPTIONS[event.toStatus].label}`
      : isEventType(event.type)
        ? EVENT_TYPES[event.type].label
        : event.type;
  return { label, detail: event.reason ?? derivedDetail(event, timeZone) };
}

function derivedDetail(event: StoredEvent, timeZone?: string): string | null {
  const signer = event.data as { signerName?: string; signerEmail?: string; viaLink?: boolean; resent?: boolean } | null;
  switch (event.type) {
    case 'loa_signature_requested':
      return signer?.signerName ? `${signer.resent ? 'Sent again to' : 'To'} ${signer.signerName} (${signer.signerEmail})` : null;
    case 'loa_signature_revoked':
      return signer?.signerName ? `The link sent to ${signer.signerName} (${signer.signerEmail}) no longer works` : null;
    case 'loa_signed':
      return signer?.viaLink ? `By ${signer.signerName} (${signer.signerEmail}) through the emailed link` : null;
    case 'assignment_changed': {
      const held = event.data as { assigneeName?: string; previousName?: string } | null;
      const was = held?.previousName ? ` (was ${held.previousName})` : '';
      return held?.assigneeName ? `Assigned to ${held.assigneeName}${was}` : `Unassigned${was}`;
    }
  }
  const carrier = carrierDetail(event);
  if (carrier !== undefined) return carrier;
  if (event.type !== 'status_changed' || !event.data) return null;
  const data = event.data as { focDate?: string; reasons?: { code: string }[]; settled?: boolean; changeRequestId?: string; account?: { from: string; to: string } };
  switch (event.toStatus) {
    case 'scheduled':
      if (!data.focDate) return null;
      return `${event.fromStatus === 'scheduled' ? 'Port date changed to' : 'Port date set for'} ${timeZone ? formatZonedDateTime(new Date(data.focDate), timeZone) : `${data.focDate.slice(0, 10)} ${data.focDate.slice(11, 16)} UTC`}`;
    case 'changes_needed':
      return data.reasons?.map((r) => CHANGE_REASONS[r.code as ChangeReasonCode]?.label ?? r.code).join('; ') || null;
    case 'submitted':
      if (event.fromStatus === 'changes_needed') return 'Resubmitted with the requested changes';
      return data.account ? `Sent for ${data.account.to}, the account its numbers will live in (started in ${data.account.from})` : null;
    case 'approved':
      return event.fromStatus === 'changes_needed' ? 'Resubmitted with the requested changes; they go to the carrier' : null;
    case 'cancelled':
      return data.settled ? 'Every number was rejected by the carrier.' : null;
    default:
      return null;
  }
}

/** The team's lines about the carrier order (undefined: not a carrier event). */
function carrierDetail(event: StoredEvent): string | null | undefined {
  const data = (event.data ?? {}) as {
    orders?: { externalId: string }[];
    error?: string;
    exceptions?: { code: string; description?: string }[];
    teamOnly?: string[];
    fields?: string[];
    newLoa?: boolean;
    focAt?: string;
    bestEffort?: boolean;
    externalId?: string;
  };
  switch (event.type) {
    case 'carrier_order_placed':
      return data.orders?.length ? `Carrier order ${data.orders.map((o) => o.externalId).join(', ')}` : null;
    case 'carrier_order_failed':
      return data.error ?? null;
    case 'carrier_exception':
      return (data.exceptions ?? []).map((e) => `${e.code}${e.description ? ` (${e.description})` : ''}${data.teamOnly?.includes(e.code) ? ', for the team' : ''}`).join('; ') || null;
    case 'carrier_order_updated':
      return [data.fields?.length ? `Sent: ${data.fields.join(', ')}` : 'Nothing to change at the carrier', data.newLoa ? 'with the newly signed LOA' : null].filter(Boolean).join(', ');
    case 'carrier_foc_change_requested':
      return data.focAt ? `${data.focAt.slice(0, 10)} ${data.focAt.slice(11, 16)} UTC${data.bestEffort ? ' (within 48 hours of the confirmed date: best effort)' : ''}` : null;
    case 'carrier_order_cancelled':
    case 'carrier_activation_requested':
      return data.externalId ? `Carrier order ${data.externalId}` : null;
    default:
      return undefined;
  }
}
