import 'server-only';
import { z } from 'zod';
import { removeRecipient as remove } from '@/lib/porting/notes/recipients';
import { defineEndpoint } from '../../endpoint';

const params = z.object({
  id: z.uuid().meta({ param: { description: 'The port request id' } }),
  // A user id is printable (the database refuses NUL and friends with an error, not a 404).
  userId: z.string().min(1).max(100).regex(/^[\x21-\x7e]+$/).meta({ param: { description: 'The recipient\'s userId, as listed' } }),
});

export const removeRecipient = defineEndpoint({
  method: 'DELETE',
  path: '/port-requests/{id}/recipients/{userId}',
  operationId: 'removeRecipient',
  summary: "Remove a recipient of a request's updates",
  description: 'The person who entered the request always receives its updates (409).',
  tag: 'Recipients',
  scope: 'port_requests:write',
  params,
  responses: { 204: { description: 'Removed (or was not a recipient)' } },
  problems: [409],
  async handle({ db, actor, params }) {
    await remove(db, actor, params.id, params.userId);
    return { status: 204 };
  },
});
