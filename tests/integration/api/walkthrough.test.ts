/** @jest-environment node */
/**
 * Issue 14, the first "Done when": a whole port request driven through the API alone, as an
 * agency's CRM would: key, draft, numbers from a CSV body (one line refused), the details, the LOA
 * sent for signature and signed through the emailed link, proof, submission; then our team asks
 * for changes and the customer sees it, and the customer's webhook endpoint (a loopback receiver)
 * gets "changes needed" with the reasons, signed (checked with standardwebhooks), and after
 * answering 500, the same message again under the same webhook-id.
 */
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { outboxEmails } from '@/db/schema';
import { requestChanges } from '@/lib/porting/review/request-changes';
import { startReview } from '@/lib/porting/review/decide';
import { getSigningPage } from '@/lib/porting/wizard/loa/signature-request/get-signing-page';
import { signByLink } from '@/lib/porting/wizard/loa/signature-request/sign-by-link';
import { apiCall, makeApiKey, type ApiAnswer, type ApiCallOptions } from '../../helpers/api';
import { renderedEmails } from '../../helpers/emails';
import { tinyPng } from '../../helpers/files';
import { setupTestContext } from '../../helpers/test-context';
import { deliverDueWebhooks, RETRY_DELAYS_SECONDS } from '@/lib/webhooks/deliver-webhooks';
import { endpointFor, startReceiver } from '../webhooks/receiver';

const t = setupTestContext();
const PIN = 'ZQ7731PIN';

