import 'server-only';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { getEnv } from '@/lib/config/env';
import type { ApiEndpoint } from '../endpoint';
import { API_ENDPOINTS } from '../endpoints';
import { API_BASE_PATH } from '../handle-api-request';
import { API_SCOPES } from '../keys/scopes';
import { PROBLEM_TYPES, problemTypeUri, type ProblemSlug } from '../problem';
import { API_RATE_LIMIT } from '../rate-limit';

export const API_VERSION = '2026-12-01';

const problemSchema = z
  .object({
    type: z.string().meta({ format: 'uri', description: 'Stable per problem; see the problem types in the reference' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional().meta({ description: 'What went wrong, in the words the wizard uses' }),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Validation: each field's messages, keyed by field" }),
  })
  .meta({ id: 'Problem' });

const DOOR_PROBLEMS: Record<number, string> = {
  401: 'No API key, an unknown one, or a revoked one',
  403: 'The key lacks the scope',
  404: 'Not found, or of another account',
  409: 'The request is not in a state that allows this, or changed meanwhile',
  413: 'The body is too large',
  415: 'Unsupported content type',
  422: 'Validation failed (errors per field), or an Idempotency-Key reused with another body',
  429: 'Rate limited: see Retry-After and RateLimit',
};

/** Extra parts the document shows, each added by the module that owns it (webhooks: their payloads). */
export type DocumentExtras = { webhooks?: Record<string, { summary: string; description?: string; schema: z.ZodType }> };

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the endpoints the router serves and the zod
 * schemas they check bodies with (the wizard's own). Never edited by hand.
 */
export function buildOpenApiDocument(endpoints: readonly ApiEndpoint[] = API_ENDPOINTS, extras: DocumentExtras = {}) {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of endpoints) {
    const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    (paths[endpoint.path] ??= {})[method] = operationObject(endpoint);
  }
  const webhooks = Object.fromEntries(
    Object.entries(extras.webhooks ?? {}).map(([type, hook]) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\W/g, '_')}`,
          summary: hook.summary,
          description: hook.description,
          requestBody: { content: { 'application/json': { schema: hook.schema } } },
          responses: { '200': { description: 'Any 2xx acknowledges the message; anything else is retried' } },
        },
      },
    ]),
  );
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Port Numbers API',
      version: API_VERSION,
      description: [
        'Port US and Canadian numbers onto the platform from your own systems: the same steps, checks and messages as Numbers > Port Numbers.',
        `Authenticate with an API key of your account (Numbers > Port Numbers > API access) as \`Authorization: Bearer pn_live_…\`. A key acts for its account and, for an agency, its sub-accounts, as an admin would.`,
        `Every POST accepts an \`Idempotency-Key\` header: the same key and body within 24 hours returns the first answer; the same key with another body is refused (422).`,
        `Rate limit: ${API_RATE_LIMIT.max} calls per ${API_RATE_LIMIT.windowSeconds} s per key, announced in the RateLimit and RateLimit-Policy headers; 429 comes with Retry-After.`,
        'Errors are RFC 9457 problem details (application/problem+json) with a stable `type`.',
      ].join('\n\n'),
    },
    servers: [{ url: `${getEnv().appUrl}${API_BASE_PATH}` }],
    security: [{ apiKey: [] }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    webhooks,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: `An API key. Scopes: ${Object.entries(API_SCOPES)
            .map(([scope, what]) => `\`${scope}\` (${what})`)
            .join('; ')}.`,
        },
      },
      schemas: { Problem: problemSchema },
    },
    // Each problem's `type` URI, as the answers carry it, resolves to its section of /api/v1/docs.
    'x-problem-types': Object.fromEntries(
      Object.entries(PROBLEM_TYPES).map(([slug, p]) => [slug, { type: problemTypeUri(slug as ProblemSlug), status: p.status, title: p.title, description: p.advice }]),
    ),
  } as Parameters<typeof createDocument>[0]);
}

function operationObject(endpoint: ApiEndpoint): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, spec] of Object.entries(endpoint.responses)) {
    responses[status] = spec.schema
      ? { description: spec.description, content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } } }
      : spec.contentType
        ? { description: spec.description, content: { [spec.contentType]: { schema: z.string().meta({ format: 'binary' }) } } }
        : { description: spec.description };
  }
  const problems = new Set([401, 403, 429, ...(endpoint.params ? [404] : []), ...(endpoint.body ? [413, 415, 422] : []), ...(endpoint.method === 'POST' ? [409, 422] : []), ...(endpoint.problems ?? [])]);
  for (const status of [...problems].sort()) {
    responses[String(status)] = { description: DOOR_PROBLEMS[status] ?? 'Problem', content: { 'application/problem+json': { schema: problemSchema } } };
  }
  const body = endpoint.body;
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: endpoint.description ? `${endpoint.description}\n\nScope: \`${endpoint.scope}\`.` : `Scope: \`${endpoint.scope}\`.`,
    tags: [endpoint.tag],
    requestParams: {
      ...(endpoint.params ? { path: endpoint.params } : {}),
      ...(endpoint.query ? { query: endpoint.query } : {}),
      ...(endpoint.method === 'POST'
        ? { header: z.object({ 'Idempotency-Key': z.string().max(255).optional().meta({ description: 'Makes a retry safe: the same key and body return the first answer for 24 hours' }) }) }
        : {}),
    },
    ...(body
      ? {
          requestBody: {
            required: true,
            description: body.description,
            content:
              body.kind === 'multipart'
                ? { 'multipart/form-data': { schema: body.schema } }
                : body.kind === 'json-or-text'
                  ? {
                      'application/json': { schema: body.schema },
                      'text/csv': { schema: z.string().meta({ description: 'The file as the numbers step reads it' }) },
                      'text/plain': { schema: z.string().meta({ description: 'One number per line, or the CSV' }) },
                    }
                  : { 'application/json': { schema: body.schema } },
          },
        }
      : {}),
    responses,
  };
}
