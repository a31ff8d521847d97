/**
 * Issue 13: services store what happened (a port date, the reasons asked); the timelines' words
 * for it are derived once, in lib/porting/events/event-text.ts. Rows written before the typed
 * payloads carry their words in `reason`, and keep them.
 */
import { eventText } from '@/lib/porting/events/event-text';

const changed = (from: 'approved' | 'scheduled' | 'in_review' | 'changes_needed' | 'draft', to: 'scheduled' | 'changes_needed' | 'submitted' | 'cancelled', data: Record<string, unknown>, reason: string | null = null) =>
  eventText({ type: 'status_changed', fromStatus: from, toStatus: to, reason, data });

test.each([
  ['a port date set', changed('approved', 'scheduled', { focDate: '2026-12-08T15:00:00.000Z' }), 'Status: Scheduled', 'Port date set for 2026-12-08 15:00 UTC'],
  ['a port date moved', changed('scheduled', 'scheduled', { focDate: '2026-12-09T16:30:00.000Z', previous: '2026-12-08T15:00:00.000Z' }), 'Status: Scheduled', 'Port date changed to 2026-12-09 16:30 UTC'],
  ['changes asked', changed('in_review', 'changes_needed', { reasons: [{ code: 'zip_mismatch' }, { code: 'pin_mismatch' }] }), 'Status: Changes needed', 'ZIP or postal code does not match; Account PIN does not match'],
  ['a resubmission', changed('changes_needed', 'submitted', { newProof: true }), 'Status: Submitted', 'Resubmitted with the requested changes'],
  ['a first submission', changed('draft', 'submitted', { group: 'us_local' }), 'Status: Submitted', null],
  ['every number rejected', changed('approved', 'cancelled', { settled: true }), 'Status: Cancelled', 'Every number was rejected by the carrier.'],
  ['a cancel with a reason written by a person', changed('approved', 'cancelled', {}, 'We moved to another provider.'), 'Status: Cancelled', 'We moved to another provider.'],
  ['an old row with its words in reason', changed('approved', 'scheduled', {}, 'Port date set for 2026-01-05 15:00 UTC'), 'Status: Scheduled', 'Port date set for 2026-01-05 15:00 UTC'],
])('%s', (_case, text, label, detail) => {
  expect(text).toEqual({ label, detail });
});

test('other events are named by their label, and a type no longer known by its code', () => {
  expect(eventText({ type: 'loa_signed', toStatus: null, reason: null, data: null })).toEqual({ label: 'Letter of Authorization signed', detail: null });
  expect(eventText({ type: 'retired_type', toStatus: null, reason: null, data: null }).label).toBe('retired_type');
});
