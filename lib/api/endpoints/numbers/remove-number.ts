import 'server-only';
import { z } from 'zod';
import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';
import { removeNumbersFromDraft } from '@/lib/porting/wizard/numbers/remove-numbers';
import { defineEndpoint } from '../../endpoint';
import { ApiProblem } from '../../problem';

const params = z.object({
  id: z.uuid().meta({ param: { description: 'The port request id' } }),
  number: z.string().max(40).meta({ param: { description: 'The number to remove, E.164 (+14105550100) or as typed' } }),
});

export const removeNumber = defineEndpoint({
  method: 'DELETE',
  path: '/port-requests/{id}/numbers/{number}',
  operationId: 'removeNumber',
  summary: 'Remove a number from a draft',
  description: 'Removes the number and the alternate routing chosen for it; the numbers step must be completed again. Removing a number on the signed LOA voids the signature, as in the wizard.',
  tag: 'Numbers',
  scope: 'port_requests:write',
  params,
  responses: { 204: { description: 'Removed (or was not in the request)' } },
  problems: [409],
  async handle({ db, actor, params, now }) {
    const parsed = parsePortNumber(params.number);
    if (!parsed.ok && !parsed.e164) throw new ApiProblem('not-found', 'That number is not in this request.');
    await removeNumbersFromDraft(db, actor, params.id, [parsed.e164!], now);
    return { status: 204 };
  },
});
