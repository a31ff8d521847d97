import 'server-only';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_SCHEMAS, WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/webhook-events';
import { API_ENDPOINTS } from '../endpoints';
import { buildOpenApiDocument, type DocumentExtras } from './build-document';

let cached: ReturnType<typeof buildOpenApiDocument> | null = null;

/** Every webhook event's payload, from the webhooks' own catalogue (the schemas they are sent by). */
export function webhookExtras(): NonNullable<DocumentExtras['webhooks']> {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        summary: WEBHOOK_EVENT_DESCRIPTIONS[type],
        description: `Sent to endpoints subscribed to \`${type}\`, signed per Standard Webhooks (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`).`,
        schema: WEBHOOK_EVENT_SCHEMAS[type],
      },
    ]),
  );
}

/** The document as served: built once per process (it depends only on code and APP_URL). */
export function getApiDocument() {
  cached ??= buildOpenApiDocument(API_ENDPOINTS, { webhooks: webhookExtras() });
  return cached;
}
