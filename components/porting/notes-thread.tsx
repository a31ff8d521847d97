import { ZonedTime } from './zoned-time';
type Note = { id: string; body: string; fromTeam: boolean; visibility: 'public' | 'internal'; createdAt: Date; authorName: string | null };

/** The thread, oldest first, rendered on the server; note text is shown as text, never as HTML. */
/** `timeZone`: the customer's, on their pages; the team's console reads UTC. */
export function NotesThread({ notes, timeZone }: { notes: Note[]; timeZone?: string }) {
  if (notes.length === 0) return <p className="text-sm text-slate-600">No notes yet. Our team writes here as the port moves; you can write to them too.</p>;
  return (
    <ol className="space-y-4" data-testid="notes-thread">
      {notes.map((n) => (
        <li key={n.id} className={`rounded-lg p-4 ring-1 ${n.visibility === 'internal' ? 'bg-amber-50 ring-amber-200' : n.fromTeam ? 'bg-blue-50 ring-blue-200' : 'bg-white ring-slate-200'}`}>
          <p className="text-xs text-slate-600">
            <span className="font-medium text-slate-900">{n.authorName}</span>
            {n.visibility === 'internal' && ' · internal'} ·{' '}
            {timeZone ? <ZonedTime at={n.createdAt} zone={timeZone} /> : <time dateTime={n.createdAt.toISOString()}>{n.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>}
          </p>
          <p className="mt-1 text-sm whitespace-pre-wrap">{n.body}</p>
        </li>
      ))}
    </ol>
  );
}
