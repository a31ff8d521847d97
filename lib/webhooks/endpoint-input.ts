import 'server-only';
import { z } from 'zod';
import { singleLineText } from '@/lib/porting/wizard/single-line-text';
import { refusedAddressOf, webhooksMayUseLocalAddresses } from './network-policy';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

/** An account's endpoints at most (each hears every request of the account and its sub-accounts). */
export const MAX_ENDPOINTS_PER_ACCOUNT = 16;
export const MAX_URL_LENGTH = 2048;

/** What the endpoint form and the API take: the URL, a description, the event types. */
export const webhookEndpointSchema = z.object({
  url: singleLineText()
    .min(1, 'Enter the URL that receives the events.')
    .max(MAX_URL_LENGTH, `Keep the URL under ${MAX_URL_LENGTH} characters.`)
    .superRefine((value, ctx) => {
      const problem = urlShapeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  description: singleLineText()
    .max(200, 'Keep the description under 200 characters.')
    .transform((v) => v || undefined)
    .optional(),
  eventTypes: z
    .array(z.enum(WEBHOOK_EVENT_TYPES as unknown as [WebhookEventType, ...WebhookEventType[]], { message: 'Choose event types from the list.' }))
    .min(1, 'Choose at least one event type.')
    .transform((types) => WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t))),
});

export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

function urlShapeProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL, such as https://crm.example.com/webhooks/porting.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https://.';
  if (url.username || url.password) return 'Leave the user name and password out of the URL; verify the signature instead.';
  if (url.hash) return 'Leave the #fragment out of the URL.';
  return null;
}

/**
 * Why this URL may not receive webhooks here, or null. HTTPS only, except in local mode (a
 * localhost APP_URL), where plain http and loopback are fine. In production the host is resolved
 * and every address must be public (no private, loopback, link-local or metadata address);
 * deliveries check again at connect time.
 */
export async function endpointUrlProblem(value: string): Promise<string | null> {
  const shape = urlShapeProblem(value);
  if (shape) return shape;
  const url = new URL(value);
  if (webhooksMayUseLocalAddresses()) return null;
  if (url.protocol !== 'https:') return 'The URL must start with https://.';
  const refused = await refusedAddressOf(url);
  return refused ? `The URL must be reachable from the internet: ${refused}.` : null;
}
