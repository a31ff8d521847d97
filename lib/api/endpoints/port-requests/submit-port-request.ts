import 'server-only';
import { z } from 'zod';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { submitPortRequest as submit } from '@/lib/porting/wizard/proof';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource, toPortRequestResource } from '../../resources/port-request-resource';
import { requestIdParams } from '../params';

const submission = z
  .object({
    object: z.literal('submission'),
    requestIds: z
      .array(z.string().meta({ format: 'uuid' }))
      .meta({ description: 'A draft mixing US, Canadian and toll-free numbers, carriers or the accounts its numbers live in is sent as one linked request per group, carrier and account (on a repeated call: those your key may see)' }),
    alreadySubmitted: z.boolean().meta({ description: 'True when the request had been sent before this call; nothing changed' }),
    portRequests: z.array(portRequestResource),
  })
  .meta({ id: 'Submission' });

export const submitPortRequest = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/submit',
  operationId: 'submitPortRequest',
  summary: 'Send the request to the team',
  description:
    '"Send Proof of Ownership" (or "Resubmit" after changes), with the proof already uploaded: every step done, the LOA signed, at least one proof file. The confirmation email follows. Submitting again changes nothing. Each request goes to the account its numbers live in (an agency\'s request for a client becomes the client\'s); with numbers for several accounts, each account\'s request carries the one signed letter, which lists every number: make one request per account when they should not see each other\'s numbers.',
  tag: 'Port requests',
  scope: 'port_requests:write',
  params: requestIdParams,
  responses: { 200: { description: 'The request(s) sent', schema: submission } },
  async handle({ db, actor, params, now }) {
    const outcome = await submit(db, actor, params.id, [], now);
    const portRequests = await Promise.all(outcome.requestIds.map(async (id) => toPortRequestResource(await getPortRequestDetail(db, actor, id))));
    return { status: 200, json: { object: 'submission', requestIds: outcome.requestIds, alreadySubmitted: outcome.alreadySubmitted, portRequests } };
  },
});
