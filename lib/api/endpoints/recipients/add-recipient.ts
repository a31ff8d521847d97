import 'server-only';
import { StateError } from '@/lib/errors';
import { addRecipient as add, listRecipients, recipientSchema } from '@/lib/porting/notes/recipients';
import { defineEndpoint } from '../../endpoint';
import { recipientResource, toRecipientResource } from '../../resources/note-resources';
import { requestIdParams } from '../params';
import { fieldProblem } from '../reply';

const recipientBody = recipientSchema.meta({
  id: 'NewRecipient',
  description: 'A user of this platform who can see the request\'s account.',
  example: { email: 'analyst@summit.example' },
});

export const addRecipient = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/recipients',
  operationId: 'addRecipient',
  summary: "Add a recipient of a request's updates",
  description: '"Edit Recipient Emails": only users of the platform who can see the account; anyone else is refused with the same message, so the answer reveals nobody.',
  tag: 'Recipients',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: recipientBody },
  responses: { 201: { description: 'The recipient', schema: recipientResource } },
  async handle({ db, actor, params, body }) {
    try {
      await add(db, actor, params.id, body.email);
    } catch (error) {
      // As on the page: the refusal is the email field's message.
      if (error instanceof StateError) throw fieldProblem('email', error.message);
      throw error;
    }
    const added = (await listRecipients(db, actor, params.id)).find((r) => r.email.toLowerCase() === body.email)!;
    return { status: 201, json: toRecipientResource(added) };
  },
});
