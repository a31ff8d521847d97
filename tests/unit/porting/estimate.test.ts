import { expectedPortWindow } from '@/lib/porting/estimate';

const submittedAt = new Date('2026-11-02T15:00:00Z');
const open = { status: 'in_review' as const, numberGroup: 'us_local' as const, submittedAt, focDate: null };

test('an open request without a port date shows the usual window: 2-4 weeks, 6 for Canada', () => {
  expect(expectedPortWindow(open)).toMatchObject({ from: new Date('2026-11-16T15:00:00Z'), to: new Date('2026-11-30T15:00:00Z'), label: '2-4 weeks' });
  expect(expectedPortWindow({ ...open, numberGroup: 'ca_local' })?.label).toBe('up to 6 weeks');
});

test('once the port date is set, or the request is over, no guess is shown beside the facts', () => {
  expect(expectedPortWindow({ ...open, status: 'scheduled', focDate: new Date('2026-12-08T15:00:00Z') })).toBeNull();
  expect(expectedPortWindow({ ...open, status: 'completed' })).toBeNull();
  expect(expectedPortWindow({ ...open, status: 'cancelled' })).toBeNull();
  expect(expectedPortWindow({ ...open, status: 'draft', submittedAt: null })).toBeNull();
});
