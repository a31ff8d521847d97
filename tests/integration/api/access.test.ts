/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is walked as plain JSON */
/**
 * The access matrix, API column: for EVERY endpoint of the router (API_ENDPOINTS, so endpoints added
 * later are covered without touching this file):
 *  - a Harbor Legal key naming Summit's resources gets 404, and nothing anywhere changes;
 *  - a read-only Summit key gets 403 on every write and is let through (not 401/403) on every read;
 *  - a revoked key gets 401 on every endpoint.
 * Path parameters are filled by name with the Summit request's own ids (see `fill`).
 */
import { eq } from 'drizzle-orm';
import * as schema from '@/db/schema';
import { API_ENDPOINTS } from '@/lib/api/endpoints';
import type { ApiEndpoint } from '@/lib/api/endpoint';
import { revokeApiKey } from '@/lib/api/keys/manage-api-keys';
import { getApiDocument } from '@/lib/api/openapi/api-document';
import { problemTypeUri } from '@/lib/api/problem';
import { addNote } from '@/lib/porting/notes/add-note';
import { addRecipient } from '@/lib/porting/notes/recipients';
import { apiCall, makeApiKey, type ApiCallOptions } from '../../helpers/api';
import { tinyPng } from '../../helpers/files';
import { draftThroughCustomer, submittedRequest } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext();

type SummitRequest = { state: string; id: string; number: string; userId: string; noteId: string | null; proofId: string | null; eventId: string };

/** A Summit request in `state`, with a recipient and (once submitted) a note in its thread. */
async function summitRequest(state: 'draft' | 'submitted'): Promise<SummitRequest> {
  const number = t.freshNumber();
  const id = state === 'draft' ? await draftThroughCustomer(t.db, t.owner, t.summit, [number]) : await submittedRequest(t.db, t.owner, t.summit, [number]);
  await addRecipient(t.db, t.owner, id, 'analyst@summit.example');
  const noteId = state === 'draft' ? null : await addNote(t.db, t.owner, id, { body: 'Please call before the port.', visibility: 'public' });
  const [proof] = await t.db.select({ id: schema.proofFiles.id }).from(schema.proofFiles).where(eq(schema.proofFiles.portRequestId, id));
  const [event] = await t.db.select({ id: schema.portRequestEvents.id }).from(schema.portRequestEvents).where(eq(schema.portRequestEvents.portRequestId, id));
  return { state, id, number, userId: t.analyst.userId, noteId, proofId: proof?.id ?? null, eventId: event.id };
}

/** The endpoint's path with each parameter, by name, naming a Summit thing of the right kind. */
function fill(endpoint: ApiEndpoint, request: SummitRequest): string {
  return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (
      {
        id: request.id,
        requestId: request.id,
        portRequestId: request.id,
        userId: request.userId,
        recipientId: request.userId,
        number: request.number,
        noteId: request.noteId ?? '00000000-0000-4000-8000-000000000000',
        fileId: request.proofId ?? '00000000-0000-4000-8000-000000000000',
        proofId: request.proofId ?? '00000000-0000-4000-8000-000000000000',
        eventId: request.eventId,
      } as Record<string, string>
    )[name];
    if (!value) throw new Error(`access.test.ts does not know which Summit id to put in {${name}} of ${endpoint.method} ${endpoint.path}: add it to fill().`);
    return encodeURIComponent(value);
  });
}

type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>; components: { schemas: Record<string, Record<string, unknown>> } };

/** The endpoint's request body schema in the document (resolved), by content type. */
function bodySchema(endpoint: ApiEndpoint, type: string): Record<string, any> | undefined {
  const doc = getApiDocument() as unknown as Doc;
  const resolve = (s: Record<string, any> | undefined) => (s && typeof s.$ref === 'string' ? doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] : s);
  return resolve(doc.paths[endpoint.path]?.[endpoint.method.toLowerCase()]?.requestBody?.content[type]?.schema);
}

