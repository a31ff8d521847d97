// How long an untouched draft is kept, and when its removal is announced. A draft holds a customer's
// name, address, PIN and signed letter: kept forever, it is a liability nobody is using.

/** A draft not changed for this many days is removed. */
export const DRAFT_KEPT_DAYS = 30;
/** The email saying so goes out this many days before. */
export const DRAFT_WARNING_DAYS = 7;

const DAY_MS = 86_400_000;

type DraftClock = { updatedAt: Date; draftExpiryWarnedAt: Date | null };

/** Untouched since before this, a draft's removal is announced. */
export function warnDraftsUntouchedSince(now: Date): Date {
  return new Date(now.getTime() - (DRAFT_KEPT_DAYS - DRAFT_WARNING_DAYS) * DAY_MS);
}

/** Whether the announcement went out for the draft's current idle spell (no change since it). */
export function isRemovalAnnounced(draft: DraftClock): boolean {
  return draft.draftExpiryWarnedAt !== null && draft.draftExpiryWarnedAt.getTime() >= draft.updatedAt.getTime();
}

/**
 * When an announced draft goes: 30 days after its last change, and never sooner than 7 days after
 * the email (a sweep that ran late still gives the full notice).
 */
export function draftRemovalDate(draft: { updatedAt: Date }, warnedAt: Date): Date {
  return new Date(Math.max(draft.updatedAt.getTime() + DRAFT_KEPT_DAYS * DAY_MS, warnedAt.getTime() + DRAFT_WARNING_DAYS * DAY_MS));
}
