import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { PortRequest } from '@/lib/porting/port-request-access';
import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';
import { listForwardingTrackingNumbers, saveAlternateRouting as saveRouting } from '@/lib/porting/wizard/numbers/routing';
import { defineEndpoint, namedRequest } from '../../endpoint';
import { ApiProblem } from '../../problem';
import { requestIdParams } from '../params';

const routing = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z.object({
        trackingNumber: z.string().meta({ description: 'E.164: a tracking number of yours that rings portingNumber today' }),
        portingNumber: z.string().meta({ description: 'E.164: the number in this request it rings' }),
        newReceivingNumber: z.string().nullable().meta({ description: 'Where it should ring once portingNumber has ported; null until chosen' }),
      }),
    ),
  })
  .meta({ id: 'AlternateRoutingList' });

const routingBody = z
  .object({
    routes: z
      .array(
        z.object({
          trackingNumber: z.string().trim().min(1, 'Enter the tracking number.').max(40),
          newReceivingNumber: z.string().trim().min(1, 'Enter the number calls should ring.').max(40),
        }),
      )
      .min(1, 'Give at least one route.'),
  })
  .meta({ id: 'AlternateRouting', example: { routes: [{ trackingNumber: '+14105550142', newReceivingNumber: '+14105550177' }] } });

async function listRouting(db: Database, actor: Actor, request: PortRequest) {
  const rows = await listForwardingTrackingNumbers(db, actor, request);
  return rows.map((r) => ({ trackingNumberId: r.trackingNumberId, trackingNumber: r.trackingNumber, portingNumber: r.portingNumber, newReceivingNumber: r.newReceivingNumber }));
}

const shown = (rows: Awaited<ReturnType<typeof listRouting>>) => ({ object: 'list', data: rows.map(({ trackingNumberId: _, ...r }) => r) });

export const getAlternateRouting = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}/alternate-routing',
  operationId: 'listAlternateRouting',
  summary: 'List tracking numbers that need a new route',
  description: 'Tracking numbers of your accounts that forward to a number in this request: once it ports, each needs somewhere else to ring.',
  tag: 'Numbers',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The tracking numbers and the routes chosen', schema: routing } },
  async handle(context) {
    return { status: 200, json: shown(await listRouting(context.db, context.actor, namedRequest(context))) };
  },
});

export const saveAlternateRouting = defineEndpoint({
  method: 'PUT',
  path: '/port-requests/{id}/alternate-routing',
  operationId: 'saveAlternateRouting',
  summary: 'Choose new routes for tracking numbers',
  description: 'The numbers step\'s alternate routing: for each tracking number listed by GET, the number it should ring once the number it rings today has ported.',
  tag: 'Numbers',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: routingBody },
  responses: { 200: { description: 'The tracking numbers and the routes chosen', schema: routing } },
  problems: [409],
  async handle(context) {
    const { db, actor, params, body, now } = context;
    const request = namedRequest(context);
    const forwarding = await listRouting(db, actor, request);
    const choices: Record<string, string> = {};
    const indexOf: Record<string, number> = {};
    const errors: Record<string, string[]> = {};
    body.routes.forEach((route, i) => {
      const parsed = parsePortNumber(route.trackingNumber);
      const match = forwarding.find((f) => f.trackingNumber === (parsed.ok ? parsed.e164 : route.trackingNumber));
      if (!match) errors[`routes.${i}.trackingNumber`] = ['That tracking number does not ring a number in this request.'];
      else {
        choices[match.trackingNumberId] = route.newReceivingNumber;
        indexOf[match.trackingNumberId] = i;
      }
    });
    if (Object.keys(errors).length) throw new ApiProblem('validation', 'Some new routes need a correction.', { errors });
    // The step's own save and messages, keyed back to the route they are about.
    const refused = await saveRouting(db, actor, params.id, choices, now);
    for (const [trackingNumberId, message] of Object.entries(refused)) errors[`routes.${indexOf[trackingNumberId]}.newReceivingNumber`] = [message];
    if (Object.keys(errors).length) throw new ApiProblem('validation', 'Some new routes need a correction.', { errors });
    return { status: 200, json: shown(await listRouting(db, actor, request)) };
  },
});
