/**
 * Step 4's server action (app/(app)/numbers/port/[id]/customer/actions.ts) called with a form, as
 * the browser posts it: what it parses, what it sends back on an error (never the PIN), who may
 * call it, and where it goes on success.
 */
import { eq } from 'drizzle-orm';
import { portRequests } from '@/db/schema';
import { decryptPin } from '@/lib/crypto/pin';
import { getEnv } from '@/lib/config/env';
import { saveCustomer } from '@/app/(app)/numbers/port/[id]/customer/actions';
import { draftThroughNumbers } from '../../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, signInAs, setupRequestScope } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
const scope = setupRequestScope();

const typed = { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: '90210', portType: 'full' };
const form = (requestId: string, fields: Record<string, string>) => formData({ requestId, ...fields });
const savedRequest = async (id: string) => (await t.db.select().from(portRequests).where(eq(portRequests.id, id)))[0];

test('a form with an error comes back with the message next to the field, what was typed, and the PIN blanked', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const state = await saveCustomer(null, form(id, { ...typed, carrierAccountNumber: '' }));

  expect(state).toMatchObject({
    ok: false,
    formError: expect.any(String),
    fieldErrors: { carrierAccountNumber: ['Enter the account number shown on the phone bill.'] },
  });
  if (!state || state.ok) throw new Error('expected a failure');
  // What was typed is kept, except the PIN: it is never sent back, and the field says why it is empty.
  expect(state.values).toMatchObject({ customerName: typed.customerName, portType: 'full', accountPin: '' });
  expect(JSON.stringify(state)).not.toContain(typed.accountPin);
  expect(state.fieldErrors.accountPin).toEqual(['For your security the PIN is not kept when the form has errors: please type it again.']);
  // Nothing was saved.
  expect(await savedRequest(id)).toMatchObject({ customerName: null, accountPinCiphertext: null });
});

test('a bad PIN gets its own message, and the form still does not send it back', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const state = await saveCustomer(null, form(id, { ...typed, accountPin: '90 210' }));
  expect(state).toMatchObject({ ok: false, fieldErrors: { accountPin: ['Use only the letters and digits of the PIN, without spaces.'] }, values: { accountPin: '' } });
  expect(JSON.stringify(state)).not.toContain('90 210');
});

test('a partial port needs the billing telephone number, with the typed values kept', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const state = await saveCustomer(null, form(id, { ...typed, portType: 'partial' }));
  expect(state).toMatchObject({
    ok: false,
    fieldErrors: {
      billingTelephoneNumber: ['Enter the main number on the bill (the billing telephone number).'],
      btnIsPorting: ['Say whether the billing telephone number is one of the numbers you are porting.'],
    },
    values: { customerName: typed.customerName, carrierAccountNumber: typed.carrierAccountNumber, portType: 'partial', accountPin: '' },
  });
});

test('a valid form saves the step, the PIN encrypted, and goes on to the billing address', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.owner);
  await expectRedirect(() => saveCustomer(null, form(id, typed)), `/numbers/port/${id}/address`);

  const saved = await savedRequest(id);
  expect(saved).toMatchObject({ customerName: typed.customerName, carrierAccountNumber: typed.carrierAccountNumber, portType: 'full' });
  expect(saved.accountPinCiphertext).not.toContain(typed.accountPin);
  expect(decryptPin(saved.accountPinCiphertext!, getEnv().pinEncryptionKey)).toBe(typed.accountPin);
  expect(scope.revalidated).toContain(`/numbers/port/${id}`);
});

test('a user of another account gets the plain 404, whatever the form holds, and nothing changes', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.harbor);
  await expectNotFound(() => saveCustomer(null, form(id, typed)));
  // Even an invalid form: a stranger learns nothing about which fields would be wrong.
  await expectNotFound(() => saveCustomer(null, form(id, { ...typed, carrierAccountNumber: '' })));
  expect(await savedRequest(id)).toMatchObject({ customerName: null, accountPinCiphertext: null });
});

test('signed out, the action sends the browser to sign in', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  await expectRedirect(() => saveCustomer(null, form(id, typed)), '/sign-in');
});
