import { connect } from 'node:net';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { baseUrl, launchBrowser, mailboxFor, newContext, signedInContext, waitForNewEmail } from './helpers/browser';
import { rawAction, rawRequest } from './helpers/raw-http';
import { serverActions } from './helpers/server-actions';
import { submitRequest } from './helpers/wizard';

// Issue 12: the sign-in and the server's edges, tried as a script would (forged headers, direct
// posts to framework routes, replays). Each test names the finding it covers.

const FORGED = { Host: 'attacker.example', 'X-Forwarded-Host': 'attacker.example', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.66' };
let browser: Browser;
let mailbox: BrowserContext;
let page: Page;
const action = (name: string) => serverActions().find((a) => a.exportedName === name)!;

beforeAll(async () => {
  browser = await launchBrowser();
  mailbox = await newContext(browser);
  page = await mailbox.newPage();
});
afterAll(() => browser.close());

async function mailCount(email: string) {
  return (await mailboxFor(page, email)).count();
}

async function newestLink(email: string, known: number): Promise<string> {
  const message = await waitForNewEmail(page, email, known, /sign-in link/i);
  return (await message.getByRole('link', { name: 'Sign in', exact: true }).getAttribute('href'))!;
}

test('1: a sign-in posted with forged Host, X-Forwarded-Host and -Proto emails a link on APP_URL; with a forged Origin it is refused and sends nothing', async () => {
  const email = 'analyst@summit.example';
  const id = action('requestSignInLink').id;
  let known = await mailCount(email);
  const forgedOrigin = await rawAction('/sign-in', id, { email }, { ...FORGED, Origin: 'http://attacker.example' });
  expect(forgedOrigin.status).toBe(403);
  await page.waitForTimeout(1500);
  expect(await mailCount(email)).toBe(known);

  for (const origin of [{}, { Origin: baseUrl }] as Record<string, string>[]) {
    const accepted = await rawAction('/sign-in', id, { email }, { ...FORGED, ...origin });
    expect(accepted.status).toBeLessThan(400);
    const link = await newestLink(email, known);
    known += 1;
    expect(new URL(link).origin).toBe(baseUrl);
    expect(link).not.toContain('attacker.example');
  }
});

test('2 and 3: Auth.js\'s own routes are closed, so no path sends a link past the limit, and known and unknown addresses get one answer', async () => {
  const known = await mailCount('dental@summit.example');
  const answers = new Set<string>();
  for (let i = 0; i < 8; i++) {
    for (const email of ['dental@summit.example', `nobody${i}@nowhere.example`]) {
      const response = await rawRequest('POST', '/api/auth/signin/email', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
        body: new URLSearchParams({ email, csrfToken: 'x', callbackUrl: '/' }).toString(),
      });
      answers.add(`${response.status} ${response.headers.location ?? ''}`);
    }
  }
  expect([...answers]).toEqual(['404 ']);
  for (const path of ['/api/auth/csrf', '/api/auth/providers', '/api/auth/session', '/api/auth/signin', '/api/auth/callback/email?token=x&email=y']) {
    expect({ path, status: (await rawRequest('GET', path)).status }).toEqual({ path, status: 404 });
  }
  await page.waitForTimeout(1500);
  expect(await mailCount('dental@summit.example')).toBe(known);

  // The app's own form: the same answer for an address with an account and one without.
  const id = action('requestSignInLink').id;
  const outcome = async (email: string) => {
    const r = await rawAction('/sign-in', id, { email }, { Origin: baseUrl });
    // Per-response noise only: nonces and React's random element keys.
    const body = r.body.replace(/"nonce":"[^"]*"/g, '').replace(/"[A-Za-z0-9_-]{21,22}"/g, '');
    return { status: r.status, redirect: r.headers['x-action-redirect'], body };
  };
  expect(await outcome('nobody-at-all@nowhere.example')).toEqual(await outcome('dental@summit.example'));
});

test('4: the server listens on loopback only (a localhost APP_URL)', async () => {
  expect(readFileSync(process.env.E2E_SERVER_LOG!, 'utf8')).toContain(`listening on 127.0.0.1:${new URL(baseUrl).port}`);
  const external = Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === 'IPv4')
    .map((i) => i!.address);
  for (const address of external) {
    const result = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(baseUrl).port), address);
      socket.once('connect', () => (socket.destroy(), resolve('connected')));
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect({ address, result }).toEqual({ address, result: 'ECONNREFUSED' });
  }
  // Forged internal headers do not make a request local either: the mailbox still answers only loopback.
  expect((await rawRequest('GET', '/dev/mailbox', { headers: { 'X-Port-Peer-Address': '203.0.113.5' } })).status).toBe(200);
});

