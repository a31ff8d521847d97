import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { handleApiRequest } from '@/lib/api/handle-api-request';
import { createApiKey } from '@/lib/api/keys/manage-api-keys';
import type { ApiScope } from '@/lib/api/keys/scopes';

// Calls /api/v1 as a script would: a real Request through the real door and router, no Next server.

export async function makeApiKey(db: Database, actor: Actor, accountId: string, scopes: ApiScope[] = ['port_requests:read', 'port_requests:write'], name = 'Test key') {
  return (await createApiKey(db, actor, accountId, { name, scopes })).secret;
}

export type ApiCallOptions = {
  key?: string | null;
  json?: unknown;
  text?: string;
  contentType?: string;
  form?: FormData;
  headers?: Record<string, string>;
  now?: Date;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an answer's JSON, of whatever shape the endpoint gives
export type ApiAnswer = { status: number; headers: Headers; body: any; text: string; bytes: Uint8Array };

export async function apiCall(db: Database, method: string, path: string, options: ApiCallOptions = {}): Promise<ApiAnswer> {
  const headers = new Headers(options.headers);
  if (options.key) headers.set('authorization', `Bearer ${options.key}`);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.text !== undefined) {
    headers.set('content-type', options.contentType ?? 'text/csv');
    body = options.text;
  } else if (options.form) {
    const encoded = new Response(options.form);
    headers.set('content-type', encoded.headers.get('content-type')!);
    body = new Uint8Array(await encoded.arrayBuffer());
  }
  const request = new Request(`http://localhost:3000/api/v1${path}`, { method, headers, body });
  const response = await handleApiRequest(request, { db, now: options.now });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = Buffer.from(bytes).toString('utf8');
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text, text, bytes };
}