test('a port request from draft to "changes needed", through the API alone', async () => {
  // The CRM's webhook endpoint: down the first time it hears of changes needed.
  let refusedOnce = false;
  const receiver = await startReceiver(t.defer, {
    answer: (message) => (message.json.type === 'port_request.changes_needed' && !refusedOnce ? ((refusedOnce = true), 500) : 200),
  });
  const { secret } = await endpointFor(t.db, t.owner, t.summit, receiver.url);
  const answers: ApiAnswer[] = [];
  const key = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read', 'port_requests:write'], 'CRM sync');
  const call = async (method: string, path: string, options: ApiCallOptions = {}) => {
    const answer = await apiCall(t.db, method, path, { key, ...options });
    answers.push(answer);
    return answer;
  };

  // A draft, and the carrier step.
  const draft = await call('POST', '/port-requests', { json: { carrier: { losingCarrier: 'Verizon Business' } }, headers: { 'Idempotency-Key': 'crm-draft-1' } });
  expect(draft.status).toBe(201);
  const id: string = draft.body.id;

  // The numbers from the CRM's export: one line is not a number.
  const [a, b] = t.freshNumbers(2);
  const csv = ['Number,Receiving Number,Tracking Source', `${a},+14105550199,Google Ads`, 'call me,+14105550199,Google Ads', `${b},+14105550199,Website`].join('\r\n');
  const numbers = await call('POST', `/port-requests/${id}/numbers`, { text: csv, contentType: 'text/csv' });
  expect(numbers.status).toBe(200);
  expect(numbers.body.summary).toMatchObject({ accepted: 2, refused: 1 });
  expect(numbers.body.refused).toEqual([expect.objectContaining({ line: 3, numberToPort: 'call me', reason: expect.any(String) })]);
  expect((await call('POST', `/port-requests/${id}/numbers/complete`)).status).toBe(200);

  // The details.
  expect((await call('PUT', `/port-requests/${id}/customer`, { json: { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: PIN, portType: 'full' } })).status).toBe(200);
  expect((await call('PUT', `/port-requests/${id}/address`, { json: { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' } })).status).toBe(200);
  const agreed = await call('POST', `/port-requests/${id}/agreement`, { json: { authority: true, activeService: true, matchesBill: true, smsDelay: true } });
  expect(agreed.body.completedSteps).toEqual(expect.arrayContaining(['carrier', 'numbers', 'customer', 'address', 'agreement']));

  // The LOA, sent to the business's signer and signed through the emailed link.
  const sent = await call('POST', `/port-requests/${id}/loa/signature-request`, { json: { signerName: 'Dana Whitfield', signerEmail: 'dana@summit-clients.example' } });
  expect(sent.body.state).toBe('waiting');
  const [email] = (await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signature-request'))).filter((e) => e.toAddresses.includes('dana@summit-clients.example'));
  const token = /\/sign\/([A-Za-z0-9_-]{43})/.exec(email.text)![1];
  const page = await getSigningPage(t.db, token);
  if (!page.usable) throw new Error(page.message);
  await signByLink(t.db, token, { typedName: 'Dana Whitfield', signerTitle: 'Office Manager', agreed: true, letterFingerprint: page.letterFingerprint }, { ipAddress: '198.51.100.23', userAgent: 'Mozilla/5.0 (Signer)' });
  const loa = await call('GET', `/port-requests/${id}/loa`);
  expect(loa.body.signed).toMatchObject({ signerName: 'Dana Whitfield', signerTitle: 'Office Manager', signerEmail: 'dana@summit-clients.example', viaLink: true });
  expect(loa.body.signatureRequest.state).toBe('signed');
  expect((await call('GET', `/port-requests/${id}/loa.pdf`)).headers.get('content-type')).toBe('application/pdf');

  // Proof, then send.
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'bill.png');
  expect((await call('POST', `/port-requests/${id}/proof`, { form })).status).toBe(201);
  const submitted = await call('POST', `/port-requests/${id}/submit`, { headers: { 'Idempotency-Key': 'crm-submit-1' } });
  expect(submitted.body).toMatchObject({ requestIds: [id], portRequests: [{ status: 'submitted' }] });
  const listed = await call('GET', '/port-requests?status=submitted');
  expect(listed.body.data.map((r: { id: string }) => r.id)).toContain(id);

  // Our team asks for changes; the customer sees them.
  await startReview(t.db, t.staff, id, (await call('GET', `/port-requests/${id}`)).body.version);
  await requestChanges(t.db, t.staff, id, { reasons: ['zip_mismatch'], numberIds: [], note: 'The CSR shows 21201.', version: (await call('GET', `/port-requests/${id}`)).body.version });
  const changes = await call('GET', `/port-requests/${id}`);
  expect(changes.body).toMatchObject({ status: 'changes_needed', changesNeeded: { reasons: [{ code: 'zip_mismatch' }], note: 'The CSR shows 21201.' } });
  const timeline = await call('GET', `/port-requests/${id}/events`);
  expect(timeline.body.data.some((e: { type: string; actorName: string | null }) => e.actorName === 'CRM sync (API key)')).toBe(true);

  // The webhooks, in the order things happened; "changes needed" carries the reasons.
  let now = Date.now();
  for (let pass = 0; pass < 10 && !receiver.received.some((m) => m.json.type === 'port_request.changes_needed'); pass++) await deliverDueWebhooks({ db: t.db, now: new Date(now) });
  const verify = (i: number) => new Webhook(secret).verify(receiver.received[i].body, receiver.received[i].headers) as { type: string; data: Record<string, unknown> };
  const types = receiver.received.map((_, i) => verify(i).type);
  expect(types).toEqual(['loa.signed', 'port_request.submitted', 'port_request.review_started', 'port_request.changes_needed']);
  const refused = receiver.received.at(-1)!;
  expect(verify(receiver.received.length - 1).data).toMatchObject({ portRequest: { id, status: 'changes_needed' }, reasons: [{ code: 'zip_mismatch' }], note: 'The CSR shows 21201.' });
  // The endpoint answered 500: the retry brings the same message, under the same webhook-id.
  now += (RETRY_DELAYS_SECONDS[0] + 1) * 1000;
  expect(await deliverDueWebhooks({ db: t.db, now: new Date(now) })).toMatchObject({ delivered: 1 });
  const retried = receiver.received.at(-1)!;
  expect(retried).not.toBe(refused);
  expect(retried.headers['webhook-id']).toBe(refused.headers['webhook-id']);
  expect(retried.body).toBe(refused.body);
  expect(verify(receiver.received.length - 1).type).toBe('port_request.changes_needed');

  // Never the PIN, in any answer or webhook.
  for (const answer of answers) expect(answer.text).not.toContain(PIN);
  for (const message of receiver.received) expect(message.body).not.toContain(PIN);
});
