/**
 * @jest-environment jsdom
 *
 * Issue 12, finding 10, at the page: the customer's timeline names its events in words and never
 * shows an event outside the customer list, even if one reached it.
 */
import { render, screen } from '@testing-library/react';
import { RequestTimeline } from '@/components/porting/request-timeline';
import { eventText } from '@/lib/porting/events/event-text';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute));
// Worded as lib/porting/events/read-events words every event it reads.
const event = (id: string, type: string, actorName: string | null, extra: { toStatus?: 'in_review'; reason?: string } = {}) => ({
  id,
  type,
  ...eventText({ type, toStatus: extra.toStatus ?? null, reason: extra.reason ?? null, data: null }),
  createdAt: at(Number(id)),
  actorName,
});

test('the customer timeline shows the customer events in words, the team as "the porting team", and nothing else', () => {
  render(
    <RequestTimeline
      events={[
        event('1', 'loa_signed', 'Dana Whitfield'),
        event('2', 'status_changed', 'the porting team', { toStatus: 'in_review' }),
        event('3', 'pin_revealed', 'Jordan Staffer'),
        event('4', 'portability_checked', 'Dana Whitfield'),
        event('5', 'internal_note', 'Jordan Staffer'),
        event('6', 'sms_exception', 'the porting team', { reason: 'carrier routing update pending' }),
      ]}
      timeZone="America/Chicago"
    />,
  );
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toEqual([
    // In the customer's zone, named: 09:01 UTC is 3:01 AM in Chicago in November.
    'Nov 25, 2026, 3:01 AM CST · Letter of Authorization signed by Dana Whitfield',
    'Nov 25, 2026, 3:02 AM CST · Status: In review by the porting team',
    'Nov 25, 2026, 3:06 AM CST · Text messaging delayed by the porting team: carrier routing update pending',
  ]);
  expect(screen.getByTestId('request-timeline').textContent).not.toMatch(/Jordan Staffer|PIN|portability|internal/i);
});
