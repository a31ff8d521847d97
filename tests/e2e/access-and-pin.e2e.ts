import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, roleContexts } from './helpers/browser';
import { appRoutes } from './helpers/app-routes';
import { createApiKeyInBrowser, registerWebhookInBrowser, startWebhookReceiver } from './helpers/api-access';
import { createSummitTargets } from './helpers/summit-targets';

const PIN = 'Q7Z4X9K2W';
let browser: Browser;
const contexts: Record<string, BrowserContext> = {};
let requestId = '', draftId = '', loaPath = '', proofPath = '', inquiryId = '';
let apiKey = '', apiKeyPrefix = '', webhookId = '';
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  browser = await launchBrowser();
  Object.assign(contexts, await roleContexts(browser));

  // Summit's API key and webhook endpoint come first, so every event of the targets is delivered to it.
  const settings = await contexts.owner.newPage();
  ({ secret: apiKey, prefix: apiKeyPrefix } = await createApiKeyInBrowser(settings, 'PIN search', 'Read only'));
  receiver = await startWebhookReceiver();
  webhookId = await registerWebhookInBrowser(settings, receiver.url);
  await settings.close();

  ({ requestId, draftId, loaPath, proofPath, inquiryId } = await createSummitTargets(await contexts.owner.newPage(), { submitted: '+14105550240', draft: '+14105550241' }, PIN));
}, 180_000);
afterAll(async () => {
  await browser.close();
  await receiver?.close();
});

// Public by design: the sign-in pages (the confirmation shows only the address its link names), the local tools (loopback only).
const PUBLIC = ['/', '/sign-in', '/sign-in/check-email', '/sign-in/confirm', '/dev/mailbox', '/dev/attachments/[id]/[index]', '/dev/jobs', '/dev/carrier', '/no-account'];
// The load balancer's probes and the metrics scrape answer every role alike, without a session, and
// name nothing of an account: /metrics is open here because e2e runs in local mode on this machine
// (its token rules: tests/integration/ops/metrics-route.test.ts).
const OPERATIONS = ['/healthz', '/readyz', '/metrics'];
const OWN_DATA = ['/numbers/port', '/numbers/tracking', '/numbers/port/international'];
// The API's description, for anyone (like the OpenAPI document it is made from).
const API_PUBLIC = ['/api/v1/openapi.json', '/api/v1/docs'];
// The API itself answers a key, never a session: every role (cookies and all) gets 401 problem JSON, not a redirect.
const API_ROUTER = '/api/v1/[...path]';
// The carrier's webhooks answer its signature, never a session: every role gets a refusal (405 to a
// GET, 401 to an unsigned POST, carrier.e2e.ts) that names nothing.
const CARRIER_WEBHOOKS = '/api/carrier/webhooks';
// Public by its emailed token (loa-signing-link.e2e.ts drives a real one): a made-up token shows the refusal, and nothing else.
const SIGNING_PAGE = '/sign/[token]';
// An account admin's settings: each admin sees their own account's; a member gets the 404.
const ADMIN_OWN_DATA = ['/numbers/port/api', '/numbers/port/api/webhooks'];
// The list's CSV export: each account user downloads their own list's requests (a 200 for all of
// them), never another account's; the team, with no account, gets the 404.
const LIST_EXPORT = '/numbers/port/export';

function concrete(pattern: string): { url: string; method: 'GET' | 'POST' } {
  const url = pattern
    .replace('/api/v1/[...path]', `/api/v1/port-requests/${requestId}`)
    .replace('/sign/[token]', '/sign/made-up-token-0000000000000000000000000000')
    .replace(/\/numbers\/port\/api\/webhooks\/\[\w+\]/, `/numbers/port/api/webhooks/${webhookId}`)
    .replace('/numbers/port/[id]/files/[kind]/[fileId]', loaPath)
    .replace('/numbers/port/international/[id]', `/numbers/port/international/${inquiryId}`)
    .replace('/staff/inquiries/[id]', `/staff/inquiries/${inquiryId}`)
    .replace('/staff/requests/[id]/proof/[fileId]', `/staff/requests/${requestId}/proof/${proofPath.split('/').pop()}`)
    .replace('/staff/requests/[id]', `/staff/requests/${requestId}`)
    .replace(/\/numbers\/port\/\[id\]\/(carrier|numbers|customer|address|agreement|loa|proof|discard)(?=\/|$)/, `/numbers/port/${draftId}/$1`)
    .replace('/numbers/port/[id]', `/numbers/port/${requestId}`);
  return { url, method: pattern.endsWith('refused-lines') ? 'POST' : 'GET' };
}

