import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequests } from '@/db/schema';
import { addBusinessDays, isoDate, todayUtc } from '@/lib/porting/business-days';
import { schedulePort } from '@/lib/porting/review/schedule-port';
import type { Actor } from '@/lib/auth/actor';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { saveAgreementStep } from '@/lib/porting/wizard/agreement';
import { saveCarrierStep } from '@/lib/porting/wizard/carrier';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import { prepareLoaSignature } from '@/lib/porting/wizard/loa/prepare-signature';
import { signLoa } from '@/lib/porting/wizard/loa/sign-loa';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { tinyPng } from './files';
import { freshNumber } from './numbers';

export const TEST_PIN = '48213';

/** A new draft with the carrier step done: the numbers step is next. */
export async function draftThroughCarrier(db: Database, actor: Actor, accountId: string) {
  const id = await createPortRequestDraft(db, actor, accountId);
  await saveCarrierStep(db, actor, id, { losingCarrier: 'Verizon Business', requestedPortDate: undefined });
  return id;
}

/** A number for a draft: alone, it lives in the draft's account; with `accountName`, in that (sub-)account, as the CSV's account column says. */
export type DraftNumber = string | { number: string; accountName: string };

/** A draft with the carrier and numbers steps done (the customer step is next), through the services the pages call. */
export async function draftThroughNumbers(db: Database, actor: Actor, accountId: string, numbers: DraftNumber[] = [freshNumber()]) {
  const id = await draftThroughCarrier(db, actor, accountId);
  const verdicts = await addNumbersToDraft(
    db,
    actor,
    id,
    numbers.map((n, i) => (typeof n === 'string' ? { line: i + 1, numberToPort: n } : { line: i + 1, numberToPort: n.number, accountName: n.accountName })),
    { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' },
  );
  const refused = verdicts.filter((v) => v.verdict === 'refused');
  if (refused.length) throw new Error(`test numbers refused: ${refused.map((r) => r.message).join('; ')}`);
  await completeNumbersStep(db, actor, id);
  return id;
}

/** A draft with the steps up to the customer step done: the billing address is next. */
export async function draftThroughCustomer(db: Database, actor: Actor, accountId: string, numbers: DraftNumber[] = [freshNumber()]) {
  const id = await draftThroughNumbers(db, actor, accountId, numbers);
  await saveCustomerStep(db, actor, id, {
    customerName: 'Summit Marketing Group LLC',
    carrierAccountNumber: '8834-2219',
    accountPin: TEST_PIN,
    portType: 'full',
    billingTelephoneNumber: undefined,
    btnIsPorting: undefined,
  });
  return id;
}

/** A draft with every step up to the LOA done, through the same services the pages call. */
export async function draftReadyToSign(db: Database, actor: Actor, accountId: string, numbers: DraftNumber[] = [freshNumber()]) {
  const id = await draftThroughCustomer(db, actor, accountId, numbers);
  await saveAddressStep(db, actor, id, { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' });
  await saveAgreementStep(db, actor, id);
  return id;
}

export async function signDraft(db: Database, actor: Actor, id: string, typedName = 'Dana Whitfield', signerTitle = 'Office Manager') {
  await prepareLoaSignature(db, actor, id, { typedName, signerTitle });
  await signLoa(db, actor, id, { ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0' });
}

/** A request of `actor`'s through every step, signed and sent with a proof of ownership: the team's queue has it. */
export async function submittedRequest(db: Database, actor: Actor, accountId: string, numbers: DraftNumber[] = [freshNumber()]) {
  const id = await draftReadyToSign(db, actor, accountId, numbers);
  await signDraft(db, actor, id, actor.name ?? 'Test Signer');
  await submitPortRequest(db, actor, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  return id;
}

/**
 * The team gives an approved request a port date five business days ahead, which "Mark ported"
 * needs; marking ported before that date then takes `beforePortDate: 'yes'`.
 */
export async function scheduleSoon(db: Database, staff: Actor, id: string) {
  const [{ version }] = await db.select({ version: portRequests.version }).from(portRequests).where(eq(portRequests.id, id));
  await schedulePort(db, staff, id, { focDate: isoDate(addBusinessDays(todayUtc(), 5)), focTime: '15:00', version });
}
