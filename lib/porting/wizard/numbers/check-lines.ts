import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { formatPhoneNumber } from '@/lib/phone/format';
import type { PortRequest } from '../../port-request-access';
import { loadNumberContext } from './check-context';
import { countPortabilityCheck } from './check-limit';
import { checkPortNumbers, type PortNumberContext, type PortNumberVerdict } from './check-rules';
import type { RawLine } from './read-number-lines';

/**
 * The pre-checks for lines about to join a draft, including numbers the draft already holds.
 * Every check is counted against the account's hourly limit first, in the caller's transaction
 * (`counted`: already counted by an earlier pass over the same lines).
 */
export async function checkDraftNumbers(
  db: Transaction,
  actor: Actor,
  request: PortRequest,
  lines: RawLine[],
  defaults: PortNumberContext['defaults'],
  now = new Date(),
  { counted = false }: { counted?: boolean } = {},
): Promise<PortNumberVerdict[]> {
  if (!counted) await countPortabilityCheck(db, actor, request, lines.length, now);
  const context = await loadNumberContext(db, actor, request, lines, defaults);
  const held = new Set(
    (await db.select({ number: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, request.id))).map(
      (r) => r.number,
    ),
  );
  return checkPortNumbers(lines, context).map((v) =>
    v.verdict === 'accepted' && v.e164 && held.has(v.e164)
      ? { ...v, verdict: 'refused', code: 'duplicate', message: `${formatPhoneNumber(v.e164)} is already in this request.` }
      : v,
  );
}
