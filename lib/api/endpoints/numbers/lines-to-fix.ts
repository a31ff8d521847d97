import 'server-only';
import { z } from 'zod';
import { dismissLinesToFix as dismissLines } from '@/lib/porting/wizard/numbers/dismiss-lines-to-fix';
import { listLinesToFix as listLines } from '@/lib/porting/wizard/numbers/lines-to-fix';
import { defineEndpoint, namedRequest } from '../../endpoint';
import { requestIdParams } from '../params';

// Lines refused in the console's numbers step are kept on the draft until fixed or dismissed, and
// the step cannot be completed while any wait: an integration must be able to see and clear them.

const SHOWN = 1000;

const lineList = z
  .object({
    object: z.literal('list'),
    total: z.number().int().meta({ description: 'How many lines wait in all (data holds the first 1,000)' }),
    data: z.array(
      z.object({
        origin: z.string().meta({ description: 'Where the line came from, e.g. "clinic.csv, line 14"' }),
        numberToPort: z.string().meta({ description: 'As typed' }),
        receivingNumber: z.string().nullable(),
        trackingSource: z.string().nullable(),
        accountName: z.string().nullable(),
        code: z.string().meta({ description: 'Why it was refused, as in the numbers resource (e.g. not_a_number)' }),
        reason: z.string().meta({ description: 'The reason, in words' }),
      }),
    ),
  })
  .meta({ id: 'LinesToFixList' });

export const listLinesToFix = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}/lines-to-fix',
  operationId: 'listLinesToFix',
  summary: 'List lines refused in the console and kept to fix',
  description: 'Lines a user added in the console that were refused, kept on the draft with their reason. Add them again corrected through POST /port-requests/{id}/numbers, then dismiss them.',
  tag: 'Numbers',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The lines, oldest first', schema: lineList } },
  async handle(context) {
    const { lines, total } = await listLines(context.db, namedRequest(context), SHOWN);
    return { status: 200, json: { object: 'list', total, data: lines.map(({ id: _id, ...line }) => line) } };
  },
});

export const dismissLinesToFix = defineEndpoint({
  method: 'DELETE',
  path: '/port-requests/{id}/lines-to-fix',
  operationId: 'dismissLinesToFix',
  summary: 'Dismiss every line kept to fix',
  description: '"Dismiss all" of the console: the kept lines go, the numbers already in the request stay. The numbers step can then be completed.',
  tag: 'Numbers',
  scope: 'port_requests:write',
  params: requestIdParams,
  responses: { 204: { description: 'Dismissed (or none were kept)' } },
  problems: [409],
  async handle({ db, actor, params }) {
    await dismissLines(db, actor, params.id, 'all');
    return { status: 204 };
  },
});
