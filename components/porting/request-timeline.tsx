import { EVENT_TYPES, isCustomerVisible } from '@/lib/porting/events/port-request-event';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import type { PortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';

type TimelineEvent = PortRequestDetail['events'][number];

/** How the customer's timeline words an event: its label, or the status it moved to. */
export function customerEventText(e: Pick<TimelineEvent, 'type' | 'toStatus' | 'reason' | 'actorName'>): string | null {
  if (!isCustomerVisible(e.type)) return null;
  const label = e.type === 'status_changed' && e.toStatus ? `Status: ${STATUS_DESCRIPTIONS[e.toStatus].label}` : EVENT_TYPES[e.type as keyof typeof EVENT_TYPES].label;
  return `${label}${e.actorName ? ` by ${e.actorName}` : ''}${e.reason ? `: ${e.reason}` : ''}`;
}

/**
 * The customer's timeline of a request. The query already keeps only the events meant for
 * customers; an event of any other type is not shown here either, rather than shown by its code.
 */
export function RequestTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="mt-3 space-y-2 text-sm" data-testid="request-timeline">
      {events.flatMap((e) => {
        const text = customerEventText(e);
        return text
          ? [
              <li key={e.id}>
                <time className="text-slate-500" dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC</time> · {text}
              </li>,
            ]
          : [];
      })}
    </ol>
  );
}
