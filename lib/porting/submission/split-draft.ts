import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { canUseAccount, loadActor, type Actor } from '@/lib/auth/actor';
import { accounts, alternateRoutings, loaSignatures, portRequestNumbers, portRequestRecipients, portRequests, proofFiles } from '@/db/schema';
import type { NumberGroup } from '../estimate';
import type { PortRequest } from '../port-request-access';
import { planSplit } from './plan-split';

export type SubmittedPart = {
  request: PortRequest;
  group: NumberGroup;
  losingCarrier: string | null;
  /** Set when the part now belongs to another account than the draft was made in (names as they are now). */
  moved?: { from: string; to: string };
};

/**
 * Carriers handle US local, Canadian and toll-free ports separately, and each losing carrier takes
 * its own order; and a request belongs to the account its numbers will live in. A draft mixing
 * them becomes one request per (group, current carrier, account) at submission
 * (lib/porting/submission/plan-split.ts), linked as siblings; each shares the signed LOA, the proof
 * and the recipients who can see it, a sibling's losing carrier is the carrier named for its numbers, and its
 * account the one its numbers live in (an agency's request for a client is the client's: its
 * users see it). Returns the requests as they now are, the draft's own first.
 */
export async function splitDraft(tx: Transaction, draft: PortRequest): Promise<SubmittedPart[]> {
  const numbers = await tx
    .select({
      id: portRequestNumbers.id,
      number: portRequestNumbers.number,
      country: portRequestNumbers.country,
      isTollFree: portRequestNumbers.isTollFree,
      currentCarrier: portRequestNumbers.currentCarrier,
      targetAccountId: portRequestNumbers.targetAccountId,
    })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, draft.id));
  const parts = planSplit(numbers, draft.losingCarrier, draft.accountId);
  const accountIds = [...new Set([draft.accountId, ...parts.map((p) => p.accountId ?? draft.accountId)])];
  const names = new Map(
    accountIds.length > 1
      ? (await tx.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, accountIds))).map((a) => [a.id, a.name])
      : [],
  );
  const movedTo = (accountId: string | undefined) =>
    accountId && accountId !== draft.accountId ? { from: names.get(draft.accountId) ?? '', to: names.get(accountId) ?? '' } : undefined;
  const siblingGroupId = parts.length > 1 ? draft.id : null;

  const [first, ...rest] = parts;
  // Alone, the draft keeps the carrier the customer entered (the one on the signed letter).
  const ownCarrier = parts.length > 1 ? first.losingCarrier : draft.losingCarrier;
  const [own] = await tx
    .update(portRequests)
    .set({ numberGroup: first.group, siblingGroupId, losingCarrier: ownCarrier, accountId: first.accountId ?? draft.accountId })
    .where(eq(portRequests.id, draft.id))
    .returning();
  const result: SubmittedPart[] = [{ request: own, group: first.group, losingCarrier: own.losingCarrier, moved: movedTo(first.accountId) }];

  const signatures = await tx.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, draft.id));
  const proofs = await tx.select().from(proofFiles).where(eq(proofFiles.portRequestId, draft.id));
  // The draft's recipients follow every part whose account they can see (an agency member does not
  // follow a client's part); each part's list then names only people who can open it.
  const recipients = await followersOf(tx, parts.length > 1 || first.accountId !== draft.accountId ? draft.id : null);
  const following = (accountId: string) => recipients.filter((r) => canUseAccount(r.actor, accountId)).map((r) => r.row);
  const dropped = recipients.filter((r) => !canUseAccount(r.actor, own.accountId)).map((r) => r.row.userId);
  if (dropped.length) {
    await tx.delete(portRequestRecipients).where(and(eq(portRequestRecipients.portRequestId, draft.id), inArray(portRequestRecipients.userId, dropped)));
  }
  for (const part of rest) {
    // A new request starts as every request does (a draft, version 1, a reference of its own);
    // submitting moves it on.
    const { id: _id, reference: _reference, createdAt: _createdAt, status: _status, version: _version, ...fields } = draft;
    const [sibling] = await tx
      .insert(portRequests)
      .values({ ...fields, numberGroup: part.group, siblingGroupId, losingCarrier: part.losingCarrier, accountId: part.accountId ?? draft.accountId })
      .returning();
    await tx
      .update(portRequestNumbers)
      .set({ portRequestId: sibling.id })
      .where(inArray(portRequestNumbers.id, part.numbers.map((n) => n.id)));
    // The alternate routings travel with the numbers they are for, or the sibling would port without them.
    await tx
      .update(alternateRoutings)
      .set({ portRequestId: sibling.id })
      .where(and(eq(alternateRoutings.portRequestId, draft.id), inArray(alternateRoutings.portingNumber, part.numbers.map((n) => n.number))));
    if (signatures.length) {
      await tx.insert(loaSignatures).values(signatures.map(({ id: _sid, ...s }) => ({ ...s, portRequestId: sibling.id })));
    }
    if (proofs.length) {
      await tx.insert(proofFiles).values(proofs.map(({ id: _pid, ...p }) => ({ ...p, portRequestId: sibling.id })));
    }
    const followers = following(sibling.accountId);
    if (followers.length) {
      await tx.insert(portRequestRecipients).values(followers.map((r) => ({ ...r, portRequestId: sibling.id })));
    }
    result.push({ request: sibling, group: part.group, losingCarrier: part.losingCarrier, moved: movedTo(part.accountId) });
  }
  return result;
}

/** A draft's added recipients, each with what they may use now (none to load when nothing splits or moves). */
async function followersOf(tx: Transaction, draftId: string | null) {
  if (!draftId) return [];
  const rows = await tx.select().from(portRequestRecipients).where(eq(portRequestRecipients.portRequestId, draftId));
  const followers: { row: (typeof rows)[number]; actor: Actor }[] = [];
  // One after another: inside the transaction they share one connection anyway.
  for (const row of rows) {
    const actor = await loadActor(tx, row.userId);
    if (actor) followers.push({ row, actor });
  }
  return followers;
}
