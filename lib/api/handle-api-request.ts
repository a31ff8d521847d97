import 'server-only';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { apiCalls } from '@/db/schema';
import { getDb } from '@/lib/db';
import { NotFoundError, RateLimitedError, StateError } from '@/lib/errors';
import { logFailure } from '@/lib/log';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { kickWebhooks } from '@/lib/webhooks/webhook-worker';
import { UPLOAD_BODY_LIMIT_BYTES } from '@/lib/porting/proof/proof-limits';
import { MAX_IMPORT_BYTES } from '@/lib/porting/wizard/numbers/read-number-lines';
import { requestClientFrom } from '@/lib/security/request-client';
import type { ApiEndpoint, ApiReply } from './endpoint';
import { API_ENDPOINTS } from './endpoints';
import { withIdempotency, requestFingerprint, type StoredAnswer } from './idempotency';
import { authenticateApiKey } from './keys/authenticate-key';
import { noteRequestActor, REQUEST_ID_HEADER } from '@/lib/ops/request-actor';
import { matchEndpoint } from './match-endpoint';
import { ApiProblem } from './problem';
import { API_UNAUTHENTICATED_LIMIT, consumeApiRateLimit, rateLimitHeaders } from './rate-limit';

export const API_BASE_PATH = '/api/v1';
const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The door of /api/v1, for every endpoint: finds the endpoint, authenticates the key, counts the
 * call against its rate limit, checks the scope, replays or records an idempotent POST, checks the
 * parameters and body with the endpoint's schemas, runs it, and answers errors as problem details.
 * Endpoints call the same services as the pages; nothing here knows a porting rule.
 */
export async function handleApiRequest(request: Request, options: { db?: Database; now?: Date; endpoints?: readonly ApiEndpoint[] } = {}): Promise<Response> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const db = options.db ?? (await getDb());
  const url = new URL(request.url);
  const path = url.pathname.startsWith(API_BASE_PATH) ? url.pathname.slice(API_BASE_PATH.length) : url.pathname;
  const client = requestClientFrom(request.headers);
  let limitHeaders: Record<string, string> = {};
  let keyId: string | null = null;
  let response: Response;
  try {
    const match = matchEndpoint(options.endpoints ?? API_ENDPOINTS, request.method, path);
    if (!match) throw new ApiProblem('not-found', `There is no ${API_BASE_PATH}${path}. The operations are listed at ${API_BASE_PATH}/openapi.json.`);
    if (!('endpoint' in match)) throw new ApiProblem('method-not-allowed', `${path} answers ${match.allowed.join(', ')}.`, { headers: { Allow: match.allowed.join(', ') } });
    const { endpoint, params } = match;

    const authenticated = await authenticateApiKey(db, request.headers.get('authorization'), now);
    if (!authenticated) {
      const verdict = await consumeApiRateLimit(db, `api:unauthenticated:${client.address}`, API_UNAUTHENTICATED_LIMIT, now);
      if (!verdict.allowed) throw new ApiProblem('rate-limited', 'Too many calls without a valid API key from this address.', { headers: rateLimitHeaders(verdict) });
      throw new ApiProblem('unauthorized', 'Send an API key of this account as "Authorization: Bearer pn_live_…". An admin of the account makes keys under Numbers > Port Numbers > API access.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="port-numbers"' },
      });
    }
    const { actor, key } = authenticated;
    noteRequestActor(request.headers.get(REQUEST_ID_HEADER), { actorId: actor.userId, apiKeyId: key.id });
    keyId = key.id;
    const verdict = await consumeApiRateLimit(db, `api:key:${key.id}`, undefined, now);
    limitHeaders = rateLimitHeaders(verdict);
    if (!verdict.allowed) throw new ApiProblem('rate-limited', `This key may make ${verdict.limit} calls a minute. Wait ${verdict.resetSeconds} s and retry.`);
    if (!key.scopes.includes(endpoint.scope)) throw new ApiProblem('forbidden', `This key may not do this: it needs the ${endpoint.scope} scope.`);

    const raw = await readBody(request, endpoint);
    const run = async (): Promise<StoredAnswer> => toStored(await runEndpoint(endpoint, { db, actor, key, params, url, request, raw, client, now }));
    const idempotencyKey = request.headers.get('idempotency-key');
    if (request.method === 'POST' && idempotencyKey !== null) {
      const answer = await withIdempotency(db, { apiKeyId: key.id, key: idempotencyKey, fingerprint: requestFingerprint(request.method, url.pathname + url.search, raw), now }, run);
      response = fromStored(answer, { ...limitHeaders, ...(answer.replayed ? { 'Idempotent-Replayed': 'true' } : {}) });
    } else {
      response = fromStored(await run(), limitHeaders);
    }
  } catch (error) {
    response = problemResponse(error, limitHeaders);
  }
  if (keyId) await recordCall(db, keyId, request.method, path, response.status, Date.now() - started, client.address, now);
  // Emails (and webhooks) queued by the call go out now rather than at the next poll.
  if (request.method !== 'GET' && response.status < 400) {
    kickOutbox();
    kickWebhooks();
  }
  return response;
}

