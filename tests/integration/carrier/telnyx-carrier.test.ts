// TelnyxCarrier through the official SDK against the carrier sandbox: every call the porting
// domain makes, the sandbox's clock, and its signed webhooks. The rules are in docs/carrier.md.
import { getLogger } from '@/lib/ops/logger';
import Telnyx from 'telnyx';
import { CarrierError, CarrierSignatureError, type CarrierEvent, type CarrierOrderInput } from '@/lib/carrier/porting-carrier';
import { DAY, HOUR, startTestCarrier, type TestCarrier } from '@/tests/helpers/carrier';

let t: TestCarrier;
let received: { body: string; headers: Record<string, string> }[];

beforeEach(async () => {
  received = [];
  t = await startTestCarrier({ onWebhook: async (body, headers) => void received.push({ body, headers }) });
});
afterEach(() => t.close());

const pdf = (name: string) => ({ filename: name, contentType: 'application/pdf', bytes: Buffer.from(`%PDF-1.4 ${name}`) });

function order(overrides: Partial<CarrierOrderInput> = {}): CarrierOrderInput {
  return {
    reference: `ref-${Math.random().toString(36).slice(2)}`,
    portRequestId: 'pr-1',
    numbers: ['+14105550110', '+14105550111'],
    accountHolder: 'Summit Marketing Group',
    accountNumber: '778812',
    pin: '4321',
    billingTelephoneNumber: '+14105550110',
    portType: 'full',
    serviceAddress: { street: '100 Light St', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' },
    authorizedPerson: { name: 'Dana Whitfield', title: 'Owner' },
    loa: pdf('loa.pdf'),
    invoice: pdf('bill.pdf'),
    enableMessaging: true,
    ...overrides,
  };
}

/** The webhooks delivered so far, verified by the SDK as the route will. */
async function events(): Promise<CarrierEvent[]> {
  await t.sandbox.flushWebhooks();
  return Promise.all(received.map((w) => t.carrier.parseWebhook(w.body, w.headers)));
}

function statusesOf(list: CarrierEvent[], orderId: string) {
  return list
    .filter((e) => e.type === 'order_status_changed' && e.orderId === orderId)
    .map((e) => ((e.raw.data as { payload: { status: { value: string } } }).payload.status.value));
}

/** Moves the sandbox clock to just past an ISO time. */
function advanceTo(at: string) {
  t.sandbox.advance(Date.parse(at) - t.sandbox.now() + 60_000);
}

test('portability: not portable with the carrier reason; the current carrier, fast-port and messaging of the others', async () => {
  const result = await t.carrier.checkPortability(['+14105550110', '+14105560117', '+14105550950', '+18005550150']);
  expect(result).toEqual([
    { number: '+14105550110', portable: true, fastPortable: false, currentCarrier: 'Verizon Business', messagingCapable: true },
    { number: '+14105560117', portable: true, fastPortable: true, currentCarrier: 'Comcast Business', messagingCapable: true },
    { number: '+14105550950', portable: false, notPortableReason: 'The rate center of this number is not supported for porting', fastPortable: false },
    { number: '+18005550150', portable: true, fastPortable: false, currentCarrier: 'Verizon Business', messagingCapable: true },
  ]);
});

test('a placed order is submitted at once, gets its FOC an hour later, ports at the FOC, and texts follow a day later', async () => {
  const [placed, ...others] = await t.carrier.placeOrder(order());
  expect(others).toEqual([]);
  expect(placed).toMatchObject({ status: 'submitted', numbers: ['+14105550110', '+14105550111'], fastPortEligible: false, messagingStatus: 'pending' });
  expect(placed.supportKey).toMatch(/^sr_/);

  t.sandbox.advance(HOUR - 60_000);
  expect((await t.carrier.getOrder(placed.id)).status).toBe('submitted');
  t.sandbox.advance(2 * 60_000);
  const confirmed = await t.carrier.getOrder(placed.id);
  expect(confirmed.status).toBe('foc-date-confirmed');
  // Two business days after submission, at 15:00 UTC.
  expect(confirmed.focConfirmedAt).toMatch(/T15:00:00\.000Z$/);
  expect(Date.parse(confirmed.focConfirmedAt!) - t.sandbox.now()).toBeGreaterThan(DAY);

  advanceTo(confirmed.focConfirmedAt!);
  expect(await t.carrier.getOrder(placed.id)).toMatchObject({ status: 'ported', messagingStatus: 'pending' });
  t.sandbox.advance(DAY);
  expect((await t.carrier.getOrder(placed.id)).messagingStatus).toBe('ported');

  const all = await events();
  expect(statusesOf(all, placed.id)).toEqual(['submitted', 'foc-date-confirmed', 'ported']);
  expect(all.filter((e) => e.type === 'order_messaging_changed').map((e) => e.orderId)).toEqual([placed.id]);
  expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
});

test('the carrier confirms the FOC asked for when it is late enough', async () => {
  const wanted = new Date(t.sandbox.now() + 9 * DAY);
  wanted.setUTCHours(17, 30, 0, 0);
  const [placed] = await t.carrier.placeOrder(order({ requestedFocAt: wanted.toISOString() }));
  expect(placed.focRequestedAt).toBe(wanted.toISOString());
  t.sandbox.advance(HOUR);
  expect((await t.carrier.getOrder(placed.id)).focConfirmedAt).toBe(wanted.toISOString());
});

test.each([
  [{ pin: '0000' }, 'PASSCODE_PIN_INVALID'],
  [{ serviceAddress: { street: '1 Main St', city: 'Baltimore', region: 'MD', postalCode: '99999', country: 'US' as const } }, 'LOCATION_MISMATCH'],
  [{ serviceAddress: { street: '1 King St W', city: 'Toronto', region: 'ON', postalCode: 'X9X 9X9', country: 'CA' as const }, numbers: ['+14165550140'] }, 'LOCATION_MISMATCH'],
  [{ accountNumber: '000000' }, 'ACCOUNT_NUMBER_MISMATCH'],
  [{ numbers: ['+14105550110', '+14105550899'] }, 'PHONE_NUMBER_HAS_SPECIAL_FEATURE'],
])('details the losing carrier rejects put the order in exception (%j → %s)', async (overrides, code) => {
  const [placed] = await t.carrier.placeOrder(order(overrides));
  t.sandbox.advance(HOUR);
  const rejected = await t.carrier.getOrder(placed.id);
  expect(rejected.status).toBe('exception');
  expect(rejected.exceptions.map((e) => e.code)).toEqual([code]);
  expect(rejected.exceptions[0].description).toBeTruthy();
});

test('correcting an order in exception sends it back to the carrier, which then confirms the FOC', async () => {
  const [placed] = await t.carrier.placeOrder(order({ pin: '0000' }));
  t.sandbox.advance(HOUR);
  expect((await t.carrier.getOrder(placed.id)).status).toBe('exception');
  // The carrier says why in a comment too.
  expect((await t.carrier.listComments(placed.id))[0]).toMatchObject({ author: 'carrier', body: expect.stringContaining('PIN') });

  const corrected = await t.carrier.updateOrder(placed.id, { pin: '4321', loa: pdf('loa-v2.pdf') });
  expect(corrected).toMatchObject({ status: 'submitted', exceptions: [] });
  t.sandbox.advance(HOUR);
  expect((await t.carrier.getOrder(placed.id)).status).toBe('foc-date-confirmed');

  const all = await events();
  expect(statusesOf(all, placed.id)).toEqual(['submitted', 'exception', 'submitted', 'foc-date-confirmed']);
  expect(all.filter((e) => e.type === 'order_comment').map((e) => e.orderId)).toEqual([placed.id]);
});

test('an order in progress refuses new details, with the carrier words, not retryable', async () => {
  const [placed] = await t.carrier.placeOrder(order());
  await expect(t.carrier.updateOrder(placed.id, { accountNumber: '1' })).rejects.toMatchObject({
    name: 'CarrierError',
    retryable: false,
    status: 422,
    message: 'A porting order in status submitted cannot be edited',
  });
});

test('placing twice with one reference creates one order; an order left in draft by a failed try is finished', async () => {
  const input = order();
  const first = await t.carrier.placeOrder(input);
  const second = await t.carrier.placeOrder(input);
  expect(second.map((o) => o.id)).toEqual(first.map((o) => o.id));
  expect(t.sandbox.orders().filter((o) => o.customerReference === input.reference)).toHaveLength(1);

  // A try that created the order and then failed: the next one confirms it rather than creating another.
  const sdk = new Telnyx({ apiKey: t.sandbox.apiKey, baseURL: t.sandbox.baseUrl });
  await sdk.portingOrders.create({ phone_numbers: ['+14105550112'], customer_reference: 'ref-half-done' });
  const finished = await t.carrier.placeOrder(order({ reference: 'ref-half-done', numbers: ['+14105550112'] }));
  expect(finished).toMatchObject([{ status: 'submitted', reference: 'ref-half-done' }]);
  expect(t.sandbox.orders().filter((o) => o.customerReference === 'ref-half-done')).toHaveLength(1);
});

test('numbers of two losing carriers become two orders, both placed', async () => {
  const placed = await t.carrier.placeOrder(order({ numbers: ['+14105550110', '+14105560111'] }));
  expect(placed.map((o) => [o.numbers, o.status])).toEqual(
    expect.arrayContaining([
      [['+14105550110'], 'submitted'],
      [['+14105560111'], 'submitted'],
    ]),
  );
});

test('allowed FOC windows, and another FOC asked for after confirmation is confirmed an hour later', async () => {
  const [placed] = await t.carrier.placeOrder(order());
  t.sandbox.advance(HOUR);
  const windows = await t.carrier.allowedFocWindows(placed.id);
  expect(windows).toHaveLength(10);
  expect(Date.parse(windows[0].startsAt)).toBeGreaterThan(t.sandbox.now());
  expect(Date.parse(windows[0].endsAt)).toBeGreaterThan(Date.parse(windows[0].startsAt));

  const later = windows[4].startsAt;
  expect(await t.carrier.requestFoc(placed.id, later)).toMatchObject({ status: 'submitted', focRequestedAt: later });
  t.sandbox.advance(HOUR);
  expect(await t.carrier.getOrder(placed.id)).toMatchObject({ status: 'foc-date-confirmed', focConfirmedAt: later });
});

test('fast-port: activatable inside the window from the FOC, ported on activation; refused before', async () => {
  const [placed] = await t.carrier.placeOrder(order({ numbers: ['+14105550117', '+14105550127'] }));
  expect(placed.fastPortEligible).toBe(true);
  t.sandbox.advance(HOUR);
  const confirmed = await t.carrier.getOrder(placed.id);
  await expect(t.carrier.activate(placed.id)).rejects.toMatchObject({ retryable: false, message: 'The order is not inside its activation window' });

  advanceTo(confirmed.focConfirmedAt!);
  expect(await t.carrier.getOrder(placed.id)).toMatchObject({ status: 'foc-date-confirmed', activationStatus: 'Activate RDY' });
  expect(await t.carrier.activate(placed.id)).toMatchObject({ status: 'ported' });
});

test('fast-port: not activated, the order ports by itself when the window ends', async () => {
  const [placed] = await t.carrier.placeOrder(order({ numbers: ['+14105550117'] }));
  t.sandbox.advance(HOUR);
  advanceTo((await t.carrier.getOrder(placed.id)).focConfirmedAt!);
  t.sandbox.advance(4 * HOUR);
  expect((await t.carrier.getOrder(placed.id)).status).toBe('ported');
});

test('cancelling a submitted order is pending, then done an hour later', async () => {
  const [placed] = await t.carrier.placeOrder(order());
  expect(await t.carrier.cancel(placed.id)).toMatchObject({ status: 'cancel-pending' });
  t.sandbox.advance(HOUR);
  expect((await t.carrier.getOrder(placed.id)).status).toBe('cancelled');
});

test('comments: ours are kept as ours, the carrier staff\'s as theirs', async () => {
  const [placed] = await t.carrier.placeOrder(order());
  const mine = await t.carrier.comment(placed.id, 'Please port after 6pm.');
  expect(mine).toMatchObject({ author: 'us', body: 'Please port after 6pm.' });
  t.sandbox.addCarrierComment(placed.id, 'The losing carrier asks for a new bill.');
  expect((await t.carrier.listComments(placed.id)).map((c) => [c.author, c.body])).toEqual([
    ['us', 'Please port after 6pm.'],
    ['carrier', 'The losing carrier asks for a new bill.'],
  ]);
  // Only the carrier's comment is news (a webhook).
  expect((await events()).filter((e) => e.type === 'order_comment')).toHaveLength(1);
});

test('webhooks: verified by the SDK, with the event id a replay repeats; a tampered, unsigned or stale one is refused', async () => {
  const [placed] = await t.carrier.placeOrder(order());
  await t.sandbox.flushWebhooks();
  const { body, headers } = received[0];
  const event = await t.carrier.parseWebhook(body, headers);
  expect(event).toMatchObject({ type: 'order_status_changed', carrierType: 'porting_order.status_changed', orderId: placed.id });
  expect((await t.carrier.parseWebhook(body, headers)).id).toBe(event.id);

  await expect(t.carrier.parseWebhook(body.replace('submitted', 'ported'), headers)).rejects.toBeInstanceOf(CarrierSignatureError);
  await expect(t.carrier.parseWebhook(body, {})).rejects.toBeInstanceOf(CarrierSignatureError);
  const stale = t.sandbox.signedHeaders(body, Math.floor(Date.now() / 1000) - 600);
  await expect(t.carrier.parseWebhook(body, stale)).rejects.toBeInstanceOf(CarrierSignatureError);
  // Signed by the sandbox but not an event: refused too.
  await expect(t.carrier.parseWebhook('{"hello":1}', t.sandbox.signedHeaders('{"hello":1}'))).rejects.toBeInstanceOf(CarrierSignatureError);
  // An event type we do not know is kept as "other".
  const other = JSON.stringify({ data: { event_type: 'porting_order.deleted', id: 'e-1', occurred_at: new Date().toISOString(), payload: { id: placed.id }, record_type: 'event' } });
  expect(await t.carrier.parseWebhook(other, t.sandbox.signedHeaders(other))).toMatchObject({ type: 'order_other', orderId: placed.id });
});

test('lost webhooks: with delivery dropped nothing arrives, and the order still says where it is', async () => {
  t.sandbox.setDropWebhooks(true);
  const [placed] = await t.carrier.placeOrder(order());
  t.sandbox.advance(HOUR);
  await t.sandbox.flushWebhooks();
  expect(received).toEqual([]);
  expect((await t.carrier.getOrder(placed.id)).status).toBe('foc-date-confirmed');
});

test('a receiver that fails is tried again', async () => {
  const warned = jest.spyOn(getLogger(), 'warn').mockImplementation(() => {});
  let failures = 1;
  const flaky = await startTestCarrier({
    install: false,
    onWebhook: async (body, headers) => {
      if (failures-- > 0) throw new Error('database busy');
      received.push({ body, headers });
    },
  });
  try {
    await flaky.carrier.placeOrder(order());
    await flaky.sandbox.flushWebhooks();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0].body).meta.attempt).toBe(2);
    expect(warned).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1, error: 'Error: database busy' }), 'sandbox webhook not delivered');
  } finally {
    await flaky.close();
    jest.restoreAllMocks();
  }
});

