// What "Check Portability" and "Add to request" show on the page. Types and a constant only, with
// no server-only imports: the numbers step's client forms read them.
import type { RefusedLine } from './refused-lines-csv';
import type { VerdictSummary } from './summarize-verdicts';

export type ShownVerdict = {
  line: number;
  input: string;
  verdict: 'accepted' | 'refused';
  code: string;
  message: string;
  number?: string;
  isTollFree?: boolean;
  alternateRoutingFor?: string[];
  /** The carrier's answers for an accepted line, when it was asked (see PortNumberVerdict). */
  currentCarrier?: string;
  fastPortable?: boolean;
  messagingCapable?: boolean;
};

/**
 * Whether the carrier was asked about the accepted lines: `answered`; `unavailable` (down or
 * failing: our own checks stand, and the numbers are checked again when the team submits);
 * `not_asked` (no carrier connected, or no line passed our own checks).
 */
export type CarrierCheckOutcome = 'answered' | 'unavailable' | 'not_asked';

/** The check's result as the two number forms (rows, bulk) show it. */
export type NumberLinesResult = {
  mode: 'checked' | 'added';
  summary: VerdictSummary;
  verdicts: ShownVerdict[];
  verdictsTotal: number;
  refused: RefusedLine[];
  carrierCheck: CarrierCheckOutcome;
  /** The losing carrier the carrier's records suggest for step 2 (see getCarrierView), if any. */
  suggestedCarrier: string | null;
};

/** Pages stay light: at most this many verdicts are listed; the refused-lines CSV has them all. */
export const SHOWN_VERDICTS = 500;
