import 'server-only';
import { discardDraft } from '@/lib/porting/wizard/discard-draft';
import { defineEndpoint } from '../../endpoint';
import { requestIdParams } from '../params';

export const discardPortRequest = defineEndpoint({
  method: 'DELETE',
  path: '/port-requests/{id}',
  operationId: 'discardPortRequest',
  summary: 'Discard a draft',
  description: '"Discard draft": deletes a draft with its numbers and files. A request sent to the team cannot be discarded (409); cancel it instead.',
  tag: 'Port requests',
  scope: 'port_requests:write',
  params: requestIdParams,
  responses: { 204: { description: 'Discarded' } },
  problems: [409],
  async handle({ db, actor, params }) {
    await discardDraft(db, actor, params.id);
    return { status: 204 };
  },
});
