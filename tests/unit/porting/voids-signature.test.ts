/**
 * Issue 13: the LOA voiding rule is written once (lib/porting/wizard/loa/voids-signature), over the
 * letter's content as build-loa-document composes it from each step's LOA fields. Every column of a
 * request is named here as signed (a change voids the signature, with the reason the customer sees)
 * or not, so a column added to the request, or a field added to the letter, needs a decision.
 */
import { getTableColumns } from 'drizzle-orm';
import { portRequestNumbers, portRequests } from '@/db/schema';
import type { PortRequest } from '@/lib/porting/port-request-access';
import { addressLoaFields } from '@/lib/porting/wizard/address';
import { carrierLoaFields } from '@/lib/porting/wizard/carrier';
import { customerLoaFields } from '@/lib/porting/wizard/customer';
import { signedContent } from '@/lib/porting/wizard/loa/build-loa-document';
import { SIGNED_FIELDS, voidsSignature } from '@/lib/porting/wizard/loa/voids-signature';
import { numbersLoaFields } from '@/lib/porting/wizard/numbers/loa-fields';

type NumberRow = typeof portRequestNumbers.$inferSelect;

const CUSTOMER = 'The customer name, account number or billing number changed after the LOA was signed.';
const ADDRESS = 'The billing address changed after the LOA was signed.';
const CARRIER = 'The current carrier changed after the LOA was signed.';
const SERVICE = 'The service address (where the lines are installed) changed after the LOA was signed.';

