import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// The compression Next itself wraps its answers in: the front door's watch sits under it.
import compression from 'next/dist/compiled/compression';
import { loadErrorPages, sendErrorPagesReadably } from '@/lib/server/readable-error-pages';

// The front door answers a page Next rendered as its empty error shell (a notFound() or an error
// while rendering: blank without JavaScript, vercel/next.js#98954) with a page that reads as HTML.

const BUILT_NOT_FOUND =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/app.css"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/><title>Port Numbers</title></head>' +
  '<body class="min-h-screen"><main class="mx-auto"><h1>Page not found</h1><p><a href="/">Go to the start page</a></p></main>' +
  '<script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f.push([1,"x"])</script></body></html>';
const ERROR_SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div><script>self.__next_f.push([1,"the not-found tree"])</script></body></html>';

let dir: string;
let server: Server;
let base: string;

/** Answers as Next does: status and type set, the head flushed, then the document in pieces. */
function answer(res: ServerResponse, status: number, type: string, body: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  res.flushHeaders();
  res.write(body.slice(0, 40));
  res.end(body.slice(40));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'error-pages-'));
  writeFileSync(path.join(dir, '_not-found.html'), BUILT_NOT_FOUND);
  const pages = loadErrorPages(dir);
  server = createServer((req, res) => {
    sendErrorPagesReadably(req, res, pages);
    compression()(req, res, () => {
      if (req.url === '/shell-404') return answer(res, 404, 'text/html; charset=utf-8', ERROR_SHELL);
      if (req.url === '/shell-500') return answer(res, 500, 'text/html; charset=utf-8', ERROR_SHELL);
      if (req.url === '/json-404') return answer(res, 404, 'application/json', JSON.stringify({ title: 'Not found' }));
      if (req.url === '/rsc-404') return answer(res, 404, 'text/x-component', '0:"the not-found tree"');
      return answer(res, 200, 'text/html; charset=utf-8', `<!DOCTYPE html><html lang="en"><body><main>${'Port requests '.repeat(200)}</main></body></html>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test('a page that is not found reads "Page not found" without JavaScript, with its 404 and no script', async () => {
  const response = await fetch(`${base}/shell-404`, { headers: { 'Accept-Encoding': 'gzip' } });
  const body = await response.text();
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('content-encoding')).toBeNull();
  expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
  expect(body).toContain('<h1>Page not found</h1>');
  expect(body).toContain('href="/_next/static/chunks/app.css"');
  expect(body).not.toContain('__next_error__');
  expect(body).not.toMatch(/<script|as="script"/);
});

test('a page that failed reads the error message with its 500, in the app\'s layout', async () => {
  const response = await fetch(`${base}/shell-500`);
  const body = await response.text();
  expect(response.status).toBe(500);
  expect(body).toContain('Something went wrong on our side');
  expect(body).toContain('<title>Something went wrong · Port Numbers</title>');
  expect(body).toContain('href="/_next/static/chunks/app.css"');
  expect(body).not.toContain('Page not found');
});

test('a HEAD request gets the status and length without a body', async () => {
  const response = await fetch(`${base}/shell-404`, { method: 'HEAD' });
  expect(response.status).toBe(404);
  expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
  expect(await response.text()).toBe('');
});

test('answers that are not HTML pages, and pages that succeeded, go out as Next wrote them (compressed as before)', async () => {
  const json = await fetch(`${base}/json-404`);
  expect([json.status, await json.json()]).toEqual([404, { title: 'Not found' }]);
  const rsc = await fetch(`${base}/rsc-404`);
  expect([rsc.status, await rsc.text()]).toEqual([404, '0:"the not-found tree"']);
  const ok = await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-encoding')).toBe('gzip');
  expect(await ok.text()).toContain('Port requests Port requests');
});

test('without a production build there is nothing to send instead, and nothing is watched', () => {
  expect(loadErrorPages(path.join(dir, 'missing'))).toBeNull();
});
