/** @jest-environment node */
import { StateError } from '@/lib/errors';
import { addDays, isBusinessDay, isoDate, todayUtc } from '@/lib/porting/business-days';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { apiCall, makeApiKey } from '../../helpers/api';
import { draftThroughCarrier, draftThroughNumbers, submittedRequest } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

// The address step's real save, which one test makes refuse once the draft exists.
jest.mock('@/lib/porting/wizard/address', () => {
  const actual = jest.requireActual('@/lib/porting/wizard/address');
  return { ...actual, saveAddressStep: jest.fn(actual.saveAddressStep) };
});

const t = setupTestContext();

function businessDayIn(days: number): string {
  let d = addDays(todayUtc(), days);
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return isoDate(d);
}

const ADDRESS = { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' };

describe('port requests through the API', () => {
  test('create a draft with its first steps: 201, Location on APP_URL, the fields saved and returned, never the PIN', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const date = businessDayIn(10);
    const created = await apiCall(t.db, 'POST', '/port-requests', {
      key,
      headers: { host: 'evil.example' },
      json: {
        carrier: { losingCarrier: '  Verizon Business ', requestedPortDate: date },
        customer: { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: '771199', portType: 'partial', billingTelephoneNumber: '(410) 555-0142', btnIsPorting: false },
        address: ADDRESS,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      object: 'port_request',
      reference: expect.stringMatching(/^PR-\d{4}-\d{4,}$/),
      status: 'draft',
      accountId: t.summit,
      losingCarrier: 'Verizon Business',
      requestedPortDate: date,
      customerName: 'Summit Marketing Group LLC',
      accountPinOnFile: true,
      portType: 'partial',
      billingTelephoneNumber: '+14105550142',
      btnIsPorting: false,
      billingAddress: ADDRESS,
    });
    expect(created.body.completedSteps).toEqual(expect.arrayContaining(['carrier', 'customer', 'address']));
    expect(created.headers.get('location')).toBe(`http://localhost:3000/api/v1/port-requests/${created.body.id}`);
    expect(created.text).not.toContain('771199');
    const read = await apiCall(t.db, 'GET', `/port-requests/${created.body.id}`, { key });
    expect(read.body).toEqual(created.body);
  });

  test("the wizard's messages, per field; a new draft needs the PIN; nothing is made when a step is refused", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const before = (await apiCall(t.db, 'GET', '/port-requests', { key })).body.data.length;
    const refused = await apiCall(t.db, 'POST', '/port-requests', {
      key,
      json: { carrier: { losingCarrier: '' }, customer: { carrierAccountNumber: '1', portType: 'full' }, address: { ...ADDRESS, region: 'ON' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.errors['carrier.losingCarrier']).toEqual(["Enter the name of the carrier the numbers are with today, as it appears on your bill."]);
    expect(refused.body.errors['customer.accountPin']).toEqual(['Enter the account PIN. Your current carrier gives it to you, with the CSR.']);
    expect(refused.body.errors['customer.customerName']).toEqual(['Enter the customer name exactly as it appears on the phone bill.']);
    expect(refused.body.errors['address.country']).toEqual(['Ontario is a Canadian province: choose Canada as the country.']);
    const weekend = await apiCall(t.db, 'POST', '/port-requests', { key, json: { carrier: { losingCarrier: 'AT&T', requestedPortDate: '2001-01-01' } } });
    expect(weekend.body.errors['carrier.requestedPortDate'][0]).toMatch(/^Choose a date between/);
    expect((await apiCall(t.db, 'GET', '/port-requests', { key })).body.data).toHaveLength(before);
  });

  test('a step refused once the draft exists: the draft is discarded and the refusal answered (no half-made request)', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const before = (await apiCall(t.db, 'GET', '/port-requests?limit=100', { key })).body.data.length;
    jest.mocked(saveAddressStep).mockRejectedValueOnce(new StateError('The address could not be saved.'));
    const refused = await apiCall(t.db, 'POST', '/port-requests', { key, json: { carrier: { losingCarrier: 'AT&T' }, address: ADDRESS } });
    expect(refused).toMatchObject({ status: 409, body: { detail: 'The address could not be saved.' } });
    expect((await apiCall(t.db, 'GET', '/port-requests?limit=100', { key })).body.data.length).toBe(before);
  });

  test("a draft in a sub-account; an account the key may not use is refused", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const sub = await apiCall(t.db, 'POST', '/port-requests', { key, json: { accountId: t.summitDental } });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ accountId: t.summitDental, accountName: 'Summit Dental' });
    const other = await apiCall(t.db, 'POST', '/port-requests', { key, json: { accountId: t.harborLegal } });
    expect(other.status).toBe(422);
    expect(other.body.errors.accountId).toBeDefined();
  });

  test('each step saved with PUT; the customer step keeps the PIN on file when left out; the agreement takes every statement', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughNumbers(t.db, t.owner, t.summit, [t.freshNumber()]);
    const carrier = await apiCall(t.db, 'PUT', `/port-requests/${id}/carrier`, { key, json: { losingCarrier: 'Comcast Business' } });
    expect(carrier.status).toBe(200);
    expect(carrier.body).toMatchObject({ losingCarrier: 'Comcast Business', requestedPortDate: null });

    const noPin = await apiCall(t.db, 'PUT', `/port-requests/${id}/customer`, { key, json: { customerName: 'Summit', carrierAccountNumber: '88', portType: 'full' } });
    expect(noPin.status).toBe(422);
    expect(noPin.body.errors).toEqual({ accountPin: ['Enter the account PIN. Your current carrier gives it to you, with the CSR.'] });
    const withPin = await apiCall(t.db, 'PUT', `/port-requests/${id}/customer`, { key, json: { customerName: 'Summit', carrierAccountNumber: '88', portType: 'full', accountPin: 'PIN4242' } });
    expect(withPin.body).toMatchObject({ customerName: 'Summit', accountPinOnFile: true });
    const kept = await apiCall(t.db, 'PUT', `/port-requests/${id}/customer`, { key, json: { customerName: 'Summit Group', carrierAccountNumber: '88', portType: 'full' } });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ customerName: 'Summit Group', accountPinOnFile: true });
    const partial = await apiCall(t.db, 'PUT', `/port-requests/${id}/customer`, { key, json: { customerName: 'Summit', carrierAccountNumber: '88', portType: 'partial' } });
    expect(partial.body.errors).toMatchObject({
      billingTelephoneNumber: ['Enter the main number on the bill (the billing telephone number).'],
      btnIsPorting: ['Say whether the billing telephone number is one of the numbers you are porting.'],
    });

    const address = await apiCall(t.db, 'PUT', `/port-requests/${id}/address`, { key, json: { street: '1 Main', city: 'Ottawa', region: 'on', postalCode: 'k1a0b1', country: 'CA' } });
    expect(address.body.billingAddress).toEqual({ street: '1 Main', city: 'Ottawa', region: 'ON', postalCode: 'K1A 0B1', country: 'CA' });
    const halfAgreed = await apiCall(t.db, 'POST', `/port-requests/${id}/agreement`, { key, json: { authority: true } });
    expect(halfAgreed.status).toBe(422);
    expect(halfAgreed.body.errors.smsDelay).toEqual(['Confirm that you understand SMS can follow a few days after voice.']);
    const agreed = await apiCall(t.db, 'POST', `/port-requests/${id}/agreement`, { key, json: { authority: true, activeService: true, matchesBill: 'on', smsDelay: true } });
    expect(agreed.status).toBe(200);
    expect(agreed.body.agreementAcceptedAt).toEqual(expect.any(String));
    expect(agreed.body.completedSteps).toEqual(expect.arrayContaining(['carrier', 'numbers', 'customer', 'address', 'agreement']));
    for (const r of [carrier, noPin, withPin, kept, partial, address, agreed]) expect(r.text).not.toContain('PIN4242');
  });

  test("a sent request refuses edits with the wizard's message (409); it cannot be discarded but can be cancelled", async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
    const edit = await apiCall(t.db, 'PUT', `/port-requests/${id}/carrier`, { key, json: { losingCarrier: 'Comcast' } });
    expect(edit.status).toBe(409);
    expect(edit.body.detail).toBe('This request has been sent to our team and can no longer be edited here. Open it from Port Numbers to follow it.');
    const discard = await apiCall(t.db, 'DELETE', `/port-requests/${id}`, { key });
    expect(discard.status).toBe(409);
    expect(discard.body.detail).toBe('This request has been sent to our team and can no longer be edited here. Open it from Port Numbers to follow it.');

    const { version } = (await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body;
    const stale = await apiCall(t.db, 'POST', `/port-requests/${id}/cancel`, { key, json: { version: version + 5 } });
    expect(stale.status).toBe(409);
    const missing = await apiCall(t.db, 'POST', `/port-requests/${id}/cancel`, { key, json: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.version).toBeDefined();
    const cancelled = await apiCall(t.db, 'POST', `/port-requests/${id}/cancel`, { key, json: { version, reason: 'Staying with the carrier.' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(cancelled.body.numbers.every((n: { status: string }) => n.status === 'cancelled')).toBe(true);
    const again = await apiCall(t.db, 'POST', `/port-requests/${id}/cancel`, { key, json: { version: cancelled.body.version } });
    expect(again).toMatchObject({ status: 409, body: { detail: 'This request is already closed.' } });
  });

  test('DELETE discards a draft (204), then it is 404', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const gone = await apiCall(t.db, 'DELETE', `/port-requests/${id}`, { key });
    expect(gone.status).toBe(204);
    expect(gone.text).toBe('');
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).status).toBe(404);
  });

  test('the timeline through GET …/events', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
    const events = await apiCall(t.db, 'GET', `/port-requests/${id}/events`, { key });
    expect(events.status).toBe(200);
    expect(events.body.object).toBe('list');
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['draft_created', 'status_changed']));
  });

  test("another account's request is 404 for every call; a read-only key gets 403 on writes", async () => {
    const id = await draftThroughNumbers(t.db, t.owner, t.summit, [t.freshNumber()]);
    const harbor = await makeApiKey(t.db, t.harbor, t.harborLegal);
    const calls: [string, string, object?][] = [
      ['GET', `/port-requests/${id}`],
      ['DELETE', `/port-requests/${id}`],
      ['PUT', `/port-requests/${id}/carrier`, { json: { losingCarrier: 'X' } }],
      ['PUT', `/port-requests/${id}/customer`, { json: { customerName: 'X', carrierAccountNumber: '1', portType: 'full', accountPin: '1' } }],
      ['PUT', `/port-requests/${id}/address`, { json: ADDRESS }],
      ['POST', `/port-requests/${id}/agreement`, { json: { authority: true, activeService: true, matchesBill: true, smsDelay: true } }],
      ['POST', `/port-requests/${id}/cancel`, { json: { version: 1 } }],
      ['POST', `/port-requests/${id}/submit`],
      ['GET', `/port-requests/${id}/events`],
    ];
    for (const [method, path, options] of calls) {
      const answer = await apiCall(t.db, method, path, { key: harbor, ...options });
      expect([method, path, answer.status]).toEqual([method, path, 404]);
    }
    const readOnly = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read']);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key: readOnly })).status).toBe(200);
    for (const [method, path, options] of calls.filter(([m]) => m !== 'GET')) {
      const answer = await apiCall(t.db, method, path, { key: readOnly, ...options });
      expect([method, path, answer.status]).toEqual([method, path, 403]);
    }
    expect((await apiCall(t.db, 'POST', '/port-requests', { key: readOnly, json: {} })).status).toBe(403);
  });
});

