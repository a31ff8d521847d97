import 'server-only';
import { listNotes as readThread } from '@/lib/porting/notes/list-notes';
import { defineEndpoint } from '../../endpoint';
import { noteListResource, toNoteResource } from '../../resources/note-resources';
import { requestIdParams } from '../params';

export const listNotes = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}/notes',
  operationId: 'listNotes',
  summary: "List a request's notes",
  description: 'The thread with our team, oldest first. Reading it here does not mark it read for the person who made the key.',
  tag: 'Notes',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The notes', schema: noteListResource } },
  async handle({ db, actor, params, now }) {
    const thread = await readThread(db, actor, params.id, now, { markRead: false });
    return { status: 200, json: { object: 'list', data: thread.notes.map(toNoteResource) } };
  },
});
