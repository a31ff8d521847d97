import { portNumberStatus, portRequestStatus } from '@/db/schema';
import { canTransition, canTransitionNumber, settledRequestStatus, type PortNumberStatus, type PortRequestStatus } from '@/lib/porting/lifecycle/statuses';

// The whole table, written out: a change to the machine must change this test on purpose.
const ALLOWED_REQUEST: Record<PortRequestStatus, PortRequestStatus[]> = {
  draft: ['submitted'],
  submitted: ['in_review', 'changes_needed', 'cancelled'],
  in_review: ['approved', 'changes_needed', 'cancelled'],
  // To approved: the customer's answer to a carrier's exception goes straight back to the carrier (issue 15).
  changes_needed: ['submitted', 'approved', 'completed', 'cancelled'],
  approved: ['scheduled', 'changes_needed', 'completed', 'cancelled'],
  scheduled: ['scheduled', 'changes_needed', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const ALLOWED_NUMBER: Record<PortNumberStatus, PortNumberStatus[]> = {
  pending: ['approved', 'rejected', 'cancelled'],
  approved: ['scheduled', 'rejected', 'ported', 'cancelled'],
  scheduled: ['scheduled', 'rejected', 'ported', 'cancelled'],
  rejected: [],
  ported: [],
  cancelled: [],
};

const requestPairs = portRequestStatus.enumValues.flatMap((from) => portRequestStatus.enumValues.map((to) => [from, to] as const));
const numberPairs = portNumberStatus.enumValues.flatMap((from) => portNumberStatus.enumValues.map((to) => [from, to] as const));

test.each(requestPairs)('request %s -> %s', (from, to) => {
  expect(canTransition(from, to)).toBe(ALLOWED_REQUEST[from].includes(to));
});

test.each(numberPairs)('number %s -> %s', (from, to) => {
  expect(canTransitionNumber(from, to)).toBe(ALLOWED_NUMBER[from].includes(to));
});

test.each([
  [['ported', 'ported'], 'completed'],
  [['ported', 'rejected'], 'completed'],
  [['rejected', 'rejected'], 'cancelled'],
  [['rejected', 'cancelled'], 'cancelled'],
  [['ported', 'scheduled'], null],
  [['pending'], null],
  [['approved', 'rejected'], null],
] as [PortNumberStatus[], string | null][])('numbers %j settle the request as %s', (numbers, expected) => {
  expect(settledRequestStatus(numbers)).toBe(expected);
});
