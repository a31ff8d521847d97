/**
 * Issue 13: every save of the wizard asks the one voiding rule (lib/porting/wizard/loa/voids-signature)
 * whether the signed letter still covers the request. An edit of what the letter says voids the
 * signature with its reason, takes the LOA step back and is on the record; any other edit leaves it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { loaSignatures, portRequestEvents, portRequests } from '@/db/schema';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { saveAgreementStep } from '@/lib/porting/wizard/agreement';
import { saveCarrierStep } from '@/lib/porting/wizard/carrier';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import { removeNumbersFromDraft } from '@/lib/porting/wizard/numbers/remove-numbers';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();

const customer = { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: undefined, portType: 'full' as const, billingTelephoneNumber: undefined, btnIsPorting: undefined };
const address = { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' as const };

async function signedDraft(numbers = [t.freshNumber()]) {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, numbers);
  await signDraft(t.db, t.owner, id);
  return id;
}

/** Whether the letter is still signed, what voided it, and whether the LOA step is still done. */
async function letterOf(id: string) {
  const [active] = await t.db.select({ id: loaSignatures.id }).from(loaSignatures).where(and(eq(loaSignatures.portRequestId, id), isNull(loaSignatures.voidedAt)));
  const voided = await t.db.select({ reason: portRequestEvents.reason }).from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, 'loa_voided')));
  const [request] = await t.db.select({ steps: portRequests.completedSteps }).from(portRequests).where(eq(portRequests.id, id));
  return { signed: !!active, voidedFor: voided.map((v) => v.reason), loaDone: request.steps.includes('loa') };
}

const stillSigned = { signed: true, voidedFor: [], loaDone: true };
const voidedFor = (reason: string) => ({ signed: false, voidedFor: [reason], loaDone: false });

test.each([
  ['the current carrier', (id: string) => saveCarrierStep(t.db, t.owner, id, { losingCarrier: 'AT&T', requestedPortDate: undefined }), 'The current carrier changed after the LOA was signed.'],
  ['the customer name', (id: string) => saveCustomerStep(t.db, t.owner, id, { ...customer, customerName: 'Summit Mktg Group LLC' }), 'The customer name, account number or billing number changed after the LOA was signed.'],
  ['the port type and billing number', (id: string) => saveCustomerStep(t.db, t.owner, id, { ...customer, portType: 'partial', billingTelephoneNumber: '+14105550000', btnIsPorting: false }), 'The customer name, account number or billing number changed after the LOA was signed.'],
  ['the billing address', (id: string) => saveAddressStep(t.db, t.owner, id, { ...address, unit: 'Suite 1300' }), 'The billing address changed after the LOA was signed.'],
  ['the numbers (one added)', (id: string) => addNumbersToDraft(t.db, t.owner, id, [{ line: 1, numberToPort: t.freshNumber() }], { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' }), 'Numbers were added after the LOA was signed.'],
])('changing %s voids the signature, with its reason', async (_what, edit, reason) => {
  const id = await signedDraft();
  await edit(id);
  expect(await letterOf(id)).toEqual(voidedFor(reason));
});

test('removing a number voids the signature; removing one the request does not hold changes nothing signed', async () => {
  const [kept, removed] = t.freshNumbers(2);
  const id = await signedDraft([kept, removed]);
  await removeNumbersFromDraft(t.db, t.owner, id, [t.freshNumber()]);
  expect((await letterOf(id)).signed).toBe(true);
  await removeNumbersFromDraft(t.db, t.owner, id, [removed]);
  expect(await letterOf(id)).toEqual(voidedFor('Numbers were removed after the LOA was signed.'));
});

test.each([
  ['the requested port date', (id: string) => saveCarrierStep(t.db, t.owner, id, { losingCarrier: 'Verizon Business', requestedPortDate: '2099-01-05' })],
  ['a new PIN', (id: string) => saveCustomerStep(t.db, t.owner, id, { ...customer, accountPin: '99887' })],
  ['the same address saved again', (id: string) => saveAddressStep(t.db, t.owner, id, address)],
  ['the agreement saved again', (id: string) => saveAgreementStep(t.db, t.owner, id)],
  ['the numbers step continued again', (id: string) => completeNumbersStep(t.db, t.owner, id)],
])('%s leaves the signature as it is', async (_what, edit) => {
  const id = await signedDraft();
  await edit(id);
  expect(await letterOf(id)).toEqual(stillSigned);
});
