/**
 * Issue 12, finding 8: a line break typed into a field that reaches an email subject (the customer
 * name: "Port request received for <name>", and every update's "· Port request for <name>") must
 * never get there. The wizard's pages parse each step with its schema before saving; this test does
 * the same, then sends the emails through the Resend stand-in and reads the subjects it received.
 */
import type { DatabaseHandle } from '@/db/client';
import { outboxEmails } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Actor } from '@/lib/auth/actor';
import { invalid } from '@/lib/forms/form-state';
import { deliverDueEmails } from '@/lib/mail/deliver-outbox';
import { resendTransport } from '@/lib/mail/transport';
import { saveCustomerStep } from '@/lib/porting/drafts/save-customer';
import { addNote } from '@/lib/porting/notes/add-note';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { submitPortRequest } from '@/lib/porting/submission/submit-port-request';
import { customerStepSchema } from '@/lib/porting/steps/customer';
import { HIDDEN_CHARACTER_MESSAGE } from '@/lib/porting/steps/single-line-text';
import type { Storage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { startResendStandIn } from '../helpers/resend-stand-in';
import { createTestStorage } from '../helpers/storage';

let handle: DatabaseHandle;
let storage: Storage;
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;
let owner: Actor, staff: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.baseUrl;
  await seedDemo(handle.db);
  [owner, staff] = await Promise.all(['owner@summit.example', 'regulatory@porting.example'].map((e) => actorByEmail(handle.db, e)));
});
afterAll(async () => {
  await standIn.close();
  await storage.close();
  await handle.close();
});

test('a customer name carrying "\\r\\nBcc:" is refused at step 4 and never reaches an email subject', async () => {
  const id = await draftReadyToSign(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'), ['+14105550170']);

  // Back on step 4, the name is typed with a header after a line break, and saved as the page saves it.
  const typed = { customerName: 'Summit Marketing Group LLC\r\nBcc: attacker@evil.example', carrierAccountNumber: '8834-2219', accountPin: '', portType: 'full' };
  const parsed = customerStepSchema({ pinOnFile: true }).safeParse(typed);
  if (parsed.success) await saveCustomerStep(handle.db, owner, id, parsed.data);

  await signDraft(handle.db, owner, id);
  await submitPortRequest(handle.db, owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await addNote(handle.db, staff, id, { body: 'We have your request.', visibility: 'public' });
  await deliverDueEmails({ db: handle.db, transport: resendTransport('re_test') });

  const stored = (await handle.db.select({ subject: outboxEmails.subject }).from(outboxEmails)).map((e) => e.subject);
  const received = standIn.accepted.map((m) => m.body.subject);
  expect(received).toEqual(expect.arrayContaining([expect.stringContaining('Port request received for Summit Marketing Group LLC'), expect.stringContaining('New note from our porting team')]));
  for (const subject of [...stored, ...received]) {
    expect(subject).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(subject).not.toContain('Bcc:');
  }
  expect((await getPortRequestDetail(handle.db, owner, id)).request.customerName).toBe('Summit Marketing Group LLC');
  // The page said why, next to the field, and kept what was typed.
  expect(parsed.success ? null : invalid(parsed.error, typed)).toMatchObject({ fieldErrors: { customerName: [HIDDEN_CHARACTER_MESSAGE] }, values: { customerName: typed.customerName } });
});