/**
 * The body's documented example cut to its required fields (optional ones, like a port date, may
 * be bound to today), so the call gets past validation to the access check.
 */
function exampleBody(endpoint: ApiEndpoint): unknown {
  const s = bodySchema(endpoint, 'application/json');
  const example = s?.example ?? (Array.isArray(s?.examples) ? s.examples[0] : undefined) ?? {};
  if (!s?.required || typeof example !== 'object' || example === null || Array.isArray(example)) return example;
  return Object.fromEntries(Object.entries(example).filter(([k]) => (s.required as string[]).includes(k)));
}

function callOptions(endpoint: ApiEndpoint, key: string, request: SummitRequest): ApiCallOptions {
  if (!endpoint.body) return { key };
  if (endpoint.body.kind === 'multipart') {
    // Each file part the schema names gets a real (tiny) image, so the upload is not refused for its content.
    const form = new FormData();
    for (const [name, part] of Object.entries<Record<string, any>>(bodySchema(endpoint, 'multipart/form-data')?.properties ?? {})) {
      const binary = part.format === 'binary' || part.items?.format === 'binary';
      if (binary) form.append(name, new File([new Uint8Array(tinyPng())], 'bill.png', { type: 'image/png' }));
    }
    return { key, form };
  }
  if (endpoint.body.kind === 'json-or-text') return { key, text: `${request.number}\n`, contentType: 'text/plain' };
  return { key, json: exampleBody(endpoint) };
}

const label = (e: ApiEndpoint) => `${e.method} ${e.path}`;
const withParams = API_ENDPOINTS.filter((e) => e.path.includes('{'));
const writes = API_ENDPOINTS.filter((e) => e.scope === 'port_requests:write');
const reads = API_ENDPOINTS.filter((e) => e.scope === 'port_requests:read');

/** Every domain table, whole: what a refused call must leave exactly as it was. */
async function everything() {
  const tables = {
    portRequests: schema.portRequests,
    portRequestNumbers: schema.portRequestNumbers,
    portRequestEvents: schema.portRequestEvents,
    portRequestNotes: schema.portRequestNotes,
    portRequestNoteReads: schema.portRequestNoteReads,
    portRequestRecipients: schema.portRequestRecipients,
    loaSignatures: schema.loaSignatures,
    loaSignatureRequests: schema.loaSignatureRequests,
    proofFiles: schema.proofFiles,
    alternateRoutings: schema.alternateRoutings,
    changeRequests: schema.changeRequests,
    outboxEmails: schema.outboxEmails,
    webhookDeliveries: schema.webhookDeliveries,
    scheduledJobs: schema.scheduledJobs,
  };
  const snapshot: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(tables)) snapshot[name] = (await t.db.select().from(table as typeof schema.portRequests)).map((row) => JSON.stringify(row)).sort();
  return snapshot;
}

/** The door counts every call against the key's limit; the matrix makes more calls than a minute allows. */
const freshLimits = () => t.db.delete(schema.rateLimitHits);

test('the matrix covers endpoints of both scopes, with and without path parameters', () => {
  expect(withParams.length).toBeGreaterThan(0);
  expect(reads.length).toBeGreaterThan(0);
  expect(API_ENDPOINTS.every((e) => e.scope === 'port_requests:read' || e.scope === 'port_requests:write')).toBe(true);
});