describe('the list', () => {
  test('cursor pages: each request once, newest first, stable while requests are made', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await apiCall(t.db, 'POST', '/port-requests', { key, json: {} })).body.id);
    const all = (await apiCall(t.db, 'GET', '/port-requests?limit=100', { key })).body.data.map((r: { id: string }) => r.id);
    expect(all.slice(0, 7)).toEqual([...made].reverse());

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { data: { id: string }[]; hasMore: boolean; nextCursor: string | null } } = await apiCall(
        t.db,
        'GET',
        `/port-requests?limit=3${cursor ? `&startingAfter=${cursor}` : ''}`,
        { key },
      );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((r) => r.id));
      // A request made mid-walk is newer than every cursor: it shifts nothing.
      if (pages === 0) await apiCall(t.db, 'POST', '/port-requests', { key, json: {} });
      cursor = page.body.nextCursor;
      expect(page.body.hasMore).toBe(cursor !== null);
      pages++;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);

    const bad = await apiCall(t.db, 'GET', '/port-requests?startingAfter=nonsense', { key });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.startingAfter).toBeDefined();
    // A cursor of the right shape with an impossible date is refused the same way (not a server failure).
    const impossible = Buffer.from('2024-13-45T99:99:99.000000Z|00000000-0000-4000-8000-000000000000').toString('base64url');
    expect((await apiCall(t.db, 'GET', `/port-requests?startingAfter=${impossible}`, { key })).status).toBe(422);
    expect((await apiCall(t.db, 'GET', '/port-requests?limit=0', { key })).body.errors.limit).toEqual(['Use a number from 1 to 100.']);
    expect((await apiCall(t.db, 'GET', '/port-requests?limit=101', { key })).status).toBe(422);
  });

  test('filters: status, a number in any format, a sub-account; never another account', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const number = t.freshNumber();
    const withNumber = await draftThroughNumbers(t.db, t.owner, t.summitDental, [number]);
    const sent = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
    const harborKey = await makeApiKey(t.db, t.harbor, t.harborLegal);
    await draftThroughCarrier(t.db, t.harbor, t.harborLegal);

    const national = `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;
    const byNumber = await apiCall(t.db, 'GET', `/port-requests?number=${encodeURIComponent(national)}`, { key });
    expect(byNumber.body.data.map((r: { id: string }) => r.id)).toEqual([withNumber]);
    expect(byNumber.body.data[0]).toMatchObject({ object: 'port_request', accountName: 'Summit Dental', numberCount: 1, firstNumbers: [number] });
    expect((await apiCall(t.db, 'GET', '/port-requests?number=12', { key })).body.errors.number).toEqual(['Enter a full number, e.g. (410) 555-0100 or +14105550100.']);

    const submitted = await apiCall(t.db, 'GET', '/port-requests?status=submitted', { key });
    expect(submitted.body.data.map((r: { id: string }) => r.id)).toContain(sent);
    expect(submitted.body.data.every((r: { status: string }) => r.status === 'submitted')).toBe(true);
    expect((await apiCall(t.db, 'GET', '/port-requests?status=nope', { key })).status).toBe(422);

    const dental = await apiCall(t.db, 'GET', `/port-requests?accountId=${t.summitDental}`, { key });
    expect(dental.body.data.every((r: { accountId: string }) => r.accountId === t.summitDental)).toBe(true);
    expect(dental.body.data.map((r: { id: string }) => r.id)).toContain(withNumber);
    expect((await apiCall(t.db, 'GET', `/port-requests?accountId=${t.harborLegal}`, { key })).status).toBe(422);
    const harborList = await apiCall(t.db, 'GET', '/port-requests', { key: harborKey });
    expect(harborList.body.data.every((r: { accountId: string }) => r.accountId === t.harborLegal)).toBe(true);
    expect(harborList.body.data.length).toBeGreaterThan(0);
  });
});