const signed: PortRequest = {
  id: '8b0c9a52-3f5e-4c7a-9f1e-2d6b7a8c9d01',
  reference: 'PR-2026-0142',
  accountId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  createdByUserId: 'user-1',
  status: 'draft',
  version: 7,
  numberGroup: null,
  siblingGroupId: null,
  losingCarrier: 'Verizon Business',
  requestedPortDate: '2026-12-08',
  customerName: 'Summit Marketing Group LLC',
  carrierAccountNumber: '8834-2219',
  accountPinCiphertext: 'v1:ciphertext-of-the-pin',
  portType: 'partial',
  billingTelephoneNumber: '+14105550000',
  btnIsPorting: false,
  billingAddress: { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' },
  serviceAddress: null,
  pendingSignature: null,
  agreementAcceptedAt: new Date('2026-11-25T10:00:00Z'),
  completedSteps: ['carrier', 'numbers', 'customer', 'address', 'agreement', 'loa'],
  submittedAt: null,
  focDate: null,
  completedAt: null,
  cancelledAt: null,
  statusChangedAt: new Date('2026-11-25T09:00:00Z'),
  assignedToUserId: null,
  assignedAt: null,
  draftExpiryWarnedAt: null,
  createdAt: new Date('2026-11-25T09:00:00Z'),
  updatedAt: new Date('2026-11-25T10:05:00Z'),
};

const number = (n: string, fields: Partial<NumberRow> = {}): NumberRow => ({
  id: `id-${n}`,
  portRequestId: signed.id,
  position: 1,
  number: n,
  country: 'US',
  isTollFree: false,
  receivingNumber: '+14105550199',
  trackingSourceId: 'source-google-ads',
  targetAccountId: signed.accountId,
  status: 'pending',
  statusReason: null,
  portedAt: null,
  currentCarrier: null,
  fastPortable: null,
  messagingCapable: null,
  ...fields,
});
const numbers = [number('+14105550150'), number('+14105550151', { position: 2 })];

/** The verdict on an edit, through the same composition the letter uses. */
const verdict = (after: Partial<PortRequest>, afterNumbers: NumberRow[] = numbers) =>
  voidsSignature(signedContent(signed, numbers), signedContent({ ...signed, ...after }, afterNumbers));

// Every column of a request: a changed value, and the reason when the change voids the signature.
const COLUMNS: { [C in keyof PortRequest]: { changed: PortRequest[C]; voids?: string } } = {
  reference: { changed: 'PR-2026-0143' },
  customerName: { changed: 'Summit Mktg Group LLC', voids: CUSTOMER },
  carrierAccountNumber: { changed: '8834-2220', voids: CUSTOMER },
  portType: { changed: 'full', voids: CUSTOMER },
  billingTelephoneNumber: { changed: '+14105550001', voids: CUSTOMER },
  billingAddress: { changed: { ...signed.billingAddress!, street: '101 Light St' }, voids: ADDRESS },
  losingCarrier: { changed: 'AT&T', voids: CARRIER },
  // Null is "the same as the billing address"; the letter prints either, and carriers match it.
  serviceAddress: { changed: { street: '5 Main St', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' }, voids: SERVICE },
  // Not on the letter:
  requestedPortDate: { changed: '2026-12-09' },
  accountPinCiphertext: { changed: 'v1:ciphertext-of-a-new-pin' },
  btnIsPorting: { changed: true },
  agreementAcceptedAt: { changed: new Date('2026-11-26T10:00:00Z') },
  pendingSignature: { changed: { kind: 'typed', typedName: 'Dana Whitfield' } },
  completedSteps: { changed: ['carrier'] },
  id: { changed: '8b0c9a52-3f5e-4c7a-9f1e-2d6b7a8c9d02' },
  accountId: { changed: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e60' },
  createdByUserId: { changed: 'user-2' },
  status: { changed: 'changes_needed' },
  version: { changed: 8 },
  numberGroup: { changed: 'us_local' },
  siblingGroupId: { changed: '8b0c9a52-3f5e-4c7a-9f1e-2d6b7a8c9d01' },
  submittedAt: { changed: new Date('2026-11-27T10:00:00Z') },
  focDate: { changed: new Date('2026-12-08T15:00:00Z') },
  completedAt: { changed: new Date('2026-12-08T16:00:00Z') },
  cancelledAt: { changed: new Date('2026-12-08T16:00:00Z') },
  statusChangedAt: { changed: new Date('2026-11-27T10:00:00Z') },
  assignedToUserId: { changed: 'staff-1' },
  assignedAt: { changed: new Date('2026-11-27T10:00:00Z') },
  draftExpiryWarnedAt: { changed: new Date('2026-12-18T10:00:00Z') },
  createdAt: { changed: new Date('2026-11-26T09:00:00Z') },
  updatedAt: { changed: new Date('2026-11-26T10:05:00Z') },
};

test('every column of a request is named above as signed or not', () => {
  expect(Object.keys(COLUMNS).sort()).toEqual(Object.keys(getTableColumns(portRequests)).sort());
});

describe.each(Object.entries(COLUMNS).filter(([, c]) => c.voids))('signed: %s', (column, { changed, voids }) => {
  test('a change voids the signature, with its reason', () => {
    expect(verdict({ [column]: changed })).toMatchObject({ voided: true, reason: voids });
  });
});

test.each([
  ['street', { street: '101 Light St' }],
  ['unit', { unit: 'Suite 1300' }],
  ['unit left out', { unit: undefined }],
  ['city', { city: 'Towson' }],
  ['region', { region: 'VA' }],
  ['postal code', { postalCode: '21201' }],
  ['country', { country: 'CA' as const }],
])('signed: the billing address’s %s', (_part, change) => {
  expect(verdict({ billingAddress: { ...signed.billingAddress!, ...change } })).toMatchObject({ voided: true, reason: ADDRESS });
});

describe('the service address', () => {
  const service = { street: '5 Main St', unit: 'Bay 2', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' as const };
  const withService = { ...signed, serviceAddress: service };
  const change = (after: Partial<PortRequest>) => voidsSignature(signedContent(withService, numbers), signedContent({ ...withService, ...after }, numbers));

  test.each([
    ['street', { street: '7 Main St' }],
    ['unit', { unit: 'Bay 3' }],
    ['unit left out', { unit: undefined }],
    ['city', { city: 'Baltimore' }],
    ['postal code', { postalCode: '21286' }],
  ])('signed: its %s', (_part, part) => {
    expect(change({ serviceAddress: { ...service, ...part } })).toMatchObject({ voided: true, field: 'serviceAddress', reason: SERVICE });
  });

  test('back to "the same as the billing address" voids the signature too', () => {
    expect(change({ serviceAddress: null })).toMatchObject({ voided: true, reason: SERVICE });
  });

  test('the same, stored with its keys in another order, leaves it', () => {
    const { street, unit, city, region, postalCode, country } = service;
    expect(change({ serviceAddress: { country, postalCode, region, city, unit, street } })).toEqual({ voided: false });
  });
});

describe.each(Object.entries(COLUMNS).filter(([, c]) => !c.voids))('not signed: %s', (column, { changed }) => {
  test('a change leaves the signature as it is', () => {
    expect(verdict({ [column]: changed })).toEqual({ voided: false });
  });
});

describe('the numbers', () => {
  test('one added voids the signature', () => {
    expect(verdict({}, [...numbers, number('+14105550152', { position: 3 })])).toMatchObject({ voided: true, reason: 'Numbers were added after the LOA was signed.' });
  });

  test('one removed voids the signature', () => {
    expect(verdict({}, numbers.slice(1))).toMatchObject({ voided: true, reason: 'Numbers were removed after the LOA was signed.' });
  });

  test('a new receiving number voids the signature (the letter lists it)', () => {
    expect(verdict({}, [numbers[0], { ...numbers[1], receivingNumber: '+14105550198' }])).toMatchObject({ voided: true, field: 'numbers' });
  });

  // Each number column but the two the letter lists: a change leaves the signature as it is.
  const changedNumber: { [C in keyof NumberRow]?: NumberRow[C] } = {
    id: 'id-other',
    position: 9,
    country: 'CA',
    isTollFree: true,
    trackingSourceId: 'source-website',
    targetAccountId: '9c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    status: 'approved',
    statusReason: 'checked',
    portedAt: new Date('2026-12-08T16:00:00Z'),
    // The carrier's view of the number: not on the letter.
    currentCarrier: 'Comcast Business',
    fastPortable: true,
    messagingCapable: false,
  };

  test('every number column is the number, its receiving number, or named below', () => {
    expect(['number', 'portRequestId', 'receivingNumber', ...Object.keys(changedNumber)].sort()).toEqual(Object.keys(getTableColumns(portRequestNumbers)).sort());
  });

  test.each(Object.entries(changedNumber))('not signed: a number’s %s', (column, changed) => {
    expect(verdict({}, [numbers[0], { ...numbers[1], [column]: changed }])).toEqual({ voided: false });
  });
});

describe('the same content, written differently, is the same letter', () => {
  test('an address with its keys in another order (as stored) or an empty unit left out', () => {
    const { street, city, region, postalCode, country } = signed.billingAddress!;
    expect(verdict({ billingAddress: { country, postalCode, region, city, street, unit: 'Suite 1200' } })).toEqual({ voided: false });
    expect(
      voidsSignature(signedContent({ ...signed, billingAddress: { street, city, region, postalCode, country } }, numbers), signedContent({ ...signed, billingAddress: { street, unit: '', city, region, postalCode, country } }, numbers)),
    ).toEqual({ voided: false });
  });

  test('no billing number and an empty one', () => {
    expect(voidsSignature(customerLoaFields({ ...signed, billingTelephoneNumber: null }), customerLoaFields({ ...signed, billingTelephoneNumber: '' }))).toEqual({ voided: false });
  });
});

test('each field of the letter is filled in by exactly one step', () => {
  const byStep = [carrierLoaFields(signed), customerLoaFields(signed), addressLoaFields(signed), numbersLoaFields(numbers)].flatMap((fields) => Object.keys(fields));
  expect(byStep.sort()).toEqual([...SIGNED_FIELDS].sort());
});

test('an edit that leaves the letter text the same (spacing, Unicode form) leaves the signature', () => {
  // "Café" typed with a combining accent prints as the same NFC text; two spaces print as one.
  expect(voidsSignature({ accountHolder: 'Café  Dental LLC' }, { accountHolder: 'Cafe\u0301 Dental LLC' })).toEqual({ voided: false });
  expect(voidsSignature({ accountHolder: 'Cafe Dental LLC' }, { accountHolder: 'Café Dental LLC' }).voided).toBe(true);
});
