import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { longDate } from '@/lib/format/long-date';
import { describeDraftContents, getDraftContents } from '@/lib/porting/drafts/draft-contents';
import { stepPath } from '@/lib/porting/wizard/steps';
import { discardPortRequest } from '../../actions';

export const metadata: Metadata = { title: 'Discard draft' };

/** "Discard" asks here first, naming what goes with the draft; nothing is deleted until the button below. */
export default async function DiscardDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireAccountUser();
  const contents = await orNotFound(getDraftContents(await getDb(), actor, id));
  // Sent meanwhile (another tab): its page says where it stands and how to cancel it.
  if (!contents) redirect(`/numbers/port/${id}`);
  const lost = describeDraftContents(contents);
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › Discard draft
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Discard this draft?</h1>
      <div className="mt-4 max-w-2xl space-y-4">
        <p>
          The draft{contents.losingCarrier ? ` for numbers with ${contents.losingCarrier}` : ''}, last changed on{' '}
          <time dateTime={contents.updatedAt.toISOString()}>{longDate(contents.updatedAt)}</time>, is deleted for good
          {lost ? (
            <>
              {' '}with <strong data-testid="discard-loses">{lost}</strong>
            </>
          ) : null}
          . It cannot be brought back.
        </p>
        <form action={discardPortRequest} className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="requestId" value={id} />
          <SubmitButton variant="danger" pendingText="Discarding…">
            Discard draft
          </SubmitButton>
          <Link href={stepPath(id, contents.resumeAt)}>Keep it and resume</Link>
          <Link href="/numbers/port">Back to Port Numbers</Link>
        </form>
      </div>
    </>
  );
}
