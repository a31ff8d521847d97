import { ZonedTime } from './zoned-time';
import type { TimelineEvent } from '@/lib/porting/events/read-events';
import { isCustomerVisible } from '@/lib/porting/events/port-request-event';

/** A line of the customer's timeline: the event's words (lib/porting/events/event-text), by whom. */
export function customerEventText(e: Pick<TimelineEvent, 'type' | 'label' | 'detail' | 'actorName'>): string | null {
  if (!isCustomerVisible(e.type)) return null;
  return `${e.label}${e.actorName ? ` by ${e.actorName}` : ''}${e.detail ? `: ${e.detail}` : ''}`;
}

/**
 * The customer's timeline of a request. The query already keeps only the events meant for
 * customers; an event of any other type is not shown here either, rather than shown by its code.
 */
export function RequestTimeline({ events, timeZone }: { events: Pick<TimelineEvent, 'id' | 'type' | 'label' | 'detail' | 'actorName' | 'createdAt'>[]; timeZone: string }) {
  return (
    <ol className="mt-3 space-y-2 text-sm" data-testid="request-timeline">
      {events.flatMap((e) => {
        const text = customerEventText(e);
        return text
          ? [
              <li key={e.id}>
                <ZonedTime className="text-slate-500" at={e.createdAt} zone={timeZone} /> · {text}
              </li>,
            ]
          : [];
      })}
    </ol>
  );
}
