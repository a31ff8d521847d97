import 'server-only';
import { z } from 'zod';
import { canUseAccount } from '@/lib/auth/actor';
import { REQUEST_STATUSES } from '@/lib/porting/lifecycle/statuses';
import { parseListFilters } from '@/lib/porting/queries/list-filters';
import { defineEndpoint } from '../../endpoint';
import { decodeCursor, listPortRequestsPage, portRequestListResource } from '../../resources/list-port-requests-page';
import { fieldProblem } from '../reply';

const query = z.object({
  status: z
    .enum(REQUEST_STATUSES as unknown as [string, ...string[]], { message: `Use one of: ${REQUEST_STATUSES.join(', ')}.` })
    .optional()
    .meta({ param: { description: 'Only requests in this status' } }),
  number: z.string().max(40).optional().meta({ param: { description: 'Only requests with this number, in any format: (410) 555-0100, 4105550100, +14105550100' } }),
  accountId: z.uuid({ message: 'Use the id of your account or one of its sub-accounts.' }).optional().meta({
    param: { description: "The account whose requests to list (with its sub-accounts). Default: the key's account." },
  }),
  limit: z.coerce
    .number({ message: 'Use a number from 1 to 100.' })
    .int('Use a number from 1 to 100.')
    .min(1, 'Use a number from 1 to 100.')
    .max(100, 'Use a number from 1 to 100.')
    .default(25)
    .meta({ param: { description: 'Page size, 1 to 100 (default 25)' } }),
  startingAfter: z.string().max(200).optional().meta({ param: { description: 'The nextCursor of the previous page' } }),
});

export const listPortRequests = defineEndpoint({
  method: 'GET',
  path: '/port-requests',
  operationId: 'listPortRequests',
  summary: 'List port requests',
  description: "The requests of the key's account and its sub-accounts, newest first, as the Port Numbers list shows them. Cursor pagination: pass nextCursor as startingAfter.",
  tag: 'Port requests',
  scope: 'port_requests:read',
  query,
  responses: { 200: { description: 'A page of port requests', schema: portRequestListResource } },
  async handle({ db, actor, key, query }) {
    const accountId = query.accountId ?? key.accountId;
    if (!canUseAccount(actor, accountId)) throw fieldProblem('accountId', 'Use the id of your account or one of its sub-accounts.', 'Some query parameters are not valid.');
    const filters = parseListFilters({ number: query.number });
    if (filters.numberError) throw fieldProblem('number', filters.numberError, 'Some query parameters are not valid.');
    const after = query.startingAfter ? decodeCursor(query.startingAfter) : undefined;
    if (after === null) throw fieldProblem('startingAfter', 'Use the nextCursor of the previous page, as it was given.', 'Some query parameters are not valid.');
    const page = await listPortRequestsPage(db, actor, accountId, {
      status: query.status as (typeof REQUEST_STATUSES)[number] | undefined,
      number: filters.e164,
      limit: query.limit,
      after,
    });
    return { status: 200, json: { object: 'list', ...page } };
  },
});