type RunInput = {
  db: Database;
  actor: Parameters<ApiEndpoint['handle']>[0]['actor'];
  key: Parameters<ApiEndpoint['handle']>[0]['key'];
  params: Record<string, string>;
  url: URL;
  request: Request;
  raw: Uint8Array;
  client: ReturnType<typeof requestClientFrom>;
  now: Date;
};

async function runEndpoint(endpoint: ApiEndpoint, input: RunInput): Promise<ApiReply> {
  try {
    const params = endpoint.params ? parseOrProblem(endpoint.params, input.params, 'path') : {};
    // As in the UI's door: a request the key may not see is 404 before its body is read, so a
    // stranger learns nothing from validation messages. The endpoint's service checks again.
    const portRequest = endpoint.path.startsWith('/port-requests/{id}') ? await findPortRequest(input.db, input.actor, (params as { id: string }).id) : null;
    const query = endpoint.query ? parseOrProblem(endpoint.query, Object.fromEntries(input.url.searchParams), 'query') : {};
    const { body, bodyText, form } = await parseBody(endpoint, input.request.headers.get('content-type') ?? '', input.raw);
    return await endpoint.handle({
      db: input.db,
      actor: input.actor,
      key: input.key,
      params,
      query,
      body,
      bodyText,
      form,
      client: input.client,
      portRequest,
      userAgent: input.request.headers.get('user-agent') ?? '',
      now: input.now,
    });
  } catch (error) {
    // A refusal is an answer (kept for an idempotent retry); only a failure is thrown on.
    const problem = asProblem(error);
    if (problem) return { status: problem.status, json: problem.body(), headers: { 'Content-Type': 'application/problem+json', ...(problem.extra.headers ?? {}) } };
    throw error;
  }
}

function parseOrProblem<S extends z.ZodType>(schema: S, value: unknown, where: 'path' | 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // A malformed id names nothing this caller may see: 404, as in the UI.
  if (where === 'path') throw new ApiProblem('not-found', 'That resource was not found.');
  throw validationProblem(parsed.error, where === 'query' ? 'Some query parameters are not valid.' : undefined);
}

export function validationProblem(error: z.ZodError, detail = 'Please correct the fields listed in errors.'): ApiProblem {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return new ApiProblem('validation', detail, { errors });
}

