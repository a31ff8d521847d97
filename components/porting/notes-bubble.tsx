/**
 * The bubble in the notes column: how many notes, and a dot when some are unread by this user. A plain
 * link, not next/link: a list renders one per row, and a client component each cost the list page
 * render time and hydration for a prefetch nobody needs. Its icon is a CSS class (globals.css), not an SVG per row.
 */
export function NotesBubble({ requestId, count, unread }: { requestId: string; count: number; unread: boolean }) {
  const label = `Notes: ${count}${unread ? ', some unread' : ''}`;
  return (
    <a href={`/numbers/port/${requestId}/notes`} aria-label={label} title={label} className="relative inline-flex items-center gap-1 text-slate-700 no-underline hover:text-blue-700" data-testid="notes-bubble">
      <span aria-hidden="true" className="icon-notes" />
      <span className="text-xs">{count}</span>
      {unread && <span className="absolute -top-1 left-3 h-2.5 w-2.5 rounded-full bg-red-600" />}
    </a>
  );
}