async function call(request: APIRequestContext, url: string, method: 'GET' | 'POST') {
  const response = method === 'GET' ? await request.get(url, { maxRedirects: 0 }) : await request.post(url, { maxRedirects: 0, form: { refused: '[]' } });
  return { status: response.status(), location: response.headers()['location'] ?? '', type: response.headers()['content-type'] ?? '', body: await response.text() };
}

const SUMMIT_MARKS = () => [requestId, draftId, '410) 555-0240', '+14105550240', 'Summit', apiKeyPrefix, PIN];

/** The routes with a rule of their own: what each role must get, or null for the general rule. */
function specialRule(pattern: string, role: string, answer: Awaited<ReturnType<typeof call>>): boolean | null {
  const { status, location, type, body } = answer;
  const redirect = [302, 303, 307].includes(status);
  const names = (marks: string[]) => marks.some((m) => body.includes(m));
  if (API_PUBLIC.includes(pattern)) return status === 200 && !names([PIN, requestId, apiKeyPrefix]);
  if (OPERATIONS.includes(pattern)) return status === 200 && !names(SUMMIT_MARKS());
  if (pattern === API_ROUTER) {
    return status === 401 && type.startsWith('application/problem+json') && JSON.parse(body).type?.endsWith('#problem-unauthorized') && !names(SUMMIT_MARKS());
  }
  if (pattern === CARRIER_WEBHOOKS) return [401, 405].includes(status) && !names(SUMMIT_MARKS());
  if (pattern === SIGNING_PAGE) return status === 200 && body.includes('This link is not valid') && !names(SUMMIT_MARKS());
  if (pattern === LIST_EXPORT) {
    if (role === 'signedOut') return redirect && location.includes('/sign-in');
    if (role === 'staff') return status === 404 && !names(SUMMIT_MARKS());
    if (role === 'harbor') return status === 200 && type.startsWith('text/csv') && !names(SUMMIT_MARKS());
    if (role === 'dental') return status === 200 && type.startsWith('text/csv') && !names([requestId, draftId, PIN]); // Summit Dental's own, not the agency's
    return status === 200 && type.startsWith('text/csv') && body.includes(requestId) && !body.includes(PIN);
  }
  if (ADMIN_OWN_DATA.includes(pattern)) {
    if (role === 'signedOut') return redirect && location.includes('/sign-in');
    if (role === 'staff') return redirect && location.includes('/staff');
    if (role === 'dental') return status === 404; // a member of Summit Dental, not an admin
    if (role === 'harbor') return status === 200 && !names([apiKeyPrefix, receiver.url, webhookId, 'Summit']); // Harbor's own (empty) settings
    return status === 200;
  }
  return null;
}

test('every page and route answers only its rightful user: others get 404, the signed-out a redirect to sign-in', async () => {
  const routes = appRoutes().filter((r) => !PUBLIC.includes(r.pattern));
  expect(routes.length).toBeGreaterThan(15);
  // The routes with their own rule are all still there (a rename would otherwise fall to the general rule).
  for (const pattern of [...API_PUBLIC, ...OPERATIONS, API_ROUTER, CARRIER_WEBHOOKS, SIGNING_PAGE, ...ADMIN_OWN_DATA, LIST_EXPORT]) expect(routes.map((r) => r.pattern)).toContain(pattern);
  const roles = ['signedOut', 'harbor', 'dental', 'owner', 'staff'] as const;
  const failures: string[] = [];
  let calls = 0;
  for (const route of routes) {
    const { url, method } = concrete(route.pattern);
    const staffOnly = route.pattern.startsWith('/staff');
    const ownData = OWN_DATA.includes(route.pattern);
    // The team reads every request's documents; account routes otherwise send staff to their console.
    const teamToo = route.pattern.includes('/files/');
    for (const role of roles) {
      const answer = await call(contexts[role].request, url, method);
      const { status, location } = answer;
      calls += 1;
      const special = specialRule(route.pattern, role, answer);
      if (special !== null) {
        if (!special) failures.push(`${role} ${method} ${url} -> ${status} ${location} ${answer.body.slice(0, 200)}`);
        continue;
      }
      const rightful = staffOnly ? role === 'staff' : role === 'owner' || (teamToo && role === 'staff');
      const redirect = [302, 303, 307].includes(status);
      const ok =
        role === 'signedOut'
          ? redirect && location.includes('/sign-in')
          : rightful
            ? status === 200 || (redirect && (location.includes(`/numbers/port/${draftId}`) || location.includes('X-Amz-Signature=')))
            : !staffOnly && role === 'staff'
              ? (route.kind === 'page' && redirect && location.includes('/staff')) || (route.kind === 'route' && status === 404)
              : ownData
                ? status === 200
                : status === 404;
      if (!ok) failures.push(`${role} ${method} ${url} -> ${status} ${location}`);
    }
  }
  console.log(`access matrix: ${routes.length} routes x ${roles.length} roles = ${calls} calls`);
  expect(failures).toEqual([]);
});

