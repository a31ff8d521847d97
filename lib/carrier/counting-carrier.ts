import 'server-only';
import { getMetrics } from '@/lib/ops/metrics';
import { isCarrierError, type PortingCarrier } from './porting-carrier';

type CarrierMethod = Exclude<keyof PortingCarrier, 'name'>;
const METHODS: readonly CarrierMethod[] = [
  'checkPortability', 'placeOrder', 'updateOrder', 'getOrder', 'allowedFocWindows', 'requestFoc', 'activate', 'cancel', 'comment', 'listComments', 'parseWebhook',
];

/** ok, retryable (the carrier is down or slow: the job retries), or error (refused, or ours). */
function outcomeOf(error: unknown): 'retryable' | 'error' {
  return isCarrierError(error) && error.retryable ? 'retryable' : 'error';
}

/** The carrier with each call counted by method and outcome (carrier_calls_total); it behaves the same. */
export function countingCarrier(inner: PortingCarrier): PortingCarrier {
  const counted = Object.create(inner) as PortingCarrier;
  for (const method of METHODS) {
    if (typeof inner[method] !== 'function') continue;
    const call = inner[method].bind(inner) as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(counted, method, {
      value: async (...args: unknown[]) => {
        try {
          const result = await call(...args);
          getMetrics().carrierCalls.inc({ method, outcome: 'ok' });
          return result;
        } catch (error) {
          getMetrics().carrierCalls.inc({ method, outcome: outcomeOf(error) });
          throw error;
        }
      },
    });
  }
  return counted;
}
