// Local mode: the sandbox keeps its orders, clock and signing key in the data folder, so a
// restart of `npm start` finds the orders it placed and still signs as before.
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Telnyx from 'telnyx';
import { startCarrierSandbox } from '@/lib/carrier/sandbox/carrier-sandbox';
import { TelnyxCarrier } from '@/lib/carrier/telnyx-carrier';

test('a restarted sandbox keeps its orders, its clock and its key (file readable by this user only)', async () => {
  const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'carrier-sandbox-')), 'data', 'carrier-sandbox.json');
  const first = await startCarrierSandbox({ stateFile });
  const created = await new Telnyx({ apiKey: first.apiKey, baseURL: first.baseUrl }).portingOrders.create({
    phone_numbers: ['+14105550110'],
    customer_reference: 'ref-restart',
  });
  const id = created.data![0].id!;
  first.advance(3 * 60 * 60 * 1000);
  const clock = first.now();
  await first.close();
  expect(statSync(stateFile).mode & 0o777).toBe(0o600);

  const second = await startCarrierSandbox({ stateFile });
  try {
    expect(second.publicKey).toBe(first.publicKey);
    expect(second.apiKey).toBe(first.apiKey);
    expect(second.now() - clock).toBeLessThan(5_000);
    expect(second.now() - clock).toBeGreaterThanOrEqual(0);
    const again = new TelnyxCarrier({ apiKey: second.apiKey, publicKey: second.publicKey, baseUrl: second.baseUrl });
    expect(await again.getOrder(id)).toMatchObject({ id, status: 'draft', reference: 'ref-restart' });
  } finally {
    await second.close();
  }
});

test('the sandbox never keeps the PIN it is sent (only whether it was the test PIN 0000)', async () => {
  const sandbox = await startCarrierSandbox();
  try {
    const sdk = new Telnyx({ apiKey: sandbox.apiKey, baseURL: sandbox.baseUrl });
    const [order] = (await sdk.portingOrders.create({ phone_numbers: ['+14105550110'] })).data!;
    // Long enough that no random id or time in the answer holds it by chance: a 4-digit PIN turned up
    // inside the order's uuid once (about once in a thousand runs).
    const pin = '48213957';
    await sdk.portingOrders.update(order.id!, { end_user: { admin: { pin_passcode: pin } } });
    const kept = await sdk.portingOrders.retrieve(order.id!);
    expect(kept.data?.end_user?.admin?.pin_passcode).toBe('****');
    expect(JSON.stringify(kept)).not.toContain(pin);
  } finally {
    await sandbox.close();
  }
});
