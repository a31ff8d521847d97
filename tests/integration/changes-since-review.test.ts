/**
 * The desk's "changed since the last review" (lib/porting/review/changes-since-review.ts): what the
 * customer changed between the team's request for changes and the resubmission, field by field,
 * before → after; a PIN entered again shows as such, never in clear; only the team may ask.
 */
import { eq } from 'drizzle-orm';
import { portRequests } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { getChangesSinceReview } from '@/lib/porting/review/changes-since-review';
import { startReview } from '@/lib/porting/review/decide';
import { requestChanges } from '@/lib/porting/review/request-changes';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';
import { holdsSecret } from '../helpers/holds-secret';

const t = setupTestContext();
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;

async function inReview() {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  return id;
}

test('after a resubmission the team sees the name and the PIN changed, and the letter signed again, and nothing else', async () => {
  const id = await inReview();
  expect(await getChangesSinceReview(t.db, t.staff, id)).toBeNull();
  await requestChanges(t.db, t.staff, id, { reasons: ['name_mismatch', 'pin_invalid'], numberIds: [], note: undefined, version: await version(id) });
  // Waiting for the customer: nothing answered yet.
  expect(await getChangesSinceReview(t.db, t.staff, id)).toBeNull();

  await saveCustomerStep(t.db, t.owner, id, { customerName: 'Summit Mktg Group LLC', carrierAccountNumber: '8834-2219', accountPin: '9911', portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, []);

  const since = await getChangesSinceReview(t.db, t.staff, id);
  expect(since?.changes.map((c) => c.label)).toEqual(['Customer Name', 'Account PIN', 'Signed LOA']);
  expect(since?.changes[0]).toEqual({ label: 'Customer Name', before: 'Summit Marketing Group LLC', after: 'Summit Mktg Group LLC' });
  expect(since?.changes[1]).toEqual({ label: 'Account PIN', before: 'on file', after: 'entered again (reveal it to read it)' });
  expect(holdsSecret(JSON.stringify(since), '9911')).toBe(false);
  expect(JSON.stringify(since)).not.toContain(TEST_PIN);
});

test('a proof file added reads as new, with its fingerprint; a customer gets the 404', async () => {
  const id = await inReview();
  await requestChanges(t.db, t.staff, id, { reasons: ['proof_unreadable'], numberIds: [], note: undefined, version: await version(id) });
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill-page-2.png', bytes: new Uint8Array(tinyPng()) }]);
  const since = await getChangesSinceReview(t.db, t.staff, id);
  expect(since?.changes).toEqual([{ label: 'Proof: bill-page-2.png', before: 'not in the request', after: expect.stringMatching(/^SHA-256 [0-9a-f]{12}$/) }]);
  await expect(getChangesSinceReview(t.db, t.owner, id)).rejects.toThrow(NotFoundError);
});
