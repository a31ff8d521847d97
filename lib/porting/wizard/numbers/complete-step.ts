import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { findEditableDraft } from '../editable-draft';
import { saveStep } from '../save-step';
import { formatPhoneNumber } from '@/lib/phone/format';
import { countLinesToFix } from './lines-to-fix';
import { listForwardingTrackingNumbers } from './routing';

/** "Continue" on Numbers to Port: at least one number, a new route for every forwarding tracking number, no line left to fix. */
export async function completeNumbersStep(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'numbers');
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(portRequestNumbers)
      .where(eq(portRequestNumbers.portRequestId, requestId));
    if (count === 0) throw new StateError('No numbers are in this request yet. Enter at least one Number to Port (in a row, or a file or list), then continue.');
    const unrouted = (await listForwardingTrackingNumbers(tx, actor, request)).filter((f) => !f.newReceivingNumber);
    if (unrouted.length) {
      throw new StateError(
        `Choose where ${unrouted.length === 1 ? 'tracking number' : `${unrouted.length} tracking numbers`} ${unrouted.map((u) => formatPhoneNumber(u.trackingNumber)).join(', ')} should forward once the number they ring today has ported.`,
        Object.fromEntries(unrouted.map((u) => [`route.${u.trackingNumberId}`, 'Choose the number this tracking number should forward to.'])),
      );
    }
    const waiting = await countLinesToFix(tx, requestId);
    if (waiting > 0) {
      throw new StateError(`${waiting === 1 ? '1 line was' : `${waiting} lines were`} not added: fix ${waiting === 1 ? 'it' : 'them'} under "Lines to fix" (or dismiss ${waiting === 1 ? 'it' : 'them'}), then Save and continue again.`);
    }
    await saveStep(tx, actor, request, { step: 'numbers', fields: {}, at: now });
  });
}
