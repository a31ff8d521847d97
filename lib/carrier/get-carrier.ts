import 'server-only';
import path from 'node:path';
import { getEnv } from '@/lib/config/env';
import { countingCarrier } from './counting-carrier';
import type { PortingCarrier } from './porting-carrier';
import { startCarrierSandbox, type CarrierSandbox } from './sandbox/carrier-sandbox';
import { TelnyxCarrier } from './telnyx-carrier';

type CarrierCache = { __portCarrier?: Promise<PortingCarrier | null>; __portCarrierSandbox?: CarrierSandbox };
const cache = globalThis as unknown as CarrierCache;

/**
 * The process's carrier: Telnyx, or the in-process sandbox that the same SDK talks to (started on
 * first use, its webhooks sent to this app), or null when CARRIER=manual (the desk is hand-driven).
 */
export function getCarrier(): Promise<PortingCarrier | null> {
  cache.__portCarrier ??= (async (): Promise<PortingCarrier | null> => {
    const env = getEnv();
    const config = env.carrier;
    if (config.kind === 'manual') return null;
    if (config.kind === 'telnyx') return countingCarrier(new TelnyxCarrier({ apiKey: config.apiKey, publicKey: config.publicKey, baseUrl: config.baseUrl }));
    const sandbox = await startCarrierSandbox({
      webhookUrl: `${env.appUrl}/api/carrier/webhooks`,
      stateFile: path.join(env.dataDir, 'carrier-sandbox.json'),
    });
    cache.__portCarrierSandbox = sandbox;
    return countingCarrier(new TelnyxCarrier({ apiKey: sandbox.apiKey, publicKey: sandbox.publicKey, baseUrl: sandbox.baseUrl }));
  })().catch((error) => {
    // A failed start is not kept: the next call tries again.
    cache.__portCarrier = undefined;
    throw error;
  });
  return cache.__portCarrier;
}

/** Tests: use this carrier (null: none, as CARRIER=manual); undefined goes back to the configured one. */
export function setCarrier(carrier: PortingCarrier | null | undefined): void {
  cache.__portCarrier = carrier === undefined ? undefined : Promise.resolve(carrier);
  if (carrier === undefined) cache.__portCarrierSandbox = undefined;
}

/** The local sandbox behind getCarrier(), for the /dev/carrier page only; null with any other carrier. */
export async function getCarrierSandbox(): Promise<CarrierSandbox | null> {
  if (getEnv().carrier.kind !== 'sandbox') return null;
  await getCarrier();
  return cache.__portCarrierSandbox ?? null;
}
