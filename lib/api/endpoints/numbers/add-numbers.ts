import 'server-only';
import { defineEndpoint } from '../../endpoint';
import { linesOf, numberLinesResultResource, numbersBody, numbersQuery, runLines } from '../../resources/number-lines';
import { requestIdParams } from '../params';

export const addNumbers = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/numbers',
  operationId: 'addNumbers',
  summary: 'Add numbers to a draft',
  description:
    '"Add to request" on the numbers step: every line checked (format, duplicates, numbers already on the platform or in another request, receiving number, tracking source, account), then the lines that pass asked of the carrier (portability, current carrier, fast-port, messaging); the accepted ones are saved with the carrier\'s answers, the refused ones answered with their reasons. A carrier that cannot be asked now does not block the call (carrierCheck: unavailable). Send JSON rows, or the .csv/.txt file itself as the body.',
  tag: 'Numbers',
  scope: 'port_requests:write',
  params: requestIdParams,
  query: numbersQuery,
  body: { kind: 'json-or-text', schema: numbersBody, description: 'JSON rows, or the list as text/csv or text/plain' },
  responses: { 200: { description: 'Each line\'s verdict; the accepted lines are in the request', schema: numberLinesResultResource } },
  async handle({ db, actor, params, query, body, now }) {
    return { status: 200, json: await runLines(db, actor, params.id, linesOf(body, query), 'added', now) };
  },
});
