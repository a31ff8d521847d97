/**
 * The bubble in the notes column: how many notes, and a dot when some are unread by this user. A plain
 * link, not next/link: a list renders one per row, and a client component each cost the list page
 * render time and hydration for a prefetch nobody needs.
 */
export function NotesBubble({ requestId, count, unread }: { requestId: string; count: number; unread: boolean }) {
  const label = `Notes: ${count}${unread ? ', some unread' : ''}`;
  return (
    <a href={`/numbers/port/${requestId}/notes`} aria-label={label} title={label} className="relative inline-flex items-center gap-1 text-slate-700 no-underline hover:text-blue-700" data-testid="notes-bubble">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M4 5h16v11H9l-5 4V5z" strokeLinejoin="round" />
      </svg>
      <span className="text-xs">{count}</span>
      {unread && <span className="absolute -top-1 left-3 h-2.5 w-2.5 rounded-full bg-red-600" />}
    </a>
  );
}
