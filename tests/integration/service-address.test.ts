/**
 * Issue 15, step 5: the service address (where the lines are installed), asked beside the billing
 * address. The same by default; when not, its own fields, the billing address's rules and never a PO
 * box. It goes on the LOA, and changing it after signing voids the signature.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { loaSignatures, portRequestEvents, portRequests } from '@/db/schema';
import { saveAddress } from '@/app/(app)/numbers/port/[id]/address/actions';
import { addressStepSchema, PO_BOX_MESSAGE, saveAddressStep } from '@/lib/porting/wizard/address';
import { HIDDEN_CHARACTER_MESSAGE } from '@/lib/porting/wizard/single-line-text';
import { buildLoaDocument } from '@/lib/porting/wizard/loa/build-loa-document';
import { canonicalLoaText } from '@/lib/porting/wizard/loa/loa-document';
import { apiCall, makeApiKey } from '../helpers/api';
import { draftReadyToSign, draftThroughCustomer, signDraft } from '../helpers/port-requests';
import { expectRedirect, formData, setupRequestScope, signInAs } from '../helpers/request-scope';
import { setupTestContext } from '../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../helpers/request-scope').nextCacheStub);

const t = setupTestContext();
setupRequestScope();

const requestRow = async (id: string) => (await t.db.select().from(portRequests).where(eq(portRequests.id, id)))[0];
const letterOf = async (id: string) => canonicalLoaText(await buildLoaDocument(t.db, await requestRow(id), { name: 'Dana Whitfield', email: 'dana@summit.example' }));

const billing = { street: 'PO Box 4410', unit: '', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' };
const service = { 'serviceAddress.street': '200 E Pratt St', 'serviceAddress.unit': 'Floor 3', 'serviceAddress.city': 'Towson', 'serviceAddress.region': 'md', 'serviceAddress.postalCode': '21204', 'serviceAddress.country': 'US' };

test('Yes (the default): the billing address is saved, a PO box there too, and the service address is "the same"; fields typed under it are ignored', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  signInAs(t.owner);
  // Without JavaScript the service fields are on the page whatever the answer: with Yes, what they hold does not count.
  await expectRedirect(() => saveAddress(null, formData({ requestId: id, ...billing, serviceSame: 'yes', ...service, 'serviceAddress.street': 'PO Box 1' })), `/numbers/port/${id}/agreement`);
  const row = await requestRow(id);
  expect(row.billingAddress).toEqual({ street: 'PO Box 4410', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' });
  expect(row.serviceAddress).toBeNull();
  expect(await letterOf(id)).toContain('\nService address: Same as billing address\n');
});

test('No: the service address is saved apart, shown on the letter, and comes back when the step is opened again', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  signInAs(t.owner);
  await expectRedirect(() => saveAddress(null, formData({ requestId: id, ...billing, serviceSame: 'no', ...service })), `/numbers/port/${id}/agreement`);
  expect((await requestRow(id)).serviceAddress).toEqual({ street: '200 E Pratt St', unit: 'Floor 3', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' });
  const letter = await letterOf(id);
  expect(letter).toContain('\nBilling address: PO Box 4410, Baltimore, MD 21202, United States\n');
  expect(letter).toContain('\nService address: 200 E Pratt St, Floor 3, Towson, MD 21204, United States\n');
  expect(letter).toContain('The customer name, billing address, service address and account number given above match');

  // Answered No again with the billing address typed twice: one address, "the same".
  await saveAddressStep(t.db, t.owner, id, { street: '1 Main St', city: 'Ottawa', region: 'ON', postalCode: 'K1A 0B1', country: 'CA', serviceAddress: { street: '1 Main St', city: 'Ottawa', region: 'ON', postalCode: 'K1A 0B1', country: 'CA' } });
  expect((await requestRow(id)).serviceAddress).toBeNull();
});

test('a PO box in the service address is refused next to its field with the carriers\' reason, and everything typed comes back', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const typed = { requestId: id, ...billing, serviceSame: 'no', ...service, 'serviceAddress.street': 'P.O. Box 12' };
  expect(await saveAddress(null, formData(typed))).toMatchObject({
    ok: false,
    fieldErrors: { 'serviceAddress.street': [PO_BOX_MESSAGE] },
    values: { street: 'PO Box 4410', serviceSame: 'no', 'serviceAddress.street': 'P.O. Box 12', 'serviceAddress.city': 'Towson', 'serviceAddress.postalCode': '21204' },
  });
  expect(PO_BOX_MESSAGE).toMatch(/^Carriers need the street address where the lines are installed, not a PO box/);
  expect((await requestRow(id)).billingAddress).toBeNull();

  // The billing address's rules, with the service address's own field names; empty fields say where the lines are.
  const wrong = await saveAddress(null, formData({ ...typed, 'serviceAddress.street': '', 'serviceAddress.region': 'ON', 'serviceAddress.postalCode': '2120' }));
  expect(wrong).toMatchObject({
    ok: false,
    fieldErrors: {
      'serviceAddress.street': ['Enter the street address where the lines are installed.'],
      'serviceAddress.country': ['Ontario is a Canadian province: choose Canada as the country.'],
    },
  });
  const zip = await saveAddress(null, formData({ ...typed, 'serviceAddress.street': '200 E Pratt St', 'serviceAddress.postalCode': '2120' }));
  expect(zip).toMatchObject({ ok: false, fieldErrors: { 'serviceAddress.postalCode': ['Enter the ZIP code as 5 digits, or 5+4 like 21202-1234.'] } });
  expect(Object.keys(zip && !zip.ok ? zip.fieldErrors : {})).toEqual(['serviceAddress.postalCode']);
});

test.each([
  'PO Box 12',
  'po box 12',
  'P. O. Box 12',
  'P.O.Box 12',
  'POB 12',
  'Post Office Box 4410',
  'Postal Box 9',
  'Box 77',
  'C.P. 1234 succ. Centre-Ville',
  'CP 88',
  'Case postale 55',
  'Casier postal 3',
  'Boîte postale 4',
  // Spellings a script tried past the first rules: glued numbers, hyphens and slashes, full width.
  'PO Box12',
  'POBox12',
  'P-O Box 12',
  'P/O Box 12',
  'ＰＯ Box 12',
  'Postbox 12',
  'Post-Office Box 4',
  'PMB 123',
  'B.P. 123',
  'Suite 5, Box 12',
])('"%s" is a PO box', (street) => {
  const result = addressStepSchema.safeParse({ ...billing, serviceAddress: { street, city: 'Montréal', region: 'QC', postalCode: 'H2X 1Y4', country: 'CA' } });
  expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['serviceAddress', 'street'], message: PO_BOX_MESSAGE })]);
});

test.each(['100 Light St', '12 Rue Saint-Pierre', '55 Boxwood Ln', '9 Post Rd', '300 Capitol Blvd', '4 Pobst Ave', '1 Harbor Box Way', '300 Box Hill Rd', '7 Cpl Morgan St'])('"%s" is a street address', (street) => {
  expect(addressStepSchema.safeParse({ ...billing, serviceAddress: { street, city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' } }).success).toBe(true);
});

test.each(['P\u200BO Box 12', 'P\u00ADO Box 12', 'PO\u2060Box 12'])('an invisible character inside a street (%j) is refused as such, so no spelling slips past', (street) => {
  const result = addressStepSchema.safeParse({ ...billing, serviceAddress: { street, city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' } });
  expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['serviceAddress', 'street'], message: HIDDEN_CHARACTER_MESSAGE })]);
});

test('a PO box written in the unit field is refused there', () => {
  const result = addressStepSchema.safeParse({ ...billing, serviceAddress: { street: '100 Light St', unit: 'PO Box 3', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' } });
  expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['serviceAddress', 'unit'], message: PO_BOX_MESSAGE })]);
});

test('changing the service address after signing voids the signature, with its reason; saving it unchanged does not', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  const address = { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' as const };
  const installed = { street: '9 Harbor Way', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' as const };
  await saveAddressStep(t.db, t.owner, id, { ...address, serviceAddress: installed });
  await signDraft(t.db, t.owner, id);
  const active = () => t.db.select().from(loaSignatures).where(and(eq(loaSignatures.portRequestId, id), isNull(loaSignatures.voidedAt)));
  expect(await active()).toHaveLength(1);

  await saveAddressStep(t.db, t.owner, id, { ...address, serviceAddress: { ...installed } });
  expect(await active()).toHaveLength(1);

  await saveAddressStep(t.db, t.owner, id, { ...address, serviceAddress: { ...installed, street: '11 Harbor Way' } });
  expect(await active()).toHaveLength(0);
  const [voided] = await t.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id));
  expect(voided.voidReason).toBe('The service address (where the lines are installed) changed after the LOA was signed.');
  const [event] = await t.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, 'loa_voided')));
  expect(event.reason).toBe('The service address (where the lines are installed) changed after the LOA was signed.');
  expect((await requestRow(id)).completedSteps).not.toContain('loa');
});

describe('the API', () => {
  test('PUT …/address takes serviceAddress (left out: the same), refuses a PO box with the field named, and the request shows it', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCustomer(t.db, t.owner, t.summit);
    const billingAddress = { street: 'PO Box 4410', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' };

    const same = await apiCall(t.db, 'PUT', `/port-requests/${id}/address`, { key, json: billingAddress });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ billingAddress, serviceAddress: null });

    const poBox = await apiCall(t.db, 'PUT', `/port-requests/${id}/address`, { key, json: { ...billingAddress, serviceAddress: { street: 'Post Office Box 9', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' } } });
    expect(poBox.status).toBe(422);
    expect(poBox.body.errors).toEqual({ 'serviceAddress.street': [PO_BOX_MESSAGE] });
    const blank = await apiCall(t.db, 'PUT', `/port-requests/${id}/address`, { key, json: { ...billingAddress, serviceAddress: { country: 'US' } } });
    expect(blank.body.errors['serviceAddress.street']).toEqual(['Enter the street address where the lines are installed.']);

    const apart = await apiCall(t.db, 'PUT', `/port-requests/${id}/address`, { key, json: { ...billingAddress, serviceAddress: { street: '9 Harbor Way', city: 'Ottawa', region: 'on', postalCode: 'k1a0b1', country: 'CA' } } });
    expect(apart.status).toBe(200);
    expect(apart.body.serviceAddress).toEqual({ street: '9 Harbor Way', city: 'Ottawa', region: 'ON', postalCode: 'K1A 0B1', country: 'CA' });
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body.serviceAddress).toEqual(apart.body.serviceAddress);
    const letter = await apiCall(t.db, 'GET', `/port-requests/${id}/loa`, { key });
    expect(letter.body.fields).toEqual(expect.arrayContaining([{ label: 'Service address', value: '9 Harbor Way, Ottawa, ON K1A 0B1, Canada' }]));

    const back = await apiCall(t.db, 'PUT', `/port-requests/${id}/address`, { key, json: { ...billingAddress, serviceAddress: null } });
    expect(back.body.serviceAddress).toBeNull();
  });
});
