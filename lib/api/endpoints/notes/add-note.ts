import 'server-only';
import { addNote as add, noteSchema } from '@/lib/porting/notes/add-note';
import { listNotes } from '@/lib/porting/notes/list-notes';
import { defineEndpoint } from '../../endpoint';
import { noteResource, toNoteResource } from '../../resources/note-resources';
import { requestIdParams } from '../params';

const noteBody = noteSchema.pick({ body: true }).meta({ id: 'NewNote', example: { body: 'The customer asked whether the port can happen on a Friday.' } });

export const addNote = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/notes',
  operationId: 'addNote',
  summary: 'Write to our team',
  description: 'Adds a note to the thread, as "Reply" on the notes page. Notes open once the request is sent.',
  tag: 'Notes',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: noteBody },
  responses: { 201: { description: 'The note', schema: noteResource } },
  async handle({ db, actor, params, body, now }) {
    const id = await add(db, actor, params.id, { body: body.body, visibility: 'public' }, now);
    const note = (await listNotes(db, actor, params.id, now, { markRead: false })).notes.find((n) => n.id === id)!;
    return { status: 201, json: toNoteResource(note) };
  },
});