test('5: the signed LOA records the address of the socket, and the forwarded chain as received beside it', async () => {
  const owner = await signedInContext(browser, 'owner@summit.example');
  await owner.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.66', 'X-Real-IP': '203.0.113.67' });
  const wizard = await owner.newPage();
  const requestId = await submitRequest(wizard, '+14105550261', '8642');
  await wizard.goto(`/numbers/port/${requestId}`);
  const loaPath = (await wizard.locator('a[href*="/files/loa/"]').first().getAttribute('href'))!;
  const pdf = await (await owner.request.get(loaPath)).body();
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  expect(text).toMatch(/IP address\s*127\.0\.0\.1/);
  expect(text).toMatch(/Forwarded for \(as received\)\s*203\.0\.113\.66/);
  expect(text).not.toMatch(/IP address\s*203\.0\.113\.6[67]/);
  await owner.close();
});

test('6: opening a sign-in link signs nobody in (a scanner\'s prefetch spends nothing); the page says who, and its button, without JavaScript, signs in', async () => {
  const email = 'office@harbor.example';
  const known = await mailCount(email);
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const link = await newestLink(email, known);

  // A mail scanner fetches the link twice: no session cookie, and the link still works.
  for (let i = 0; i < 2; i++) {
    const prefetch = await rawRequest('GET', new URL(link).pathname + new URL(link).search);
    expect(prefetch.status).toBe(200);
    expect(String(prefetch.headers['set-cookie'] ?? '')).not.toContain('session-token');
  }

  // Someone signed in as Summit's owner is sent Harbor's link: the page warns, nothing changes yet.
  const victim = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const victimPage = await victim.newPage();
  await victimPage.goto(link);
  await victimPage.getByText(/This browser is signed in as owner@summit.example/).waitFor();
  expect(await victimPage.getByTestId('sign-in-as').innerText()).toBe(email);
  expect((await victim.request.get('/numbers/port')).url()).toContain('/numbers/port');

  // A cross-site page posting the confirmation for the victim is refused.
  const cookie = (await victim.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const token = new URL(link).searchParams.get('token')!;
  const crossSite = await rawAction('/sign-in/confirm', action('confirmSignIn').id, { email, token }, { Origin: 'http://attacker.example', Cookie: cookie });
  expect(crossSite.status).toBe(403);
  await victimPage.goto('/numbers/port');
  await victimPage.getByRole('heading', { name: 'Port Numbers' }).waitFor();
  expect(await victimPage.content()).toContain('Summit');

  // The real recipient, JavaScript off, confirms: signed in as Harbor.
  const harbor = await newContext(browser, { javaScript: false });
  const harborPage = await harbor.newPage();
  await harborPage.goto(link);
  await harborPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await harborPage.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await harborPage.goto('/numbers/tracking');
  await harborPage.getByRole('cell', { name: '(617) 555-0130' }).waitFor();
  // Spent: the link now says so.
  await harborPage.goto(link);
  await harborPage.getByRole('heading', { name: 'This sign-in link no longer works' }).waitFor();
  await Promise.all([victim.close(), harbor.close()]);
});

test('12: an oversized chunked post gets 413 with a message; a small chunked post is served', async () => {
  const megabyte = Buffer.alloc(1024 * 1024, 97);
  const big = await rawRequest('POST', '/sign-in', {
    headers: { 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/octet-stream', Origin: baseUrl },
    chunks: Array.from({ length: 60 }, () => megabyte),
  });
  expect(big.status).toBe(413);
  expect(big.body).toMatch(/larger than the \d+ MB a form can send/);

  const small = await rawRequest('POST', '/sign-in', {
    headers: { 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
    chunks: [Buffer.from('email=x')],
  });
  expect(small.status).toBeLessThan(500);
});

test('12: a malformed or foreign callbackUrl gets the sign-in page, never a 500', async () => {
  for (const value of ['%E0%A4%A', 'http://attacker.example/', '//attacker.example', '%00', 'javascript:alert(1)']) {
    const signIn = await rawRequest('GET', `/sign-in?callbackUrl=${value}`);
    expect({ value, status: signIn.status }).toEqual({ value, status: 200 });
    // Nothing of it reaches the form (Next's router state echoes the URL itself, which is harmless).
    expect(signIn.body).not.toContain('name="callbackUrl"');
    const confirm = await rawRequest('GET', `/sign-in/confirm?email=a%40b.example&token=${'0'.repeat(64)}&callbackUrl=${value}`);
    expect({ value, status: confirm.status }).toEqual({ value, status: 200 });
    expect((await rawRequest('GET', `/api/auth/signin?callbackUrl=${value}`)).status).toBe(404);
  }
});