async function readBody(request: Request, endpoint: ApiEndpoint): Promise<Uint8Array> {
  if (request.method === 'GET' || request.method === 'DELETE' || !endpoint.body) return new Uint8Array();
  // The numbers file may be as large as the numbers step takes (a little more for the JSON form of it).
  const limit = endpoint.body.kind === 'multipart' ? UPLOAD_BODY_LIMIT_BYTES : endpoint.body.kind === 'json-or-text' ? MAX_IMPORT_BYTES + JSON_BODY_LIMIT_BYTES : JSON_BODY_LIMIT_BYTES;
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw new ApiProblem('payload-too-large', `Bodies of this call are at most ${Math.round(limit / 1024 / 1024)} MB.`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw new ApiProblem('payload-too-large', `Bodies of this call are at most ${Math.round(limit / 1024 / 1024)} MB.`);
  return bytes;
}

async function parseBody(endpoint: ApiEndpoint, contentType: string, raw: Uint8Array): Promise<{ body: unknown; bodyText?: string; form?: FormData }> {
  if (!endpoint.body) return { body: undefined };
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (endpoint.body.kind === 'multipart') {
    if (type !== 'multipart/form-data') throw new ApiProblem('unsupported-media-type', 'Send this call as multipart/form-data.');
    const form = await new Response(Buffer.from(raw), { headers: { 'content-type': contentType } }).formData().catch(() => {
      throw new ApiProblem('validation', 'The multipart body could not be read.');
    });
    return { body: undefined, form };
  }
  if (endpoint.body.kind === 'json-or-text' && (type === 'text/csv' || type === 'text/plain')) {
    return { body: Buffer.from(raw).toString('utf8'), bodyText: Buffer.from(raw).toString('utf8') };
  }
  if (type !== 'application/json' && !(raw.byteLength === 0 && type === '')) {
    throw new ApiProblem('unsupported-media-type', endpoint.body.kind === 'json-or-text' ? 'Send JSON (application/json), or the file as text/csv or text/plain.' : 'Send the body as application/json.');
  }
  let value: unknown = {};
  if (raw.byteLength) {
    try {
      value = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch {
      throw new ApiProblem('validation', 'The body is not valid JSON.');
    }
  }
  return { body: parseOrProblem(endpoint.body.schema, value, 'body') };
}

function asProblem(error: unknown): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (error instanceof NotFoundError) return new ApiProblem('not-found', error.message);
  if (error instanceof RateLimitedError) return new ApiProblem('rate-limited', error.message, { headers: { 'Retry-After': String(error.retryAfterSeconds) } });
  // The wizard's own refusal, word for word.
  if (error instanceof StateError) return new ApiProblem('conflict', error.message);
  return null;
}

function problemResponse(error: unknown, limitHeaders: Record<string, string>): Response {
  const problem = asProblem(error);
  if (!problem) logFailure('api', error);
  const answer = problem ?? new ApiProblem('unavailable', 'We could not complete this call just now; nothing was changed. Retry it (with the same Idempotency-Key for a POST).');
  return new Response(JSON.stringify(answer.body()), {
    status: answer.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...limitHeaders, ...(answer.extra.headers ?? {}) },
  });
}

function toStored(reply: ApiReply): StoredAnswer {
  if ('bytes' in reply) {
    const body = typeof reply.bytes === 'string' ? reply.bytes : Buffer.from(reply.bytes).toString('base64');
    return { status: reply.status, headers: { 'Content-Type': reply.contentType, ...(typeof reply.bytes === 'string' ? {} : { 'X-Body-Encoding': 'base64' }), ...(reply.headers ?? {}) }, body };
  }
  return {
    status: reply.status,
    headers: { 'Content-Type': 'application/json', ...(reply.headers ?? {}) },
    body: reply.json === undefined ? '' : JSON.stringify(reply.json),
  };
}

function fromStored(answer: StoredAnswer, extra: Record<string, string>): Response {
  const { 'X-Body-Encoding': encoding, ...headers } = answer.headers;
  const body = encoding === 'base64' ? Buffer.from(answer.body, 'base64') : answer.body;
  return new Response(answer.status === 204 ? null : body, { status: answer.status, headers: { 'Cache-Control': 'no-store', ...headers, ...extra } });
}

async function recordCall(db: Database, apiKeyId: string, method: string, path: string, status: number, durationMs: number, ipAddress: string, at: Date) {
  try {
    await db.insert(apiCalls).values({ apiKeyId, method, path: path.slice(0, 500), status, durationMs, ipAddress, at });
  } catch (error) {
    // The answer stands even if its log line could not be written.
    logFailure('api-call-log', error);
  }
}
