/** @jest-environment node */
/**
 * The OpenAPI document (/api/v1/openapi.json) and the reference page (/api/v1/docs) against the
 * router: the document validates as OpenAPI 3.1; every operation it lists is served (401 without a
 * key, never 404/405); every endpoint is listed, and no /api/v1 route exists outside the one router,
 * the document and the reference; each problem type's URI lands on its section of the reference.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import ApiDocsPage from '@/app/api/v1/docs/page';
import { GET as openApiJson } from '@/app/api/v1/openapi.json/route';
import * as catchAll from '@/app/api/v1/[...path]/route';
import { API_ENDPOINTS } from '@/lib/api/endpoints';
import { buildOpenApiDocument } from '@/lib/api/openapi/build-document';
import { getApiDocument } from '@/lib/api/openapi/api-document';
import { PROBLEM_TYPES, problemTypeUri, type ProblemSlug } from '@/lib/api/problem';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/webhook-events';
import { apiCall, makeApiKey } from '../../helpers/api';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext({ storage: false });

/**
 * @apidevtools/swagger-parser (OpenAPI 3.1 schema and $refs), run by node itself: it loads an ES
 * module with require(), which node does and jest's module loader does not.
 */
function validate(document: unknown): string {
  const script = `const P = require('@apidevtools/swagger-parser'); let s = '';
    process.stdin.on('data', (d) => (s += d)).on('end', () => P.validate(JSON.parse(s)).then(() => process.stdout.write('valid'), (e) => process.stdout.write(e.message)));`;
  return execFileSync(process.execPath, ['-e', script], { input: JSON.stringify(document), cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Doc = { paths: Record<string, Record<string, { operationId: string }>>; webhooks?: Record<string, Record<string, { operationId: string }>> };
const doc = () => getApiDocument() as unknown as Doc;
const documented = () => Object.entries(doc().paths).flatMap(([p, item]) => METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path: p, operationId: item[m].operationId })));
/** A documented path with made-up values: the door must still find the operation. */
const concrete = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'number' ? '%2B14105550123' : '00000000-0000-4000-8000-000000000000'));

test('the document validates as OpenAPI 3.1 (the served one and a fresh build)', async () => {
  const served = await (await openApiJson()).json();
  expect(served.openapi).toBe('3.1.0');
  expect(validate(served)).toBe('valid');
  expect(validate(buildOpenApiDocument())).toBe('valid');
});

test('the document lists exactly the endpoints the router serves, each operationId once', () => {
  const listed = documented().map((o) => `${o.method} ${o.path}`).sort();
  expect(listed).toEqual(API_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  const ids = [...documented().map((o) => o.operationId), ...Object.values(doc().webhooks ?? {}).flatMap((item) => Object.values(item).map((o) => o.operationId))];
  expect(ids.every(Boolean)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  // Two endpoints on one method and path would shadow each other in the router.
  expect(new Set(listed).size).toBe(listed.length);
});

test('every documented operation is served: without a key it is 401 problem JSON, never 404 or 405', async () => {
  for (const operation of documented()) {
    const answer = await apiCall(t.db, operation.method, concrete(operation.path), operation.method === 'GET' || operation.method === 'DELETE' ? {} : { json: {} });
    expect({ operation: `${operation.method} ${operation.path}`, status: answer.status }).toEqual({ operation: `${operation.method} ${operation.path}`, status: 401 });
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.type).toBe(problemTypeUri('unauthorized'));
  }
});

test('the one router answers every method an endpoint uses', () => {
  for (const method of new Set(API_ENDPOINTS.map((e) => e.method))) expect(typeof (catchAll as Record<string, unknown>)[method]).toBe('function');
});

test('no /api/v1 route exists besides the router, the document and the reference', () => {
  const root = path.join(process.cwd(), 'app/api/v1');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(route|page)\.(ts|tsx|js|jsx|mjs)$/.test(entry.name)) files.push(path.relative(root, full));
    }
  };
  walk(root);
  // Anything else under /api/v1 would be an operation the document does not describe and the door does not guard.
  expect(files.sort()).toEqual(['[...path]/route.ts', 'docs/page.tsx', 'openapi.json/route.ts']);
});

test('an undocumented path or method is a problem: 404 (with a key or without), 405 with Allow', async () => {
  const key = await makeApiKey(t.db, t.owner, t.summit);
  for (const p of ['/nothing-here', '/port-requests/00000000-0000-4000-8000-000000000000/nothing', '/', '/openapi.json/extra']) {
    for (const k of [null, key]) {
      const answer = await apiCall(t.db, 'GET', p, { key: k });
      expect({ p, status: answer.status }).toEqual({ p, status: 404 });
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({ type: problemTypeUri('not-found'), status: 404 });
    }
  }
  const first = documented()[0];
  const other = METHODS.map((m) => m.toUpperCase()).find((m) => !documented().some((o) => o.path === first.path && o.method === m))!;
  const wrong = await apiCall(t.db, other, concrete(first.path), { key });
  expect(wrong.status).toBe(405);
  expect(wrong.headers.get('allow')).toContain(first.method);
});

describe('the reference page', () => {
  const html = () => renderToStaticMarkup(ApiDocsPage());

  test('every problem type URI resolves to its section, which names its status and title', () => {
    const page = html();
    for (const [slug, problem] of Object.entries(PROBLEM_TYPES)) {
      const uri = new URL(problemTypeUri(slug as ProblemSlug));
      expect(uri.pathname).toBe('/api/v1/docs');
      expect(page).toContain(`id="${uri.hash.slice(1)}"`);
      const section = page.slice(page.indexOf(`id="${uri.hash.slice(1)}"`)).slice(0, 2000);
      expect(section).toContain(String(problem.status));
      expect(section).toContain(problem.title.replace(/'/g, '&#x27;'));
    }
  });

  test('it shows the intro and each operation with its method, path, summary and scope', () => {
    const page = html();
    for (const heading of ['Authentication', 'Idempotency', 'Rate limits', 'Errors', 'Problem types', 'Webhooks']) expect(page).toContain(`>${heading}</h2>`);
    for (const endpoint of API_ENDPOINTS) {
      const at = page.indexOf(`data-operation="${endpoint.operationId}"`);
      expect({ operationId: endpoint.operationId, found: at >= 0 }).toEqual({ operationId: endpoint.operationId, found: true });
      const section = page.slice(at, page.indexOf('</section>', at));
      expect(section).toContain(`>${endpoint.method.toLowerCase()}</span>`);
      expect(section).toContain(endpoint.path);
      expect(section).toContain(endpoint.scope);
    }
  });

  test('a JSON body’s fields are listed with their types', () => {
    const page = html();
    const withBody = API_ENDPOINTS.find((e) => e.body?.kind === 'json');
    if (!withBody) return;
    const at = page.indexOf(`data-operation="${withBody.operationId}"`);
    const section = page.slice(at, page.indexOf('</section>', at));
    expect(section).toContain('Request body');
    expect(section).toMatch(/<td[^>]*>(string|integer|boolean|array|object|one of)/);
  });

  test('every webhook event has its section, with its summary and payload fields', () => {
    const page = html();
    expect(Object.keys(doc().webhooks ?? {}).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      const at = page.indexOf(`data-webhook="${type}"`);
      expect({ type, found: at >= 0 }).toEqual({ type, found: true });
      const section = page.slice(at, page.indexOf('</section>', at));
      expect(section).toContain('apiVersion');
      expect(section).toContain('portRequest');
    }
  });
});
