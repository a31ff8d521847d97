import 'server-only';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { logFailure } from '@/lib/log';
import type { PortNumberVerdict } from './check-rules';
import type { CarrierAnswers } from './carrier-verdicts';

// Past this the customer waits for nothing: the numbers are checked again when the team submits.
const CARRIER_CHECK_TIMEOUT_MS = 8_000;

/**
 * The carrier's portability check for the lines our pre-checks accepted: one batched call, made
 * outside any database transaction (nothing is locked while the carrier answers). A carrier that
 * is down, failing or slow never blocks the customer: the answer says it could not be asked.
 */
export async function askCarrier(verdicts: PortNumberVerdict[]): Promise<CarrierAnswers> {
  const numbers = [...new Set(verdicts.flatMap((v) => (v.verdict === 'accepted' && v.e164 ? [v.e164] : [])))];
  let timer: NodeJS.Timeout | undefined;
  try {
    const carrier = await getCarrier();
    if (!carrier) return { status: 'manual' };
    if (numbers.length === 0) return { status: 'asked', byNumber: new Map() };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CARRIER_CHECK_TIMEOUT_MS} ms`)), CARRIER_CHECK_TIMEOUT_MS);
    });
    const answers = await Promise.race([carrier.checkPortability(numbers), timeout]);
    return { status: 'asked', byNumber: new Map(answers.map((a) => [a.number, a])) };
  } catch (error) {
    logFailure('carrier portability check', error);
    return { status: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}
