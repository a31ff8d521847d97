/** @jest-environment node */
import { eq } from 'drizzle-orm';
import { outboxEmails } from '@/db/schema';
import { SIGN_EARLIER_STEPS } from '@/lib/porting/wizard/loa/signature-request/send-for-signature';
import { apiCall, makeApiKey } from '../../helpers/api';
import { renderedEmails } from '../../helpers/emails';
import { draftReadyToSign, draftThroughCarrier, signDraft, TEST_PIN } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext();
const signer = { signerName: 'Dana Whitfield', signerEmail: 'dana@whitfield-dental.example' };

describe('the LOA through the API', () => {
  test('the letter as its signer reads it, its SHA-256; no PDF until signed; then the signed PDF', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    const letter = await apiCall(t.db, 'GET', `/port-requests/${id}/loa`, { key });
    expect(letter.status).toBe(200);
    expect(letter.body).toMatchObject({ object: 'loa', signed: null, signatureRequest: null, contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(letter.body.text).toContain('Letter of Authorization');
    expect(letter.body.fields).toEqual(expect.arrayContaining([{ label: 'Customer name (as on the bill)', value: 'Summit Marketing Group LLC' }]));
    expect(letter.text).not.toContain(TEST_PIN);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}/loa.pdf`, { key })).status).toBe(404);

    await signDraft(t.db, t.owner, id, 'Dana Whitfield');
    const signed = await apiCall(t.db, 'GET', `/port-requests/${id}/loa`, { key });
    expect(signed.body.signed).toMatchObject({ signerName: 'Dana Whitfield', kind: 'typed', viaLink: false });
    const pdf = await apiCall(t.db, 'GET', `/port-requests/${id}/loa.pdf`, { key });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  test('send for signature: the link emailed, the letter shown with the signer; resend; revoke', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    const sent = await apiCall(t.db, 'POST', `/port-requests/${id}/loa/signature-request`, { key, json: signer });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ object: 'loa_signature_request', state: 'waiting', ...signer, sendCount: 1 });
    const emails = await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signature-request'));
    expect(emails.filter((e) => e.toAddresses.includes(signer.signerEmail))).toHaveLength(1);
    expect(sent.text).not.toMatch(/\/sign\//);

    const letter = await apiCall(t.db, 'GET', `/port-requests/${id}/loa`, { key });
    expect(letter.body.fields).toEqual(expect.arrayContaining([{ label: 'Authorized person', value: `${signer.signerName} <${signer.signerEmail}>` }]));
    expect(letter.body.signatureRequest).toMatchObject({ state: 'waiting', signerEmail: signer.signerEmail });

    const resent = await apiCall(t.db, 'POST', `/port-requests/${id}/loa/signature-request/resend`, { key });
    expect(resent.status).toBe(200);
    expect(resent.body.sendCount).toBe(2);
    expect((await apiCall(t.db, 'DELETE', `/port-requests/${id}/loa/signature-request`, { key })).status).toBe(204);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}/loa`, { key })).body.signatureRequest.state).toBe('revoked');
  });

  test("the service's refusals: per-field 422, earlier steps not done (409 in its words); 404 for another account, 403 read-only", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const early = await draftThroughCarrier(t.db, t.owner, t.summit);
    const invalid = await apiCall(t.db, 'POST', `/port-requests/${early}/loa/signature-request`, { key, json: { signerName: '', signerEmail: 'nope' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual({ signerName: ['Enter the name of the person who signs for the business.'], signerEmail: ['Enter an email address like name@company.com.'] });
    const notYet = await apiCall(t.db, 'POST', `/port-requests/${early}/loa/signature-request`, { key, json: signer });
    expect(notYet).toMatchObject({ status: 409, body: { detail: SIGN_EARLIER_STEPS } });

    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    const harbor = await makeApiKey(t.db, t.harbor, t.harborLegal);
    const readOnly = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read']);
    const writes: [string, string, object?][] = [
      ['POST', `/port-requests/${id}/loa/signature-request`, { json: signer }],
      ['POST', `/port-requests/${id}/loa/signature-request/resend`],
      ['DELETE', `/port-requests/${id}/loa/signature-request`],
    ];
    for (const [method, path, options] of [...writes, ['GET', `/port-requests/${id}/loa`], ['GET', `/port-requests/${id}/loa.pdf`]] as [string, string, object?][]) {
      expect([path, (await apiCall(t.db, method, path, { key: harbor, ...options })).status]).toEqual([path, 404]);
    }
    for (const [method, path, options] of writes) expect([path, (await apiCall(t.db, method, path, { key: readOnly, ...options })).status]).toEqual([path, 403]);
  });
});
