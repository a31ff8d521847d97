import type { PortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/status';
import { CUSTOMER_VISIBLE_EVENTS, isCustomerVisibleEvent } from '@/lib/porting/timeline/customer-visible-events';

type TimelineEvent = PortRequestDetail['events'][number];

/**
 * The customer's timeline of a request. The query already keeps only the events meant for
 * customers; an event of any other type is not shown here either, rather than shown by its code.
 */
export function RequestTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="mt-3 space-y-2 text-sm" data-testid="request-timeline">
      {events.flatMap((e) =>
        isCustomerVisibleEvent(e.type)
          ? [
              <li key={e.id}>
                <time className="text-slate-500" dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC</time> ·{' '}
                {e.type === 'status_changed' && e.toStatus ? `Status: ${STATUS_DESCRIPTIONS[e.toStatus].label}` : CUSTOMER_VISIBLE_EVENTS[e.type]}
                {e.actorName ? ` by ${e.actorName}` : ''}
                {e.reason ? `: ${e.reason}` : ''}
              </li>,
            ]
          : [],
      )}
    </ol>
  );
}
