import { compareSnapshots } from '@/lib/porting/review/changes-since-review';
import type { ReviewSnapshot } from '@/db/schema';

const before: ReviewSnapshot = {
  fields: { 'Customer Name': 'Summit Dental', 'Billing address': '12 Main St, Baltimore, MD 21201, United States' },
  numbers: { '(410) 555-0110': 'rings (410) 555-0199 · Google Ads · Summit Dental', '(410) 555-0111': 'rings (410) 555-0199 · Google Ads · Summit Dental' },
  routing: { '(410) 555-0100': '(410) 555-0198' },
  files: { 'Proof: bill.pdf': 'SHA-256 aaaaaaaaaaaa' },
  pinMark: 'one',
};

test('numbers added, removed and re-pointed, routing changed, a file replaced: each is one line, before → after, in today\'s order with what is gone after', () => {
  const after: ReviewSnapshot = {
    ...before,
    numbers: { '(410) 555-0110': 'rings (410) 555-0197 · Google Ads · Summit Dental', '(410) 555-0112': 'rings (410) 555-0199 · Direct · Summit Dental' },
    routing: { '(410) 555-0100': '(410) 555-0196' },
    files: { 'Proof: bill-2.pdf': 'SHA-256 bbbbbbbbbbbb' },
  };
  expect(compareSnapshots(before, after)).toEqual([
    { label: 'Number (410) 555-0110', before: 'rings (410) 555-0199 · Google Ads · Summit Dental', after: 'rings (410) 555-0197 · Google Ads · Summit Dental' },
    { label: 'Number (410) 555-0112', before: 'not in the request', after: 'rings (410) 555-0199 · Direct · Summit Dental' },
    { label: 'Number (410) 555-0111', before: 'rings (410) 555-0199 · Google Ads · Summit Dental', after: 'removed' },
    { label: 'Routing of (410) 555-0100', before: '(410) 555-0198', after: '(410) 555-0196' },
    { label: 'Proof: bill-2.pdf', before: 'not in the request', after: 'SHA-256 bbbbbbbbbbbb' },
    { label: 'Proof: bill.pdf', before: 'SHA-256 aaaaaaaaaaaa', after: 'removed' },
  ]);
});

test('the same request twice: nothing changed', () => {
  expect(compareSnapshots(before, structuredClone(before))).toEqual([]);
});
