/** @jest-environment node */
import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';
import { readNumberLines } from '@/lib/porting/wizard/numbers/read-number-lines';
import { apiCall, makeApiKey } from '../../helpers/api';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { draftThroughCarrier, submittedRequest } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext();

const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

async function numbersOf(key: string, id: string): Promise<string[]> {
  return (await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body.numbers.map((n: { number: string }) => n.number);
}

describe('numbers through the API', () => {
  test('lines refused in the console and kept to fix are listed and dismissed through the API, and the step then completes', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const good = t.freshNumber();
    const lines = [{ line: 1, numberToPort: good }, { line: 2, numberToPort: 'call me' }];
    await addNumbersToDraft(t.db, t.owner, id, lines, { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' }, new Date(), {
      origin: (l) => `clinic.csv, line ${l.line}`,
      replacing: [],
    });
    const blocked = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/complete`, { key });
    expect(blocked.status).toBe(409);

    const listed = await apiCall(t.db, 'GET', `/port-requests/${id}/lines-to-fix`, { key });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ object: 'list', total: 1, data: [{ origin: 'clinic.csv, line 2', numberToPort: 'call me', code: expect.any(String) }] });
    expect(listed.body.data[0]).not.toHaveProperty('id');

    // Another tenant's key finds nothing to list or dismiss.
    const harborKey = await makeApiKey(t.db, t.harbor, t.harborLegal);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}/lines-to-fix`, { key: harborKey })).status).toBe(404);
    expect((await apiCall(t.db, 'DELETE', `/port-requests/${id}/lines-to-fix`, { key: harborKey })).status).toBe(404);

    expect((await apiCall(t.db, 'DELETE', `/port-requests/${id}/lines-to-fix`, { key })).status).toBe(204);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}/lines-to-fix`, { key })).body).toMatchObject({ total: 0, data: [] });
    const completed = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/complete`, { key });
    expect(completed.status).toBe(200);
    expect(completed.body.completedSteps).toContain('numbers');
    expect(await numbersOf(key, id)).toEqual([good]);
  });

  test('a CSV body: accepted lines saved, the refused line answered with its line, input and the step\'s reason', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const [a, b] = t.freshNumbers(2);
    const csv = `Number,Receiving Number,Tracking Source\n${national(a)},+14105550199,Google Ads\nnot a number,+14105550199,Google Ads\n${b},,Website\n`;
    const added = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers?defaultReceivingNumber=%2B14105550198`, { key, text: csv, contentType: 'text/csv' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ object: 'number_lines_result', mode: 'added', summary: { accepted: 2, refused: 1 }, verdictsTotal: 3 });
    const invalid = parsePortNumber('not a number');
    expect(invalid.ok).toBe(false);
    expect(added.body.refused).toEqual([
      { line: 3, numberToPort: 'not a number', receivingNumber: '+14105550199', trackingSource: 'Google Ads', reason: (invalid as { message: string }).message },
    ]);
    expect(added.body.verdicts[0]).toMatchObject({ line: 2, verdict: 'accepted', code: 'ok', number: a });
    expect(await numbersOf(key, id)).toEqual([a, b]);
    const detail = (await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body.numbers;
    expect(detail[1]).toMatchObject({ number: b, receivingNumber: '+14105550198', trackingSource: 'Website' });
  });

  test('JSON rows with defaults; a duplicate refused as the step words it; a list the reader cannot read is a 422 with its message', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const [a, b] = t.freshNumbers(2);
    const added = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers`, {
      key,
      json: { numbers: [{ numberToPort: a }, { numberToPort: b, accountName: 'Summit Dental' }, { numberToPort: national(a) }], defaults: { receivingNumber: '+14105550199', trackingSource: 'Google Ads' } },
    });
    expect(added.status).toBe(200);
    expect(added.body.summary).toMatchObject({ accepted: 2, refused: 1 });
    expect(added.body.refused).toEqual([{ line: 3, numberToPort: national(a), reason: `${national(a)} is already on line 1 of this request. Remove this line.` }]);
    const detail = (await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body.numbers;
    expect(detail.map((n: { accountName: string }) => n.accountName)).toEqual(['Summit Marketing Group', 'Summit Dental']);

    const empty = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers`, { key, json: { numbers: [] } });
    expect(empty.status).toBe(422);
    expect(empty.body.errors.numbers).toEqual(['Enter at least one number.']);
    const pdf = '%PDF-1.4 not numbers';
    const unreadable = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers`, { key, text: pdf, contentType: 'text/plain' });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.errors.body).toEqual([(readNumberLines(pdf) as { message: string }).message]);
    expect((await apiCall(t.db, 'POST', `/port-requests/${id}/numbers`, { key, text: 'x', contentType: 'application/xml' })).status).toBe(415);
  });

  test('the portability check answers the same verdicts and saves nothing', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const [a] = t.freshNumbers(1);
    const checked = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/check`, {
      key,
      text: `${a}\n+1 800 555 0199\n12\n`,
      contentType: 'text/plain',
      headers: {},
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ mode: 'checked', verdictsTotal: 3 });
    // No default receiving number or source: the step's own reasons.
    expect(checked.body.refused.map((r: { line: number }) => r.line)).toEqual([1, 2, 3]);
    expect(await numbersOf(key, id)).toEqual([]);
    const ok = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/check`, { key, json: { numbers: [{ numberToPort: a }], defaults: { receivingNumber: '+14105550199', trackingSource: 'Google Ads' } } });
    expect(ok.body.verdicts).toEqual([expect.objectContaining({ verdict: 'accepted', code: 'ok', number: a, message: `${national(a)} can be ported.` })]);
    expect(await numbersOf(key, id)).toEqual([]);
  });

  test('complete the step: refused without numbers and until every forwarding tracking number has a route; remove a number', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const none = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/complete`, { key });
    expect(none.status).toBe(409);
    expect(none.body.detail).toBe('No numbers are in this request yet. Enter at least one Number to Port (in a row, or a file or list), then continue.');

    // +14105550000 is what the demo's tracking numbers 0100 and 0101 ring today.
    const [a] = t.freshNumbers(1);
    const added = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers`, {
      key,
      json: { numbers: [{ numberToPort: '+14105550000' }, { numberToPort: a }], defaults: { receivingNumber: '+14105550199', trackingSource: 'Google Ads' } },
    });
    expect(added.body.verdicts[0]).toMatchObject({ code: 'needs_alternate_routing', alternateRoutingFor: ['+14105550100', '+14105550101'] });
    const unrouted = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/complete`, { key });
    expect(unrouted.status).toBe(409);
    expect(unrouted.body.detail).toMatch(/^Choose where 2 tracking numbers \(410\) 555-0100, \(410\) 555-0101 should forward/);

    const listed = await apiCall(t.db, 'GET', `/port-requests/${id}/alternate-routing`, { key });
    expect(listed.body.data).toEqual([
      { trackingNumber: '+14105550100', portingNumber: '+14105550000', newReceivingNumber: null },
      { trackingNumber: '+14105550101', portingNumber: '+14105550000', newReceivingNumber: null },
    ]);
    const loop = await apiCall(t.db, 'PUT', `/port-requests/${id}/alternate-routing`, { key, json: { routes: [{ trackingNumber: '(410) 555-0100', newReceivingNumber: a }] } });
    expect(loop.status).toBe(422);
    expect(loop.body.errors['routes.0.newReceivingNumber']).toEqual(['That number is being ported too; choose a number that stays where it is.']);
    const unknown = await apiCall(t.db, 'PUT', `/port-requests/${id}/alternate-routing`, { key, json: { routes: [{ trackingNumber: '+14105550102', newReceivingNumber: '+14105550177' }] } });
    expect(unknown.body.errors['routes.0.trackingNumber']).toBeDefined();
    const routed = await apiCall(t.db, 'PUT', `/port-requests/${id}/alternate-routing`, {
      key,
      json: { routes: [{ trackingNumber: '+14105550100', newReceivingNumber: '(410) 555-0177' }, { trackingNumber: '+14105550101', newReceivingNumber: '+14105550178' }] },
    });
    expect(routed.status).toBe(200);
    expect(routed.body.data.map((r: { newReceivingNumber: string }) => r.newReceivingNumber)).toEqual(['+14105550177', '+14105550178']);
    const done = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/complete`, { key });
    expect(done.status).toBe(200);
    expect(done.body.completedSteps).toContain('numbers');

    const removed = await apiCall(t.db, 'DELETE', `/port-requests/${id}/numbers/${encodeURIComponent(national(a))}`, { key });
    expect(removed.status).toBe(204);
    const after = (await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body;
    expect(after.numbers.map((n: { number: string }) => n.number)).toEqual(['+14105550000']);
    expect(after.completedSteps).not.toContain('numbers');
  });

  test("a sent request's numbers cannot change (409, the wizard's words); another account's is 404; a read-only key 403", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const [a] = t.freshNumbers(1);
    const id = await submittedRequest(t.db, t.owner, t.summit, [a]);
    const body = { json: { numbers: [{ numberToPort: t.freshNumber() }] } };
    const add = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers`, { key, ...body });
    expect(add).toMatchObject({ status: 409, body: { detail: 'This request has been sent to our team and can no longer be edited here. Open it from Port Numbers to follow it.' } });
    const harbor = await makeApiKey(t.db, t.harbor, t.harborLegal);
    const readOnly = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read']);
    const calls: [string, string, object?][] = [
      ['POST', `/port-requests/${id}/numbers`, body],
      ['POST', `/port-requests/${id}/numbers/check`, body],
      ['DELETE', `/port-requests/${id}/numbers/${a}`],
      ['POST', `/port-requests/${id}/numbers/complete`],
      ['PUT', `/port-requests/${id}/alternate-routing`, { json: { routes: [{ trackingNumber: '+14105550100', newReceivingNumber: '+14105550177' }] } }],
    ];
    for (const [method, path, options] of [...calls, ['GET', `/port-requests/${id}/alternate-routing`] as [string, string]]) {
      expect([path, (await apiCall(t.db, method, path, { key: harbor, ...options })).status]).toEqual([path, 404]);
    }
    for (const [method, path, options] of calls) {
      expect([path, (await apiCall(t.db, method, path, { key: readOnly, ...options })).status]).toEqual([path, 403]);
    }
  });
});
