import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { internationalPortInquiries, outboxEmails, portRequests } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createPortRequestDraft } from '@/lib/porting/drafts/create-draft';
import { readInquiryNumbers, submitInternationalInquiry } from '@/lib/porting/international/submit-international-inquiry';
import { addNumbersToDraft, removeNumbersFromDraft } from '@/lib/porting/numbers-step/add-numbers';
import { completeNumbersStep, listForwardingTrackingNumbers, saveAlternateRouting } from '@/lib/porting/numbers-step/alternate-routing';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { createTestDatabase } from '../helpers/database';
import { accountIdByName, actorByEmail } from '../helpers/demo';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
});
afterAll(() => handle.close());

const defaults = { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' };
const line = (numberToPort: string, i = 1) => ({ line: i, numberToPort });

test('a number held by another account\'s open request is refused without naming that account', async () => {
  const harbor = await actorByEmail(handle.db, 'office@harbor.example');
  const harborDraft = await createPortRequestDraft(handle.db, harbor, await accountIdByName(handle.db, 'Harbor Legal'));
  await addNumbersToDraft(handle.db, harbor, harborDraft, [line('+16175550160')], { receivingNumber: '+16175550188', trackingSourceName: 'Website' });

  const owner = await actorByEmail(handle.db, 'owner@summit.example');
  const draft = await createPortRequestDraft(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'));
  // A draft holds nothing yet: the number is free until Harbor submits.
  expect((await addNumbersToDraft(handle.db, owner, draft, [line('+16175550160')], defaults))[0].verdict).toBe('accepted');
  await removeNumbersFromDraft(handle.db, owner, draft, []);

  await handle.db.update(portRequests).set({ status: 'submitted' }).where(eq(portRequests.id, harborDraft));
  const [verdict] = await addNumbersToDraft(handle.db, owner, draft, [line('+16175550160')], defaults);
  expect(verdict).toMatchObject({ verdict: 'refused', code: 'in_open_request' });
  expect(verdict.message).not.toContain('Harbor');
});

test('numbers already on the platform, or already in this request, are refused; the good lines are kept', async () => {
  const owner = await actorByEmail(handle.db, 'owner@summit.example');
  const draft = await createPortRequestDraft(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'));
  await addNumbersToDraft(handle.db, owner, draft, [line('+14105550161')], defaults);
  const verdicts = await addNumbersToDraft(handle.db, owner, draft, [line('+16175550130', 1), line('+14105550161', 2), line('+14105550162', 3)], defaults);
  expect(verdicts.map((v) => v.code)).toEqual(['already_tracking', 'duplicate', 'ok']);
  expect(verdicts[0].message).not.toContain('Harbor');
});

test('an active receiving number needs a new route for its tracking numbers before the step completes', async () => {
  const owner = await actorByEmail(handle.db, 'owner@summit.example');
  const draft = await createPortRequestDraft(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'));
  const [verdict] = await addNumbersToDraft(handle.db, owner, draft, [line('+14105550000')], defaults);
  expect(verdict).toMatchObject({ code: 'needs_alternate_routing', alternateRoutingFor: ['+14105550100', '+14105550101'] });
  await expect(completeNumbersStep(handle.db, owner, draft)).rejects.toThrow(/\+14105550100, \+14105550101/);

  const request = await findPortRequest(handle.db, owner, draft);
  const forwarding = await listForwardingTrackingNumbers(handle.db, owner, request);
  const errors = await saveAlternateRouting(handle.db, owner, draft, {
    [forwarding[0].trackingNumberId]: '(410) 555-0198',
    [forwarding[1].trackingNumberId]: '+14105550000',
  });
  expect(Object.values(errors)).toEqual(['That number is being ported too; choose a number that stays where it is.']);
  await saveAlternateRouting(handle.db, owner, draft, { [forwarding[1].trackingNumberId]: '410.555.0198' });
  await completeNumbersStep(handle.db, owner, draft);
  const routes = await listForwardingTrackingNumbers(handle.db, owner, request);
  expect(routes.map((r) => r.newReceivingNumber)).toEqual(['+14105550198', '+14105550198']);
});

test('an international ticket records its countries and numbers for the team and confirms by email', async () => {
  const owner = await actorByEmail(handle.db, 'owner@summit.example');
  const lines = readInquiryNumbers('+44 20 7946 0000\n+33 1 23 45 67 89\n+1 410 555 0170\nnonsense');
  expect(lines.map((l) => l.problem ?? l.country)).toEqual(['GB', 'FR', 'A US or Canadian number: port it with Create Port Request instead.', expect.stringMatching(/country code/)]);
  const id = await submitInternationalInquiry(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'), lines.slice(0, 2), 'Two offices');
  const [ticket] = await handle.db.select().from(internationalPortInquiries).where(eq(internationalPortInquiries.id, id));
  expect(ticket).toMatchObject({ countries: ['FR', 'GB'], numbers: ['+442079460000', '+33123456789'], status: 'open', note: 'Two offices' });
  const [email] = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `international-inquiry:${id}`));
  expect(email.subject).toContain('(FR, GB)');
});

test('the team replies to an international inquiry in its thread, the asker is emailed, strangers see nothing', async () => {
  const { getInquiryThread, replyToInquiry } = await import('@/lib/porting/international/inquiry-thread');
  const owner = await actorByEmail(handle.db, 'owner@summit.example');
  const staff = await actorByEmail(handle.db, 'regulatory@porting.example');
  const harbor = await actorByEmail(handle.db, 'office@harbor.example');
  const id = await submitInternationalInquiry(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'), readInquiryNumbers('+44 20 7946 0001'));
  await replyToInquiry(handle.db, staff, id, 'We need a proof of address in the UK.');
  await replyToInquiry(handle.db, owner, id, 'Attached to our next email.');
  const thread = await getInquiryThread(handle.db, owner, id);
  expect(thread.messages.map((m) => [m.authorName, m.body])).toEqual([
    ['Regulatory team', 'We need a proof of address in the UK.'],
    ['Dana Whitfield', 'Attached to our next email.'],
  ]);
  const emails = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'inquiry-reply'));
  expect(emails.map((e) => e.toAddresses)).toEqual([['owner@summit.example']]);
  await expect(getInquiryThread(handle.db, harbor, id)).rejects.toThrow('not found');
});
