import { eq } from 'drizzle-orm';
import { internationalPortInquiries, outboxEmails, portRequests } from '@/db/schema';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { readInquiryNumbers, submitInternationalInquiry } from '@/lib/porting/international/submit-international-inquiry';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { removeNumbersFromDraft } from '@/lib/porting/wizard/numbers/remove-numbers';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import { listForwardingTrackingNumbers, saveAlternateRouting } from '@/lib/porting/wizard/numbers/routing';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext({ storage: false });

const defaults = { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' };
const line = (numberToPort: string, i = 1) => ({ line: i, numberToPort });

test('a number held by another account\'s open request is refused without naming that account', async () => {
  const contested = t.freshNumber();
  const harbor = t.harbor;
  const harborDraft = await createPortRequestDraft(t.db, harbor, t.harborLegal);
  await addNumbersToDraft(t.db, harbor, harborDraft, [line(contested)], { receivingNumber: '+16175550188', trackingSourceName: 'Website' });

  const owner = t.owner;
  const draft = await createPortRequestDraft(t.db, owner, t.summit);
  // A draft holds nothing yet: the number is free until Harbor submits.
  expect((await addNumbersToDraft(t.db, owner, draft, [line(contested)], defaults))[0].verdict).toBe('accepted');
  await removeNumbersFromDraft(t.db, owner, draft, []);

  await t.db.update(portRequests).set({ status: 'submitted' }).where(eq(portRequests.id, harborDraft));
  const [verdict] = await addNumbersToDraft(t.db, owner, draft, [line(contested)], defaults);
  expect(verdict).toMatchObject({ verdict: 'refused', code: 'in_open_request' });
  expect(verdict.message).not.toContain('Harbor');
});

test('numbers already on the platform, or already in this request, are refused; the good lines are kept', async () => {
  const [added, fresh] = t.freshNumbers(2);
  const owner = t.owner;
  const draft = await createPortRequestDraft(t.db, owner, t.summit);
  await addNumbersToDraft(t.db, owner, draft, [line(added)], defaults);
  const verdicts = await addNumbersToDraft(t.db, owner, draft, [line('+16175550130', 1), line(added, 2), line(fresh, 3)], defaults);
  expect(verdicts.map((v) => v.code)).toEqual(['already_tracking', 'duplicate', 'ok']);
  expect(verdicts[0].message).not.toContain('Harbor');
});

test('an active receiving number needs a new route for its tracking numbers before the step completes', async () => {
  const owner = t.owner;
  const draft = await createPortRequestDraft(t.db, owner, t.summit);
  const [verdict] = await addNumbersToDraft(t.db, owner, draft, [line('+14105550000')], defaults);
  expect(verdict).toMatchObject({ code: 'needs_alternate_routing', alternateRoutingFor: ['+14105550100', '+14105550101'] });
  await expect(completeNumbersStep(t.db, owner, draft)).rejects.toThrow(/\(410\) 555-0100, \(410\) 555-0101/);

  const request = await findPortRequest(t.db, owner, draft);
  const forwarding = await listForwardingTrackingNumbers(t.db, owner, request);
  const errors = await saveAlternateRouting(t.db, owner, draft, {
    [forwarding[0].trackingNumberId]: '(410) 555-0198',
    [forwarding[1].trackingNumberId]: '+14105550000',
  });
  expect(Object.values(errors)).toEqual(['That number is being ported too; choose a number that stays where it is.']);
  await saveAlternateRouting(t.db, owner, draft, { [forwarding[1].trackingNumberId]: '410.555.0198' });
  await completeNumbersStep(t.db, owner, draft);
  const routes = await listForwardingTrackingNumbers(t.db, owner, request);
  expect(routes.map((r) => r.newReceivingNumber)).toEqual(['+14105550198', '+14105550198']);
});

test('an international ticket records its countries and numbers for the team and confirms by email', async () => {
  const owner = t.owner;
  const lines = readInquiryNumbers('+44 20 7946 0000\n+33 1 23 45 67 89\n+1 410 555 0170\nnonsense');
  expect(lines.map((l) => l.problem ?? l.country)).toEqual(['GB', 'FR', 'A US or Canadian number: port it with Create Port Request instead.', expect.stringMatching(/country code/)]);
  const id = await submitInternationalInquiry(t.db, owner, t.summit, lines.slice(0, 2), 'Two offices');
  const [ticket] = await t.db.select().from(internationalPortInquiries).where(eq(internationalPortInquiries.id, id));
  expect(ticket).toMatchObject({ countries: ['FR', 'GB'], numbers: ['+442079460000', '+33123456789'], status: 'open', note: 'Two offices' });
  const [email] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `international-inquiry:${id}`));
  expect(email.subject).toContain('(FR, GB)');
});

test('the team replies to an international inquiry in its thread, the asker is emailed, strangers see nothing', async () => {
  const { getInquiryThread, replyToInquiry } = await import('@/lib/porting/international/inquiry-thread');
  const owner = t.owner;
  const staff = t.staff;
  const harbor = t.harbor;
  const id = await submitInternationalInquiry(t.db, owner, t.summit, readInquiryNumbers('+44 20 7946 0001'));
  await replyToInquiry(t.db, staff, id, 'We need a proof of address in the UK.');
  await replyToInquiry(t.db, owner, id, 'Attached to our next email.');
  const thread = await getInquiryThread(t.db, owner, id);
  expect(thread.messages.map((m) => [m.authorName, m.body])).toEqual([
    ['Regulatory team', 'We need a proof of address in the UK.'],
    ['Dana Whitfield', 'Attached to our next email.'],
  ]);
  const emails = await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'inquiry-reply'));
  expect(emails.map((e) => e.toAddresses)).toEqual([['owner@summit.example']]);
  await expect(getInquiryThread(t.db, harbor, id)).rejects.toThrow('not found');
});
