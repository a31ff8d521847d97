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
};

/** The check's result as the two number forms (rows, bulk) show it. */
export type NumberLinesResult = {
  mode: 'checked' | 'added';
  summary: VerdictSummary;
  verdicts: ShownVerdict[];
  verdictsTotal: number;
  refused: RefusedLine[];
};

/** Pages stay light: at most this many verdicts are listed; the refused-lines CSV has them all. */
export const SHOWN_VERDICTS = 500;
