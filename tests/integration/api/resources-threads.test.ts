/** @jest-environment node */
import { and, eq } from 'drizzle-orm';
import { portRequestNoteReads } from '@/db/schema';
import { addNote } from '@/lib/porting/notes/add-note';
import { apiCall, makeApiKey } from '../../helpers/api';
import { draftThroughCarrier, submittedRequest } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext();

describe('notes through the API', () => {
  test('a note written and read back; the team named as a team; internal notes never shown; reading does not mark the thread read', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
    const written = await apiCall(t.db, 'POST', `/port-requests/${id}/notes`, { key, json: { body: '  Can the port happen on a Friday?  ' } });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ object: 'note', body: 'Can the port happen on a Friday?', fromTeam: false, createdAt: expect.any(String) });
    await addNote(t.db, t.staff, id, { body: 'Fridays are fine.', visibility: 'public' });
    await addNote(t.db, t.staff, id, { body: 'Internal: check the CSR.', visibility: 'internal' });

    const readsBefore = await t.db.select().from(portRequestNoteReads).where(and(eq(portRequestNoteReads.portRequestId, id), eq(portRequestNoteReads.userId, t.owner.userId)));
    const thread = await apiCall(t.db, 'GET', `/port-requests/${id}/notes`, { key });
    expect(thread.status).toBe(200);
    expect(thread.body.data.map((n: { body: string; authorName: string }) => [n.body, n.authorName])).toEqual([
      ['Can the port happen on a Friday?', t.owner.name],
      ['Fridays are fine.', 'Porting team'],
    ]);
    const readsAfter = await t.db.select().from(portRequestNoteReads).where(and(eq(portRequestNoteReads.portRequestId, id), eq(portRequestNoteReads.userId, t.owner.userId)));
    expect(readsAfter).toEqual(readsBefore);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body.noteCount).toBe(2);
  });

  test("the service's refusals: an empty note per field, a draft's notes not open yet", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const sent = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
    const empty = await apiCall(t.db, 'POST', `/port-requests/${sent}/notes`, { key, json: { body: '   ' } });
    expect(empty).toMatchObject({ status: 422, body: { errors: { body: ['Write a note before sending.'] } } });
    const draft = await draftThroughCarrier(t.db, t.owner, t.summit);
    const early = await apiCall(t.db, 'POST', `/port-requests/${draft}/notes`, { key, json: { body: 'Hello' } });
    expect(early).toMatchObject({ status: 409, body: { detail: 'Notes open once the request is sent to our team.' } });
  });
});

describe('recipients through the API', () => {
  test('list, add, remove; the submitter first and never removable; strangers refused in the same words as unknown addresses', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
    const listed = await apiCall(t.db, 'GET', `/port-requests/${id}/recipients`, { key });
    expect(listed.body).toEqual({ object: 'list', data: [{ object: 'recipient', userId: t.owner.userId, email: t.owner.email, name: t.owner.name, isSubmitter: true }] });

    const added = await apiCall(t.db, 'POST', `/port-requests/${id}/recipients`, { key, json: { email: ' Analyst@Summit.example ' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: t.analyst.userId, email: 'analyst@summit.example', isSubmitter: false });
    const twice = await apiCall(t.db, 'POST', `/port-requests/${id}/recipients`, { key, json: { email: 'analyst@summit.example' } });
    expect(twice).toMatchObject({ status: 422, body: { errors: { email: ['analyst@summit.example already receives the updates.'] } } });
    const NOT_ALLOWED = 'Only users of this platform who can see this account can receive its updates. Ask an admin to invite them to the account first.';
    for (const email of [t.harbor.email, 'nobody@nowhere.example']) {
      expect((await apiCall(t.db, 'POST', `/port-requests/${id}/recipients`, { key, json: { email } })).body.errors).toEqual({ email: [NOT_ALLOWED] });
    }
    expect((await apiCall(t.db, 'POST', `/port-requests/${id}/recipients`, { key, json: { email: 'not-an-address' } })).body.errors.email).toEqual(['Enter an email address like name@company.com.']);

    const submitter = await apiCall(t.db, 'DELETE', `/port-requests/${id}/recipients/${t.owner.userId}`, { key });
    expect(submitter).toMatchObject({ status: 409, body: { detail: 'The person who entered the request always receives its updates.' } });
    expect((await apiCall(t.db, 'DELETE', `/port-requests/${id}/recipients/${t.analyst.userId}`, { key })).status).toBe(204);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}/recipients`, { key })).body.data).toHaveLength(1);
  });

  test("another account's request: 404 for notes and recipients; a read-only key reads but cannot write", async () => {
    const id = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
    const harbor = await makeApiKey(t.db, t.harbor, t.harborLegal);
    const readOnly = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read']);
    const writes: [string, string, object?][] = [
      ['POST', `/port-requests/${id}/notes`, { json: { body: 'Hi' } }],
      ['POST', `/port-requests/${id}/recipients`, { json: { email: 'analyst@summit.example' } }],
      ['DELETE', `/port-requests/${id}/recipients/${t.owner.userId}`],
    ];
    const reads: [string, string][] = [
      ['GET', `/port-requests/${id}/notes`],
      ['GET', `/port-requests/${id}/recipients`],
    ];
    for (const [method, path, options] of [...writes, ...reads]) expect([path, (await apiCall(t.db, method, path, { key: harbor, ...options })).status]).toEqual([path, 404]);
    for (const [method, path, options] of writes) expect([path, (await apiCall(t.db, method, path, { key: readOnly, ...options })).status]).toEqual([path, 403]);
    for (const [method, path] of reads) expect((await apiCall(t.db, method, path, { key: readOnly })).status).toBe(200);
  });
});
