import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { linesToFix } from '@/db/schema';
import type { PortNumberContext, PortNumberVerdict } from './check-rules';
import type { RawLine } from './read-number-lines';

export const MAX_LINES_TO_FIX = 10_000;

/** Which lines an "Add to request" keeps to fix: where each came from, and the kept lines it retried (replaced by their new outcome). */
export type KeepRefused = { origin: (line: RawLine) => string; replacing: string[] };

/**
 * In the add's own transaction: the lines it retried leave the list, and the lines it refused join
 * it as typed, with their reasons, so nothing the user typed is lost to a refusal. A line that left
 * a column to the list's defaults keeps the default, so it can be retried on its own.
 */
export async function keepLinesToFix(
  tx: Transaction,
  requestId: string,
  lines: RawLine[],
  verdicts: PortNumberVerdict[],
  keep: KeepRefused,
  defaults: PortNumberContext['defaults'] = {},
): Promise<void> {
  if (keep.replacing.length) await tx.delete(linesToFix).where(and(eq(linesToFix.portRequestId, requestId), inArray(linesToFix.id, keep.replacing)));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const refused = verdicts.filter((v) => v.verdict === 'refused' && byLine.has(v.line));
  if (refused.length === 0) return;
  const [{ next, kept }] = await tx
    .select({ next: sql<number>`coalesce(max(${linesToFix.position}), 0)::int + 1`, kept: sql<number>`count(*)::int` })
    .from(linesToFix)
    .where(eq(linesToFix.portRequestId, requestId));
  // A draft keeps at most one import's worth (10,000 lines): the rest is refused again when tried again.
  const room = Math.max(0, MAX_LINES_TO_FIX - kept);
  if (room === 0) return;
  const rows = refused.slice(0, room).map((v, i) => {
    const raw = byLine.get(v.line)!;
    return {
      portRequestId: requestId,
      origin: keep.origin(raw),
      position: next + i,
      numberToPort: raw.numberToPort,
      receivingNumber: raw.receivingNumber ?? defaults?.receivingNumber ?? null,
      trackingSource: raw.trackingSource ?? defaults?.trackingSourceName ?? null,
      accountName: raw.accountName ?? null,
      code: v.code,
      reason: v.message,
    };
  });
  // In slices: a query carries at most 65,535 parameters, and a row here takes nine.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(linesToFix).values(rows.slice(i, i + 1000));
}
