import 'server-only';
import { z } from 'zod';
import { readEvents } from '@/lib/porting/events/read-events';
import { defineEndpoint, namedRequest } from '../../endpoint';
import { portRequestEventResource } from '../../resources/port-request-resource';
import { requestIdParams } from '../params';

const eventList = z.object({ object: z.literal('list'), data: z.array(portRequestEventResource) }).meta({ id: 'PortRequestEventList' });

export const listEvents = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}/events',
  operationId: 'listPortRequestEvents',
  summary: "List a request's timeline",
  description: 'What happened to the request, oldest first, in the words of its timeline (the customer-visible events).',
  tag: 'Port requests',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The timeline', schema: eventList } },
  async handle(context) {
    const events = await readEvents(context.db, context.actor, namedRequest(context).id);
    return {
      status: 200,
      json: {
        object: 'list',
        data: events.map((e) => ({ id: e.id, type: e.type, label: e.label, detail: e.detail ?? null, actorName: e.actorName ?? null, createdAt: e.createdAt.toISOString() })),
      },
    };
  },
});
