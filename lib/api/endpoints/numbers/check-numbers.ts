import 'server-only';
import { defineEndpoint } from '../../endpoint';
import { linesOf, numberLinesResultResource, numbersBody, numbersQuery, runLines } from '../../resources/number-lines';
import { requestIdParams } from '../params';

export const checkNumbers = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/numbers/check',
  operationId: 'checkNumberPortability',
  summary: 'Check portability without saving',
  description: '"Check Portability": the same checks and verdicts as adding (the carrier asked too), and nothing is saved. Checks count against the account\'s hourly limit, as in the wizard.',
  tag: 'Numbers',
  scope: 'port_requests:write',
  params: requestIdParams,
  query: numbersQuery,
  body: { kind: 'json-or-text', schema: numbersBody, description: 'JSON rows, or the list as text/csv or text/plain' },
  responses: { 200: { description: "Each line's verdict; nothing saved", schema: numberLinesResultResource } },
  async handle({ db, actor, params, query, body, now }) {
    return { status: 200, json: await runLines(db, actor, params.id, linesOf(body, query), 'checked', now) };
  },
});
