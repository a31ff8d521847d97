// The carrier for integration tests: the sandbox on 127.0.0.1 behind the real adapter
// (TelnyxCarrier over the official SDK), installed with setCarrier so the app's services use it.
// Webhooks go to `onWebhook` (the raw body and headers as the route would get them), so a test
// feeds them to the webhook service without HTTP; without it they are discarded. Rules: docs/carrier.md.
import { setCarrier } from '@/lib/carrier/get-carrier';
import type { PortingCarrier } from '@/lib/carrier/porting-carrier';
import { startCarrierSandbox, type CarrierSandbox } from '@/lib/carrier/sandbox/carrier-sandbox';
import { TelnyxCarrier } from '@/lib/carrier/telnyx-carrier';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export type TestCarrier = {
  carrier: PortingCarrier;
  /** advance(ms), now(), setDropWebhooks(b), flushWebhooks(), orders(), setDown(b), signedHeaders(body), addCarrierComment(id, body). */
  sandbox: CarrierSandbox;
  close(): Promise<void>;
};

export async function startTestCarrier(
  options: { onWebhook?: (rawBody: string, headers: Record<string, string>) => Promise<void>; install?: boolean } = {},
): Promise<TestCarrier> {
  const sandbox = await startCarrierSandbox({
    onWebhook: options.onWebhook ?? (async () => {}),
    webhookRetryDelaysMs: [10, 20, 40],
    tickMs: 60_000,
  });
  // maxRetries 1 keeps the outage tests quick (the sandbox's 503 says retry after 20 ms).
  const carrier = new TelnyxCarrier({ apiKey: sandbox.apiKey, publicKey: sandbox.publicKey, baseUrl: sandbox.baseUrl, maxRetries: 1, timeoutMs: 10_000 });
  const install = options.install ?? true;
  if (install) setCarrier(carrier);
  return {
    carrier,
    sandbox,
    async close() {
      if (install) setCarrier(undefined);
      await sandbox.close();
    },
  };
}
