import { keepPortRequestDraft } from '@/app/(app)/numbers/port/actions';
import { longDate } from '@/lib/format/long-date';
import { draftRemovalDate, isRemovalAnnounced } from '@/lib/porting/drafts/draft-expiry';

/** On every step of a draft whose removal was announced: when it goes, and the one click that keeps it. */
export function DraftExpiryNotice({ draft }: { draft: { id: string; status: string; updatedAt: Date; draftExpiryWarnedAt: Date | null } }) {
  if (draft.status !== 'draft' || !isRemovalAnnounced(draft)) return null;
  const removeOn = draftRemovalDate(draft, draft.draftExpiryWarnedAt!);
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
      <p>
        This draft has not changed since <time dateTime={draft.updatedAt.toISOString()}>{longDate(draft.updatedAt)}</time> and will be removed on{' '}
        <time dateTime={removeOn.toISOString()}>{longDate(removeOn)}</time>, with its numbers and files. Saving any step keeps it too.
      </p>
      <form action={keepPortRequestDraft}>
        <input type="hidden" name="requestId" value={draft.id} />
        <button type="submit" className="rounded-md bg-amber-800 px-3 py-1.5 font-medium text-white hover:bg-amber-900">
          Keep this draft
        </button>
      </form>
    </div>
  );
}
