import type { CarrierPortability } from '@/lib/carrier/porting-carrier';
import { formatPhoneNumber } from '@/lib/phone/format';
import type { PortNumberVerdict } from './check-rules';

/** What the carrier's portability check answered for one check: by number, or why there is no answer. */
export type CarrierAnswers =
  | { status: 'asked'; byNumber: ReadonlyMap<string, CarrierPortability> }
  /** Down, failing or too slow: our own pre-checks stand, the team's submission asks again. */
  | { status: 'unavailable' }
  /** No carrier connected (CARRIER=manual): the checks are ours only, as before. */
  | { status: 'manual' };

/**
 * The carrier's answers laid over our pre-checks: a line we accepted and the carrier calls not
 * portable is refused with the carrier's reason; the others carry what the carrier knows of them.
 * Lines we refused are left as they are (the carrier was not asked about them).
 */
export function withCarrierAnswers(verdicts: PortNumberVerdict[], answers: CarrierAnswers): PortNumberVerdict[] {
  if (answers.status === 'manual') return verdicts;
  return verdicts.map((v) => {
    if (v.verdict !== 'accepted' || !v.e164) return v;
    const answer = answers.status === 'asked' ? answers.byNumber.get(v.e164) : undefined;
    // A number left out of the answer is as good as not asked: it is checked again at submission.
    if (!answer) return { ...v, carrierChecked: false };
    const facts = {
      carrierChecked: true,
      currentCarrier: plain(answer.currentCarrier ?? '', 100) || undefined,
      fastPortable: answer.fastPortable,
      messagingCapable: answer.messagingCapable,
    };
    if (answer.portable) return { ...v, ...facts };
    // No alternate routing to choose for a number that is not coming.
    const { alternateRoutingFor: _routing, ...rest } = v;
    return { ...rest, ...facts, verdict: 'refused', code: 'not_portable', message: notPortableMessage(v.e164, facts.currentCarrier, answer.notPortableReason) };
  });
}

function notPortableMessage(e164: string, currentCarrier: string | undefined, reason: string | undefined): string {
  const shown = formatPhoneNumber(e164);
  const who = currentCarrier ? `its current carrier (${currentCarrier})` : 'its current carrier';
  const why = plain(reason ?? '', 200);
  return (
    `${shown} cannot be ported: the records of ${who} say it is not portable` +
    (why ? `: “${why}”.` : '.') +
    ' Remove this line, or ask that carrier what keeps the number from moving.'
  );
}

/** The carrier's text inside our words: one line, without control or direction characters, and short. */
function plain(text: string, max: number): string {
  const one = text.replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, ' ').replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
