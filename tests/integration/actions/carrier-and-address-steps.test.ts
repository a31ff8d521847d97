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