test('a carrier outage is a retryable CarrierError; a refusal is not, and carries the carrier words', async () => {
  t.sandbox.setDown(true);
  const down = await t.carrier.checkPortability(['+14105550110']).catch((e: unknown) => e);
  expect(down).toBeInstanceOf(CarrierError);
  expect(down).toMatchObject({ retryable: true, status: 503 });
  await expect(t.carrier.placeOrder(order())).rejects.toMatchObject({ retryable: true });
  t.sandbox.setDown(false);

  await expect(t.carrier.getOrder('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
    retryable: false,
    status: 404,
    message: 'Porting order 00000000-0000-4000-8000-000000000000 was not found',
  });
  await expect(t.carrier.placeOrder(order({ numbers: ['+14105550950'] }))).rejects.toMatchObject({ retryable: false, status: 422 });
});

test('a carrier that cannot be reached at all is retryable too', async () => {
  const { TelnyxCarrier } = await import('@/lib/carrier/telnyx-carrier');
  const nowhere = new TelnyxCarrier({ apiKey: 'k', publicKey: t.sandbox.publicKey, baseUrl: 'http://127.0.0.1:9/v2', maxRetries: 0 });
  await expect(nowhere.getOrder('x')).rejects.toMatchObject({ name: 'CarrierError', retryable: true });
});
