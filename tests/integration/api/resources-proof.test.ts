/** @jest-environment node */
import { eq } from 'drizzle-orm';
import { outboxEmails } from '@/db/schema';
import { checkProofFile } from '@/lib/porting/proof/detect-proof-type';
import { PROOF_MAX_FILES } from '@/lib/porting/proof/proof-limits';
import { apiCall, makeApiKey } from '../../helpers/api';
import { renderedEmails } from '../../helpers/emails';
import { tinyPng } from '../../helpers/files';
import { draftReadyToSign, draftThroughCarrier, signDraft } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext();

function proofForm(files: { name: string; bytes: Uint8Array | Buffer; type?: string }[]): FormData {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'image/png' }), f.name);
  return form;
}

describe('proof and submission through the API', () => {
  test('proof uploaded (multipart, not sent), then submit: status submitted and the confirmation email queued', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    await signDraft(t.db, t.owner, id);

    const noProof = await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key });
    expect(noProof).toMatchObject({ status: 409, body: { detail: 'Add a bill or a screenshot that shows you own the numbers.' } });

    const uploaded = await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form: proofForm([{ name: 'bill.png', bytes: tinyPng() }]) });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ status: 'draft', proofFiles: [{ filename: 'bill.png', contentType: 'image/png', sizeBytes: tinyPng().length }] });

    const submitted = await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ object: 'submission', requestIds: [id], alreadySubmitted: false, portRequests: [{ id, status: 'submitted', submittedAt: expect.any(String) }] });
    const emails = await renderedEmails(t.db, eq(outboxEmails.subjectRef, `port-request:${id}`));
    expect(emails.map((e) => e.template)).toContain('port-submitted');
    expect(emails.find((e) => e.template === 'port-submitted')!.toAddresses).toContain('owner@summit.example');

    const again = await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key });
    expect(again.body).toMatchObject({ requestIds: [id], alreadySubmitted: true });
    const late = await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form: proofForm([{ name: 'bill2.png', bytes: tinyPng() }]) });
    expect(late.status).toBe(409);
  });

  test("the proof step's checks: content not an accepted kind, too many files, no file; each refusal per file under files", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const html = Buffer.from('<html>not a bill</html>');
    const refused = await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form: proofForm([{ name: 'bill.pdf', bytes: html, type: 'application/pdf' }]) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.files).toEqual([(checkProofFile({ name: 'bill.pdf', size: html.length, bytes: html }) as { message: string }).message]);
    const many = await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, {
      key,
      form: proofForm(Array.from({ length: PROOF_MAX_FILES + 1 }, (_, i) => ({ name: `p${i}.png`, bytes: tinyPng() }))),
    });
    expect(many.body.errors.files[0]).toBe(`Choose at most ${PROOF_MAX_FILES} files at a time; you chose ${PROOF_MAX_FILES + 1}. Send the rest afterwards, or combine pages into one PDF.`);
    const none = await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form: new FormData() });
    expect(none.status).toBe(422);
    expect((await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, json: {} })).status).toBe(415);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body.proofFiles).toEqual([]);
  });

  test("submit refuses what the wizard refuses, in its words: an unsigned letter", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form: proofForm([{ name: 'bill.png', bytes: tinyPng() }]) });
    const unsigned = await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key });
    expect(unsigned).toMatchObject({ status: 409, body: { detail: 'The Letter of Authorization must be signed again before sending. Open step 7.' } });
  });

  test('a mixed draft is sent as linked requests: their ids', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber(), t.freshNumber('toll-free')]);
    await signDraft(t.db, t.owner, id);
    await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form: proofForm([{ name: 'bill.png', bytes: tinyPng() }]) });
    const submitted = await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key });
    expect(submitted.status).toBe(200);
    expect(submitted.body.requestIds).toHaveLength(2);
    expect(submitted.body.requestIds).toContain(id);
    expect(new Set(submitted.body.portRequests.map((r: { numberGroup: string }) => r.numberGroup))).toEqual(new Set(['us_local', 'toll_free']));
  });

  test("another account's request: 404 for upload and submit; a read-only key: 403", async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const harbor = await makeApiKey(t.db, t.harbor, t.harborLegal);
    const readOnly = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read']);
    for (const key of [harbor, readOnly]) {
      const expected = key === harbor ? 404 : 403;
      expect((await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form: proofForm([{ name: 'bill.png', bytes: tinyPng() }]) })).status).toBe(expected);
      expect((await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key })).status).toBe(expected);
    }
  });
});
