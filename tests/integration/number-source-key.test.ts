/** @jest-environment node */
import { eq } from 'drizzle-orm';
import { portRequestNumbers, trackingSources } from '@/db/schema';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { insertNumbers } from '@/lib/porting/wizard/numbers/insert-numbers';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext({ storage: false });

const sourceOf = async (accountId: string) =>
  (await t.db.select({ id: trackingSources.id }).from(trackingSources).where(eq(trackingSources.accountId, accountId)).limit(1))[0].id;

// The rules pick a source of the number's account; since one key stands for both (an import's insert
// checked two keys a row), the database itself refuses a source of another account.
test('a number whose tracking source belongs to another account than the one it will live in is refused by the database', async () => {
  const [number, other] = t.freshNumbers(2);
  const draft = await createPortRequestDraft(t.db, t.owner, t.summit);
  const row = { position: 1, number, country: 'US' as const, receivingNumber: '+14105550199', targetAccountId: t.summitDental };
  const agencySource = await sourceOf(t.summit);
  const dentalSource = await sourceOf(t.summitDental);
  await expect(t.db.transaction((tx) => insertNumbers(tx, draft, [{ ...row, trackingSourceId: agencySource }]))).rejects.toThrow();

  await t.db.transaction((tx) => insertNumbers(tx, draft, [{ ...row, number: other, trackingSourceId: dentalSource }]));
  const saved = await t.db.select({ number: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, draft));
  expect(saved.map((r) => r.number)).toEqual([other]);
});

test('lines for a sub-account are saved with that sub-account and one of its own sources', async () => {
  const [number] = t.freshNumbers(1);
  const draft = await createPortRequestDraft(t.db, t.owner, t.summit);
  const [name] = await t.db.select({ name: trackingSources.name }).from(trackingSources).where(eq(trackingSources.accountId, t.summitDental)).limit(1);
  const verdicts = await addNumbersToDraft(t.db, t.owner, draft, [{ line: 1, numberToPort: number, accountName: 'Summit Dental', trackingSource: name.name }], { receivingNumber: '+14105550199' });
  expect(verdicts.map((v) => v.verdict)).toEqual(['accepted']);
  const [saved] = await t.db.select().from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, draft));
  expect(saved).toMatchObject({ number, targetAccountId: t.summitDental, trackingSourceId: await sourceOf(t.summitDental) });
});