test.each(['draft', 'submitted'] as const)('a Harbor Legal key naming a %s Summit request in any endpoint gets 404, and nothing changes', async (state) => {
  const request = await summitRequest(state);
  const harborKey = await makeApiKey(t.db, t.harbor, t.harborLegal);
  const before = await everything();
  const answers: string[] = [];
  for (const endpoint of withParams) {
    await freshLimits();
    const answer = await apiCall(t.db, endpoint.method, fill(endpoint, request), callOptions(endpoint, harborKey, request));
    answers.push(`${label(endpoint)} → ${answer.status}${answer.status === 404 ? '' : ` ${answer.text.slice(0, 200)}`}`);
    if (answer.status === 404) {
      expect(answer.body).toMatchObject({ type: problemTypeUri('not-found'), status: 404 });
      // The answer names nothing of Summit's.
      expect(answer.text).not.toContain(request.number);
      expect(answer.text).not.toMatch(/Summit/i);
    }
  }
  expect(answers).toEqual(withParams.map((e) => `${label(e)} → 404`));
  expect(await everything()).toEqual(before);
});

test('a Harbor Legal key cannot reach Summit through an account id either: no Summit request is listed or made', async () => {
  const request = await summitRequest('submitted');
  const harborKey = await makeApiKey(t.db, t.harbor, t.harborLegal);
  const before = await everything();
  for (const endpoint of API_ENDPOINTS.filter((e) => !e.path.includes('{'))) {
    await freshLimits();
    const accountIdInQuery = endpoint.query && 'accountId' in endpoint.query.shape;
    const path = accountIdInQuery ? `${endpoint.path}?accountId=${t.summit}` : endpoint.path;
    const options = callOptions(endpoint, harborKey, request);
    if (endpoint.body?.kind === 'json') options.json = { ...((options.json as object) ?? {}), accountId: t.summit };
    const answer = await apiCall(t.db, endpoint.method, path, options);
    expect({ endpoint: label(endpoint), refused: answer.status >= 400 && answer.status < 500 }).toEqual({ endpoint: label(endpoint), refused: true });
    expect(answer.text).not.toContain(request.id);
    expect(answer.text).not.toContain(request.number);
  }
  expect(await everything()).toEqual(before);
});

test('a read-only Summit key: 403 forbidden on every write, and let through on every read', async () => {
  const request = await summitRequest('submitted');
  const readOnly = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read']);
  const before = await everything();
  for (const endpoint of writes) {
    await freshLimits();
    const answer = await apiCall(t.db, endpoint.method, fill(endpoint, request), callOptions(endpoint, readOnly, request));
    expect({ endpoint: label(endpoint), status: answer.status }).toEqual({ endpoint: label(endpoint), status: 403 });
    expect(answer.body).toMatchObject({ type: problemTypeUri('forbidden'), detail: expect.stringContaining('port_requests:write') });
  }
  expect(await everything()).toEqual(before);
  for (const endpoint of reads) {
    await freshLimits();
    const answer = await apiCall(t.db, endpoint.method, fill(endpoint, request), { key: readOnly });
    // 2xx, or a 4xx of the resource itself (e.g. no signed LOA yet), never the scope or the key.
    expect({ endpoint: label(endpoint), ok: answer.status < 500 && ![401, 403].includes(answer.status) }).toEqual({ endpoint: label(endpoint), ok: true });
  }
  // GET of the request itself is 200 for the key's own account.
  expect((await apiCall(t.db, 'GET', `/port-requests/${request.id}`, { key: readOnly })).status).toBe(200);
});

test('a revoked key: 401 unauthorized on every endpoint, and nothing changes', async () => {
  const request = await summitRequest('draft');
  const secret = await makeApiKey(t.db, t.owner, t.summit);
  const [row] = await t.db.select().from(schema.apiKeys);
  await revokeApiKey(t.db, t.owner, t.summit, row.id);
  const before = await everything();
  for (const endpoint of API_ENDPOINTS) {
    await freshLimits();
    const answer = await apiCall(t.db, endpoint.method, fill(endpoint, request), callOptions(endpoint, secret, request));
    expect({ endpoint: label(endpoint), status: answer.status }).toEqual({ endpoint: label(endpoint), status: 401 });
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
  }
  expect(await everything()).toEqual(before);
  // A revoked key's calls are not logged against it as if it worked.
  expect(await t.db.select().from(schema.apiCalls)).toEqual([]);
});
