/**
 * Issue 12, finding 8: a line break typed into a field that reaches an email subject (the customer
 * name: "Port request received for <name>", and every update's "· Port request for <name>") must
 * never get there. The wizard's pages parse each step with its schema before saving; this test does
 * the same, then sends the emails through the Resend stand-in and reads the subjects it received.
 */
import { outboxEmails } from '@/db/schema';
import { invalid } from '@/lib/forms/form-state';
import { deliverDueEmails } from '@/lib/mail/deliver-outbox';
import { resendTransport } from '@/lib/mail/transport';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { addNote } from '@/lib/porting/notes/add-note';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { customerStepSchema } from '@/lib/porting/wizard/customer-schema';
import { HIDDEN_CHARACTER_MESSAGE } from '@/lib/porting/wizard/single-line-text';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { startResendStandIn } from '../helpers/resend-stand-in';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.baseUrl;
});
beforeEach(() => standIn.reset());
afterAll(async () => {
  await standIn.close();
});

test('a customer name carrying "\\r\\nBcc:" is refused at step 4 and never reaches an email subject', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);

  // Back on step 4, the name is typed with a header after a line break, and saved as the page saves it.
  const typed = { customerName: 'Summit Marketing Group LLC\r\nBcc: attacker@evil.example', carrierAccountNumber: '8834-2219', accountPin: '', portType: 'full' };
  const parsed = customerStepSchema({ pinOnFile: true }).safeParse(typed);
  if (parsed.success) await saveCustomerStep(t.db, t.owner, id, parsed.data);

  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await addNote(t.db, t.staff, id, { body: 'We have your request.', visibility: 'public' });
  await deliverDueEmails({ db: t.db, transport: resendTransport('re_test') });

  const stored = (await t.db.select({ subject: outboxEmails.subject }).from(outboxEmails)).map((e) => e.subject);
  const received = standIn.accepted.map((m) => m.body.subject);
  expect(received).toEqual(expect.arrayContaining([expect.stringContaining('Port request received for Summit Marketing Group LLC'), expect.stringContaining('New note from our porting team')]));
  for (const subject of [...stored, ...received]) {
    expect(subject).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(subject).not.toContain('Bcc:');
  }
  expect((await getPortRequestDetail(t.db, t.owner, id)).request.customerName).toBe('Summit Marketing Group LLC');
  // The page said why, next to the field, and kept what was typed.
  expect(parsed.success ? null : invalid(parsed.error, typed)).toMatchObject({ fieldErrors: { customerName: [HIDDEN_CHARACTER_MESSAGE] }, values: { customerName: typed.customerName } });
});
