import type { PortNumberVerdict } from './check-rules';

export type VerdictSummary = {
  accepted: number;
  refused: number;
  tollFree: number;
  byCountry: { US: number; CA: number };
  needsAlternateRouting: number;
};

export function summarizeVerdicts(verdicts: PortNumberVerdict[]): VerdictSummary {
  const summary: VerdictSummary = { accepted: 0, refused: 0, tollFree: 0, byCountry: { US: 0, CA: 0 }, needsAlternateRouting: 0 };
  for (const v of verdicts) {
    if (v.verdict === 'refused') {
      summary.refused += 1;
      continue;
    }
    summary.accepted += 1;
    if (v.isTollFree) summary.tollFree += 1;
    if (v.country) summary.byCountry[v.country] += 1;
    if (v.alternateRoutingFor?.length) summary.needsAlternateRouting += 1;
  }
  return summary;
}
