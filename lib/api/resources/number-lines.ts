import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { NumberLinesResult } from '@/lib/porting/wizard/numbers/lines-result';
import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';
import { MAX_NUMBER_LINES, readNumberLines, type RawLine } from '@/lib/porting/wizard/numbers/read-number-lines';
import { runNumberLines } from '@/lib/porting/wizard/numbers/run-lines';
import { ApiProblem } from '../problem';

// The numbers step's two ways in (rows, or a .csv/.txt list), as a JSON array or the file itself as
// the body, through the step's own reader and checks: the same verdicts and refused lines.

const line = z.object({
  numberToPort: z.string().trim().max(100).meta({ description: 'In any format people type: (410) 555-0100, 410-555-0100, +14105550100' }),
  receivingNumber: z.string().trim().max(100).optional().meta({ description: 'Where calls ring once ported (default: defaults.receivingNumber)' }),
  trackingSource: z.string().trim().max(200).optional().meta({ description: 'A tracking source of the account, by name (default: defaults.trackingSource)' }),
  accountName: z.string().trim().max(200).optional().meta({ description: 'The account or sub-account the number will live in, by name (default: the request\'s)' }),
});

const defaults = z
  .object({
    receivingNumber: z.string().trim().max(100).optional().meta({ description: 'For every line without one' }),
    trackingSource: z.string().trim().max(200).optional().meta({ description: 'For every line without one' }),
  })
  .meta({ id: 'NumberDefaults' });

export const numbersBody = z
  .object({
    numbers: z
      .array(line)
      .min(1, 'Enter at least one number.')
      .max(MAX_NUMBER_LINES, `One request takes at most ${MAX_NUMBER_LINES.toLocaleString('en-US')} numbers. Split them and port them in separate requests.`),
    defaults: defaults.optional(),
  })
  .meta({
    id: 'NumberLines',
    description: 'The numbers step\'s rows. Or send the list itself as text/csv or text/plain (one number per line; columns: number, receiving number, tracking source, account; a header line is skipped), with defaultReceivingNumber and defaultTrackingSource as query parameters.',
    example: { numbers: [{ numberToPort: '(410) 555-0100' }, { numberToPort: '410-555-0101', receivingNumber: '+14105550199' }], defaults: { receivingNumber: '+14105550198', trackingSource: 'Google Ads' } },
  });

export const numbersQuery = z.object({
  defaultReceivingNumber: z.string().trim().max(100).optional().meta({ param: { description: 'For a CSV/TXT body: the receiving number of every line without one' } }),
  defaultTrackingSource: z.string().trim().max(200).optional().meta({ param: { description: 'For a CSV/TXT body: the tracking source of every line without one' } }),
});

const verdict = z.object({
  line: z.number().int().meta({ description: 'The line in the file (the header is line 1), or the position in numbers (from 1)' }),
  input: z.string(),
  verdict: z.enum(['accepted', 'refused']),
  code: z.string().meta({ description: "ok, toll_free, needs_alternate_routing; or why it was refused: invalid, duplicate, already_tracking, in_open_request, receiving_missing, not_portable (the carrier's reason in message), …" }),
  message: z.string(),
  number: z.string().optional().meta({ description: 'E.164' }),
  isTollFree: z.boolean().optional(),
  alternateRoutingFor: z.array(z.string()).optional().meta({ description: 'Tracking numbers (E.164) that ring this number today and need a new route' }),
  currentCarrier: z.string().optional().meta({ description: "The carrier serving the number today, by the carrier's portability check (when it answered)" }),
  fastPortable: z.boolean().optional().meta({ description: 'Eligible for on-demand activation (FastPort), by the carrier' }),
  messagingCapable: z.boolean().optional().meta({ description: 'Whether text messaging can be ported with the number, by the carrier' }),
});

export const numberLinesResultResource = z
  .object({
    object: z.literal('number_lines_result'),
    mode: z.enum(['checked', 'added']).meta({ description: 'checked: nothing was saved; added: the accepted lines are in the request' }),
    summary: z.object({
      accepted: z.number().int(),
      refused: z.number().int(),
      tollFree: z.number().int(),
      byCountry: z.object({ US: z.number().int(), CA: z.number().int() }),
      needsAlternateRouting: z.number().int(),
    }),
    verdictsTotal: z.number().int(),
    verdicts: z.array(verdict).meta({ description: 'One per line, in order (the first 500; verdictsTotal counts them all)' }),
    refused: z
      .array(
        z.object({
          line: z.number().int(),
          numberToPort: z.string(),
          receivingNumber: z.string().optional(),
          trackingSource: z.string().optional(),
          accountName: z.string().optional(),
          reason: z.string(),
        }),
      )
      .meta({ description: 'Every refused line, as given, with the reason: fix and send again' }),
    carrierCheck: z.enum(['answered', 'unavailable', 'not_asked']).meta({
      description:
        "Whether the carrier was asked about the lines our own checks accepted: answered; unavailable (it could not be asked now: our checks stand, and the numbers are checked with the carrier again when the team submits); not_asked (no carrier connected, or no line passed our checks)",
    }),
    suggestedCarrier: z.string().nullable().meta({
      description: "When every number of the request (and every line checked) is with one carrier by the carrier's records, and it is not the losingCarrier entered: that carrier",
    }),
  })
  .meta({ id: 'NumberLinesResult' });

const e164 = (shown: string | undefined) => {
  if (!shown) return undefined;
  const parsed = parsePortNumber(shown);
  return ('e164' in parsed && parsed.e164) || shown;
};

/** The lines of the call: the JSON rows, or the CSV/TXT body read by the numbers step's reader. */
export function linesOf(body: z.output<typeof numbersBody> | string, query: z.output<typeof numbersQuery>): { lines: RawLine[]; defaults: { receivingNumber?: string; trackingSourceName?: string } } {
  if (typeof body === 'string') {
    if (!body.trim()) throw new ApiProblem('validation', 'There is nothing to import yet.', { errors: { body: ['Paste numbers here, one per line, or choose a .csv or .txt file.'] } });
    const read = readNumberLines(body);
    if (!read.ok) throw new ApiProblem('validation', read.message, { errors: { body: [read.message] } });
    return { lines: read.lines, defaults: { receivingNumber: query.defaultReceivingNumber || undefined, trackingSourceName: query.defaultTrackingSource || undefined } };
  }
  return {
    lines: body.numbers.map((n, i) => ({
      line: i + 1,
      numberToPort: n.numberToPort,
      receivingNumber: n.receivingNumber || undefined,
      trackingSource: n.trackingSource || undefined,
      accountName: n.accountName || undefined,
    })),
    defaults: {
      receivingNumber: body.defaults?.receivingNumber || query.defaultReceivingNumber || undefined,
      trackingSourceName: body.defaults?.trackingSource || query.defaultTrackingSource || undefined,
    },
  };
}

/** "Check Portability" or "Add to request", answered as the step shows it, with numbers in E.164. */
export async function runLines(db: Database, actor: Actor, requestId: string, input: ReturnType<typeof linesOf>, mode: 'checked' | 'added', now: Date) {
  const result: NumberLinesResult = await runNumberLines(db, actor, requestId, input.lines, input.defaults, mode, now);
  return {
    object: 'number_lines_result' as const,
    ...result,
    verdicts: result.verdicts.map((v) => ({ ...v, number: e164(v.number), alternateRoutingFor: v.alternateRoutingFor?.map((n) => e164(n)!) })),
  };
}
