import 'server-only';
import type { z } from 'zod';
import { NotFoundError } from '@/lib/errors';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { PortRequest } from '@/lib/porting/port-request-access';
import type { RequestClient } from '@/lib/security/request-client';
import type { ApiKeyIdentity } from './keys/authenticate-key';
import type { ApiScope } from './keys/scopes';

// One endpoint of /api/v1: what the OpenAPI document says about it and what runs, side by side, so
// the document cannot describe an operation the router does not have (or the reverse).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiBody =
  /** A JSON object checked with `schema` (the wizard's own schema where there is one). */
  | { kind: 'json'; schema: z.ZodType; description?: string }
  /** JSON checked with `schema`, or a CSV/TXT file as the body (text/csv, text/plain): the numbers step's two ways in. */
  | { kind: 'json-or-text'; schema: z.ZodType; description?: string }
  /** multipart/form-data; `schema` only documents its parts, the endpoint reads them. */
  | { kind: 'multipart'; schema: z.ZodType; description?: string };

export type ApiResponseSpec = { description: string; schema?: z.ZodType; contentType?: string };

export type ApiContext<P, Q, B> = {
  db: Database;
  actor: Actor;
  key: ApiKeyIdentity;
  params: P;
  query: Q;
  /** The checked JSON body; for a text body, the text; for multipart, the form. */
  body: B;
  bodyText?: string;
  form?: FormData;
  client: RequestClient;
  /**
   * For endpoints under /port-requests/{id}: the request, loaded by the door through
   * findPortRequest (404 when the key may not see it) before the body was read. Null elsewhere.
   */
  portRequest: PortRequest | null;
  userAgent: string;
  now: Date;
};

export type ApiReply =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | { status: number; bytes: Uint8Array | string; contentType: string; headers?: Record<string, string> };

// The registry holds endpoints of every parameter type; a handler's own types are checked where it
// is written (defineEndpoint), and the door hands it what the endpoint's schemas produced.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiEndpoint<P = any, Q = any, B = any> = {
  method: HttpMethod;
  /** The OpenAPI path under /api/v1, e.g. "/port_requests/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: ApiBody;
  /** Success responses by status; problems the endpoint may answer besides the door's own. */
  responses: Record<number, ApiResponseSpec>;
  problems?: number[];
  handle: (context: ApiContext<P, Q, B>) => Promise<ApiReply>;
};

/** Keeps each endpoint's handler typed by its own schemas. */
export function defineEndpoint<P extends z.ZodObject | undefined = undefined, Q extends z.ZodObject | undefined = undefined, B extends ApiBody | undefined = undefined>(
  endpoint: Omit<ApiEndpoint, 'params' | 'query' | 'body' | 'handle'> & {
    params?: P;
    query?: Q;
    body?: B;
    handle: (
      context: ApiContext<
        P extends z.ZodObject ? z.output<P> : Record<string, never>,
        Q extends z.ZodObject ? z.output<Q> : Record<string, never>,
        B extends { schema: z.ZodType } ? (B['kind'] extends 'json' ? z.output<B['schema']> : B['kind'] extends 'json-or-text' ? z.output<B['schema']> | string : undefined) : undefined
      >,
    ) => Promise<ApiReply>;
  },
): ApiEndpoint {
  return endpoint as ApiEndpoint;
}

/** The request the door loaded for a /port-requests/{id} endpoint (its own check; never loaded again). */
export function namedRequest(context: { portRequest: PortRequest | null }): PortRequest {
  if (!context.portRequest) throw new NotFoundError('That port request');
  return context.portRequest;
}
