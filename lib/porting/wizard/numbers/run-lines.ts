import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { formatPhoneNumber } from '@/lib/phone/format';
import { findEditableDraft } from '../editable-draft';
import { findPortRequest } from '../../port-request-access';
import { addNumbersToDraft } from './add-lines';
import type { KeepRefused } from './keep-lines-to-fix';
import { askCarrier } from './ask-carrier';
import { getCarrierView } from './carrier-view';
import { withCarrierAnswers } from './carrier-verdicts';
import { checkDraftNumbers } from './check-lines';
import type { PortNumberContext, PortNumberVerdict } from './check-rules';
import { SHOWN_VERDICTS, type NumberLinesResult } from './lines-result';
import type { RawLine } from './read-number-lines';
import { summarizeVerdicts } from './summarize-verdicts';

/**
 * "Check Portability" (nothing saved) or "Add to request" (accepted lines saved), as the forms show
 * it: our pre-checks, then the carrier's answers for the lines they accept.
 */
export async function runNumberLines(
  db: Database,
  actor: Actor,
  requestId: string,
  lines: RawLine[],
  defaults: PortNumberContext['defaults'],
  mode: 'checked' | 'added',
  now = new Date(),
  keep?: KeepRefused,
): Promise<NumberLinesResult> {
  let verdicts: PortNumberVerdict[];
  if (mode === 'added') {
    verdicts = await addNumbersToDraft(db, actor, requestId, lines, defaults, now, keep);
  } else {
    // Nothing is saved, but the same rule as saving decides who may check: the draft's owner, or
    // the customer fixing numbers the team asked about.
    const prechecked = await db.transaction(async (tx) => {
      const request = await findEditableDraft(tx, actor, requestId, 'numbers');
      return (await checkDraftNumbers(tx, actor, request, lines, defaults, now)).verdicts;
    });
    // Outside the transaction: nothing stays locked while the carrier answers.
    verdicts = withCarrierAnswers(prechecked, await askCarrier(prechecked));
  }
  const request = await findPortRequest(db, actor, requestId);
  const { suggestion } = await getCarrierView(db, request, mode === 'checked' ? verdicts.filter((v) => v.verdict === 'accepted') : []);
  const byLine = new Map(lines.map((l) => [l.line, l]));
  return {
    mode,
    summary: summarizeVerdicts(verdicts),
    verdictsTotal: verdicts.length,
    verdicts: verdicts.slice(0, SHOWN_VERDICTS).map((v) => ({
      line: v.line,
      input: v.input,
      verdict: v.verdict,
      code: v.code,
      message: v.message,
      number: v.e164 ? formatPhoneNumber(v.e164) : undefined,
      isTollFree: v.isTollFree,
      alternateRoutingFor: v.alternateRoutingFor?.map(formatPhoneNumber),
      currentCarrier: v.currentCarrier,
      fastPortable: v.fastPortable,
      messagingCapable: v.messagingCapable,
    })),
    refused: verdicts
      .filter((v) => v.verdict === 'refused')
      .map((v) => {
        const raw = byLine.get(v.line);
        return { line: v.line, numberToPort: v.input, receivingNumber: raw?.receivingNumber, trackingSource: raw?.trackingSource, accountName: raw?.accountName, reason: v.message };
      }),
    carrierCheck: verdicts.some((v) => v.carrierChecked === false) ? 'unavailable' : verdicts.some((v) => v.carrierChecked) ? 'answered' : 'not_asked',
    suggestedCarrier: suggestion,
  };
}