test('the queue export is in the matrix, and answers the team with CSV that holds no PIN', async () => {
  expect(appRoutes().map((r) => r.pattern)).toContain('/staff/export');
  const answer = await call(contexts.staff.request, `/staff/export?q=${encodeURIComponent('(410) 555-0240')}`, 'GET');
  expect(answer.status).toBe(200);
  expect(answer.type).toBe('text/csv; charset=utf-8');
  expect(answer.body).toContain(requestId);
  expect(answer.body.includes(PIN)).toBe(false);
});

test('ids that look valid but name nothing, or are not ids at all, get 404 too', async () => {
  for (const url of ['/numbers/port/00000000-0000-4000-8000-000000000000', '/numbers/port/not-an-id', `/numbers/port/${requestId}/files/proof/00000000-0000-4000-8000-000000000000`, '/staff/requests/1']) {
    const as = url.startsWith('/staff') ? contexts.staff : contexts.owner;
    expect((await call(as.request, url, 'GET')).status).toBe(404);
  }
  expect((await call(contexts.owner.request, proofPath, 'GET')).status).toBe(307);
});

test('the PIN appears nowhere an account user, an email, a stored file or the logs could show it', async () => {
  // The search finds the PIN where it may be: the team's reveal.
  const staff = await contexts.staff.newPage();
  await staff.goto(`/staff/requests/${requestId}`);
  await staff.getByRole('button', { name: 'Reveal' }).click();
  expect(await staff.getByTestId('revealed-pin').textContent()).toBe(PIN);

  const owner = contexts.owner.request;
  const pages = [
    '/numbers/port', '/numbers/tracking', `/numbers/port/${requestId}`, `/numbers/port/${requestId}/notes`, `/numbers/port/${requestId}/recipients`,
    ...['carrier', 'numbers', 'customer', 'address', 'agreement', 'loa'].map((s) => `/numbers/port/${draftId}/${s}`),
  ];
  for (const url of pages) {
    const body = await (await owner.get(url)).text();
    expect({ url, leaked: body.includes(PIN) }).toEqual({ url, leaked: false });
  }
  const mailbox = await (await owner.get('/dev/mailbox')).text();
  expect(mailbox).toContain('Port request received');
  expect(mailbox.includes(PIN)).toBe(false);

  const dataDir = process.env.E2E_DATA_DIR!;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(dataDir, 's3'));
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) expect({ file, leaked: readFileSync(file).includes(PIN) }).toEqual({ file, leaked: false });
  expect(readFileSync(process.env.E2E_SERVER_LOG!, 'utf8').includes(PIN)).toBe(false);

  // Every GET of the API (read from its own document), for the submitted request and the draft that holds the PIN.
  const api = contexts.signedOut.request;
  const document = await (await api.get('/api/v1/openapi.json')).json();
  const gets = Object.entries(document.paths as Record<string, { get?: unknown }>).filter(([p, item]) => item.get && !/\{(?!id\})/.test(p)).map(([p]) => p);
  const apiUrls = gets.flatMap((p) => (p.includes('{id}') ? [requestId, draftId].map((id) => p.replace('{id}', id)) : [p]));
  let apiAnswers = 0;
  for (const url of apiUrls) {
    const response = await api.get(`/api/v1${url}`, { headers: { Authorization: `Bearer ${apiKey}` } });
    expect({ url, status: response.status() < 500 && response.status() !== 401 && response.status() !== 403 }).toEqual({ url, status: true });
    if (response.ok()) apiAnswers += 1;
    const bytes = await response.body();
    expect({ url, leaked: bytes.includes(PIN) }).toEqual({ url, leaked: false });
  }
  expect((await api.get(`/api/v1/port-requests/${draftId}`, { headers: { Authorization: `Bearer ${apiKey}` } })).status()).toBe(200);
  for (const must of ['/port-requests/{id}', '/port-requests/{id}/events', '/port-requests/{id}/notes', '/port-requests/{id}/loa']) if (document.paths[must]) expect(gets).toContain(must);

  // Every webhook message Summit's endpoint received (the submission at least), headers and body.
  await receiver.waitFor(1);
  for (const message of receiver.messages) {
    expect(JSON.stringify(message.headers).includes(PIN) || message.body.includes(PIN)).toBe(false);
    expect(message.headers['webhook-signature']).toMatch(/^v1,/);
  }
  expect(receiver.messages.map((m) => JSON.parse(m.body).type)).toContain('port_request.submitted');
  console.log(`PIN search: ${pages.length + 1} pages, ${files.length} stored objects, the server log, ${apiUrls.length} API answers (${apiAnswers} 2xx), ${receiver.messages.length} webhook messages`);
});
