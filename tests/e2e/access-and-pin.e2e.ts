import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, roleContexts } from './helpers/browser';
import { appRoutes } from './helpers/app-routes';
import { createSummitTargets } from './helpers/summit-targets';

const PIN = 'Q7Z4X9K2W';
let browser: Browser;
const contexts: Record<string, BrowserContext> = {};
let requestId = '', draftId = '', loaPath = '', proofPath = '', inquiryId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  Object.assign(contexts, await roleContexts(browser));

  ({ requestId, draftId, loaPath, proofPath, inquiryId } = await createSummitTargets(await contexts.owner.newPage(), { submitted: '+14105550240', draft: '+14105550241' }, PIN));
}, 180_000);
afterAll(() => browser.close());

// Public by design: the sign-in pages (the confirmation shows only the address its link names), the local tools (loopback only),
// the LOA signing page (its emailed token is the credential; loa-signing-link.e2e.ts).
const PUBLIC = ['/', '/sign-in', '/sign-in/check-email', '/sign-in/confirm', '/dev/mailbox', '/dev/jobs', '/no-account', '/sign/[token]'];
const OWN_DATA = ['/numbers/port', '/numbers/tracking', '/numbers/port/international'];

function concrete(pattern: string): { url: string; method: 'GET' | 'POST' } {
  const url = pattern
    .replace('/numbers/port/[id]/files/[kind]/[fileId]', loaPath)
    .replace('/numbers/port/international/[id]', `/numbers/port/international/${inquiryId}`)
    .replace('/staff/inquiries/[id]', `/staff/inquiries/${inquiryId}`)
    .replace('/staff/requests/[id]', `/staff/requests/${requestId}`)
    .replace(/\/numbers\/port\/\[id\]\/(carrier|numbers|customer|address|agreement|loa|proof)(?=\/|$)/, `/numbers/port/${draftId}/$1`)
    .replace('/numbers/port/[id]', `/numbers/port/${requestId}`);
  return { url, method: pattern.endsWith('refused-lines') ? 'POST' : 'GET' };
}

async function call(request: APIRequestContext, url: string, method: 'GET' | 'POST') {
  const response = method === 'GET' ? await request.get(url, { maxRedirects: 0 }) : await request.post(url, { maxRedirects: 0, form: { refused: '[]' } });
  return { status: response.status(), location: response.headers()['location'] ?? '' };
}

test('every page and route answers only its rightful user: others get 404, the signed-out a redirect to sign-in', async () => {
  const routes = appRoutes().filter((r) => !PUBLIC.includes(r.pattern));
  expect(routes.length).toBeGreaterThan(15);
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
      const { status, location } = await call(contexts[role].request, url, method);
      calls += 1;
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
  console.log(`PIN search: ${pages.length + 1} pages, ${files.length} stored objects, the server log`);
});
