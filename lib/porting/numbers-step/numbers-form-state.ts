import type { VerdictSummary } from './summarize-verdicts';
import type { RefusedLine } from './refused-lines-csv';

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

/** What the two number forms (rows, bulk) get back: the FormState shape plus the check's result. */
export type NumbersFormState = {
  ok: boolean;
  formError?: string;
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
  rowCount?: number;
  result?: {
    mode: 'checked' | 'added';
    summary: VerdictSummary;
    verdicts: ShownVerdict[];
    verdictsTotal: number;
    refused: RefusedLine[];
  };
} | null;

/** Pages stay light: at most this many verdicts are listed; the refused-lines CSV has them all. */
export const SHOWN_VERDICTS = 500;
