import { countingCarrier } from '@/lib/carrier/counting-carrier';
import { CarrierError, type PortingCarrier } from '@/lib/carrier/porting-carrier';
import { getMetrics } from '@/lib/ops/metrics';

async function count(method: string, outcome: string): Promise<number> {
  const { values } = await getMetrics().carrierCalls.get();
  return values.find((v) => v.labels.method === method && v.labels.outcome === outcome)?.value ?? 0;
}

// A stand-in carrier: portability answers, the order call fails as told.
function carrier(placeOrderFails: Error): PortingCarrier {
  return {
    name: 'telnyx',
    checkPortability: async (numbers: string[]) => numbers.map((number) => ({ number, portable: true, fastPortable: false })),
    placeOrder: async () => {
      throw placeOrderFails;
    },
  } as unknown as PortingCarrier;
}

test('each carrier call is counted by method and outcome, and answers or throws exactly as the carrier did', async () => {
  const before = {
    ok: await count('checkPortability', 'ok'),
    retryable: await count('placeOrder', 'retryable'),
    error: await count('placeOrder', 'error'),
  };
  const down = countingCarrier(carrier(new CarrierError('the carrier is down', true, 503)));
  expect(down.name).toBe('telnyx');
  expect(await down.checkPortability(['+14105550110'])).toEqual([{ number: '+14105550110', portable: true, fastPortable: false }]);
  await expect(down.placeOrder({} as never)).rejects.toMatchObject({ retryable: true, status: 503 });
  const refusing = countingCarrier(carrier(new CarrierError('PASSCODE_PIN_INVALID', false, 422)));
  await expect(refusing.placeOrder({} as never)).rejects.toMatchObject({ retryable: false });
  await expect(countingCarrier(carrier(new TypeError('a bug of ours'))).placeOrder({} as never)).rejects.toBeInstanceOf(TypeError);

  expect(await count('checkPortability', 'ok')).toBe(before.ok + 1);
  expect(await count('placeOrder', 'retryable')).toBe(before.retryable + 1);
  expect(await count('placeOrder', 'error')).toBe(before.error + 2);
});
