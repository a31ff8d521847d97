import 'server-only';
import { listRecipients as list } from '@/lib/porting/notes/recipients';
import { defineEndpoint } from '../../endpoint';
import { recipientListResource, toRecipientResource } from '../../resources/note-resources';
import { requestIdParams } from '../params';

export const listRecipients = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}/recipients',
  operationId: 'listRecipients',
  summary: "List who receives a request's updates",
  description: 'The person who entered the request (first) and the users added under "Edit Recipient Emails".',
  tag: 'Recipients',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The recipients', schema: recipientListResource } },
  async handle({ db, actor, params }) {
    return { status: 200, json: { object: 'list', data: (await list(db, actor, params.id)).map(toRecipientResource) } };
  },
});
