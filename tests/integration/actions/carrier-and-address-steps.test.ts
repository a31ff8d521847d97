/**
 * Steps 2 and 5's server actions (app/(app)/numbers/port/[id]/{carrier,address}/actions.ts) called
 * with forms: errors come back next to their fields with what was typed, success goes on to the
 * next step, a stranger gets the 404.
 */
import { eq } from 'drizzle-orm';
import { portRequests } from '@/db/schema';
import { saveAddress } from '@/app/(app)/numbers/port/[id]/address/actions';
import { saveCarrier } from '@/app/(app)/numbers/port/[id]/carrier/actions';
import { draftThroughCarrier, draftThroughCustomer } from '../../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, signInAs, setupRequestScope } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
setupRequestScope();

const requestRow = async (id: string) => (await t.db.select().from(portRequests).where(eq(portRequests.id, id)))[0];
const address = { street: '200 E Pratt St', unit: 'Floor 3', city: 'Baltimore', region: 'md', postalCode: '21202', country: 'US' };

/** A Saturday at least 8 days out: inside the window carriers accept, but not a business day. */
function saturdayInWindow(): string {
  const day = new Date(Date.now() + 8 * 86_400_000);
  while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test('the carrier step saves and goes on to the numbers step', async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  signInAs(t.owner);
  await expectRedirect(() => saveCarrier(null, formData({ requestId: id, losingCarrier: 'Comcast Business', requestedPortDate: '' })), `/numbers/port/${id}/numbers`);
  expect(await requestRow(id)).toMatchObject({ losingCarrier: 'Comcast Business' });
});

test('the carrier step returns its field errors with what was typed, and saves nothing', async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  signInAs(t.owner);
  expect(await saveCarrier(null, formData({ requestId: id, losingCarrier: '', requestedPortDate: '' }))).toMatchObject({
    ok: false,
    fieldErrors: { losingCarrier: ['Enter the name of the carrier the numbers are with today, as it appears on your bill.'] },
    values: { requestId: id, losingCarrier: '' },
  });
  const weekend = saturdayInWindow();
  const state = await saveCarrier(null, formData({ requestId: id, losingCarrier: 'Comcast Business', requestedPortDate: weekend }));
  expect(state).toMatchObject({ ok: false, fieldErrors: { requestedPortDate: [expect.stringMatching(new RegExp(`^${weekend} is (a weekend day|.+); carriers (port on business days|do not port on holidays)\\. Choose a weekday`))] }, values: { losingCarrier: 'Comcast Business', requestedPortDate: weekend } });
  expect(await requestRow(id)).toMatchObject({ losingCarrier: 'Verizon Business' });
});

test('the billing address saves and goes on to the agreement', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  signInAs(t.owner);
  await expectRedirect(() => saveAddress(null, formData({ requestId: id, ...address })), `/numbers/port/${id}/agreement`);
  expect((await requestRow(id)).billingAddress).toMatchObject({ street: '200 E Pratt St', unit: 'Floor 3', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' });
});

test('the billing address names what is wrong and keeps what was typed', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  signInAs(t.owner);
  expect(await saveAddress(null, formData({ requestId: id, ...address, region: 'ON' }))).toMatchObject({
    ok: false,
    fieldErrors: { country: ['Ontario is a Canadian province: choose Canada as the country.'] },
    values: { street: address.street, region: 'ON', postalCode: '21202' },
  });
  expect(await saveAddress(null, formData({ requestId: id, ...address, postalCode: '2120' }))).toMatchObject({
    ok: false,
    fieldErrors: { postalCode: ['Enter the ZIP code as 5 digits, or 5+4 like 21202-1234.'] },
  });
  expect((await requestRow(id)).billingAddress).toBeNull();
});

test('a user of another account (or a sub-account user on the agency\'s draft) gets the plain 404 from both steps', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  for (const stranger of [t.harbor, t.dental]) {
    signInAs(stranger);
    await expectNotFound(() => saveCarrier(null, formData({ requestId: id, losingCarrier: 'Hijack Telecom', requestedPortDate: '' })));
    await expectNotFound(() => saveAddress(null, formData({ requestId: id, ...address })));
  }
  expect(await requestRow(id)).toMatchObject({ losingCarrier: 'Verizon Business', billingAddress: null });
});

test('a ZIP code of another state is a warning beside it: nothing is saved until the user confirms that pair', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const typed = { requestId: id, ...address, city: 'Boston', region: 'MA', postalCode: '90210' };
  const warned = await saveAddress(null, formData(typed));
  expect(warned).toMatchObject({
    ok: false,
    fieldErrors: {},
    warnings: { postalCode: { message: expect.stringMatching(/^ZIP code 90210 belongs to California, not Massachusetts\./), confirm: 'US:MA:90210' } },
    values: { city: 'Boston', region: 'MA', postalCode: '90210' },
  });
  expect((await requestRow(id)).billingAddress).toBeNull();

  // A confirmation of another pair (the user then changed the ZIP to another wrong one) warns again.
  const again = await saveAddress(null, formData({ ...typed, postalCode: '60601', postalCodeConfirmed: 'US:MA:90210' }));
  expect(again).toMatchObject({ ok: false, warnings: { postalCode: { confirm: 'US:MA:60601' } } });

  await expectRedirect(() => saveAddress(null, formData({ ...typed, postalCodeConfirmed: 'US:MA:90210' })), `/numbers/port/${id}/agreement`);
  expect((await requestRow(id)).billingAddress).toMatchObject({ region: 'MA', postalCode: '90210' });
});

test('the service address is checked the same way, under its own field; a Canadian postal code by its first letter', async () => {
  const id = await draftThroughCustomer(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const typed = {
    requestId: id, ...address, serviceSame: 'no',
    'serviceAddress.street': '1 Rue Sainte-Catherine', 'serviceAddress.city': 'Toronto', 'serviceAddress.region': 'ON', 'serviceAddress.postalCode': 'H2X 1Y4', 'serviceAddress.country': 'CA',
  };
  const warned = await saveAddress(null, formData(typed));
  expect(warned).toMatchObject({ ok: false, warnings: { 'serviceAddress.postalCode': { message: expect.stringMatching(/^Postal code H2X 1Y4 belongs to Quebec, not Ontario\./) } } });
  expect(warned && 'warnings' in warned && warned.warnings?.postalCode).toBeFalsy();
  await expectRedirect(() => saveAddress(null, formData({ ...typed, 'serviceAddress.postalCodeConfirmed': 'CA:ON:H2X 1Y4' })), `/numbers/port/${id}/agreement`);
});
