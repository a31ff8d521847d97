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

test('a form with an error comes back with the message next to the field, what was typed, and the PIN kept sealed, not flagged', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const state = await saveCustomer(null, form(id, { ...typed, carrierAccountNumber: '' }));

  expect(state).toMatchObject({
    ok: false,
    formError: expect.any(String),
    fieldErrors: { carrierAccountNumber: ['Enter the account number shown on the phone bill.'] },
  });
  if (!state || state.ok) throw new Error('expected a failure');
  // What was typed is kept; the PIN never in clear, but sealed, and the PIN field is not the user's mistake.
  expect(state.values).toMatchObject({ customerName: typed.customerName, portType: 'full', accountPin: '', keptPin: expect.stringMatching(/^k1\./) });
  expect(JSON.stringify(state)).not.toContain(typed.accountPin);
  expect(state.fieldErrors.accountPin).toBeUndefined();
  // Nothing was saved.
  expect(await savedRequest(id)).toMatchObject({ customerName: null, accountPinCiphertext: null });

  // Fixed and posted again with the PIN field left blank: the kept PIN is the one saved.
  await expectRedirect(() => saveCustomer(null, form(id, { ...typed, accountPin: '', keptPin: state.values.keptPin })), `/numbers/port/${id}/address`);
  expect(decryptPin((await savedRequest(id)).accountPinCiphertext!, getEnv().pinEncryptionKey)).toBe(typed.accountPin);
});

test('a kept PIN opens only for the request and the user it was kept for; anywhere else the user is asked to type it again', async () => {
  const first = await draftThroughNumbers(t.db, t.owner, t.summit);
  const second = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const refused = await saveCustomer(null, form(first, { ...typed, portType: '' }));
  const keptPin = refused && !refused.ok ? refused.values.keptPin : '';
  expect(keptPin).toMatch(/^k1\./);

  const elsewhere = await saveCustomer(null, form(second, { ...typed, accountPin: '', keptPin }));
  expect(elsewhere).toMatchObject({ ok: false, fieldErrors: { accountPin: [expect.stringContaining('type it again')] }, values: { accountPin: '' } });
  // Another user of the same account, on the same request (a form copied from a shared screen).
  signInAs(t.analyst);
  expect(await saveCustomer(null, form(first, { ...typed, accountPin: '', keptPin }))).toMatchObject({ ok: false, fieldErrors: { accountPin: [expect.stringContaining('type it again')] } });
  // A tampered one.
  signInAs(t.owner);
  const tampered = keptPin.slice(0, -4) + (keptPin.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  expect(await saveCustomer(null, form(first, { ...typed, accountPin: '', keptPin: tampered }))).toMatchObject({ ok: false, fieldErrors: { accountPin: [expect.any(String)] } });
  for (const id of [first, second]) expect(await savedRequest(id)).toMatchObject({ customerName: null, accountPinCiphertext: null });
});

test('a bad PIN gets its own message, and the form still does not send it back', async () => {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit);
  signInAs(t.owner);
  const state = await saveCustomer(null, form(id, { ...typed, accountPin: '90 210' }));
  expect(state).toMatchObject({ ok: false, fieldErrors: { accountPin: ['Use only the letters and digits of the PIN, without spaces.'] }, values: { accountPin: '' } });
  expect(JSON.stringify(state)).not.toContain('90 210');
  // A PIN that is itself wrong is not kept either.
  if (state && !state.ok) expect(state.values.keptPin).toBeUndefined();
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
