// Next 16 answers a notFound() or an error thrown while a page renders with an "error shell": an
// empty <html id="__next_error__"> whose content React draws only once it runs in the browser
// (vercel/next.js#98954, #95613). Without JavaScript that is a blank page, and every "not yours"
// in the app is a notFound(). So the front door (scripts/server.ts) answers any HTML 404 or 5xx
// with a page that reads as plain HTML: the not-found page Next built (app/not-found.tsx, the one an
// unknown address gets) or the error message of app/global-error.tsx, with the status Next chose. No JSON,
// plain-text or RSC answer is touched, nor any other status.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SERVER_ERROR_TITLE, ServerErrorMessage } from '../../components/errors/server-error-message';

export type ErrorPages = { notFound: string; serverError: string };

/**
 * The built pages, or null where there is no production build (`npm run dev` renders them itself).
 * The error page is the not-found document (root layout, stylesheet) with its message swapped for
 * the one app/global-error.tsx shows: Next builds no static page from global-error.
 */
export function loadErrorPages(appBuildDir = path.join(process.cwd(), '.next', 'server', 'app')): ErrorPages | null {
  const file = path.join(appBuildDir, '_not-found.html');
  if (!existsSync(file)) return null;
  const notFound = withoutScripts(readFileSync(file, 'utf8'));
  const serverError = notFound
    .replace(/<main\b[\s\S]*<\/main>/, renderToStaticMarkup(createElement(ServerErrorMessage)))
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${SERVER_ERROR_TITLE}</title>`);
  if (!serverError.includes('Something went wrong')) throw new Error(`${file} has no <main> for the error page's message`);
  return { notFound, serverError };
}

/**
 * The pages are static: their scripts carry no CSP nonce and would only be refused by the browser.
 * They need none (a heading, a sentence, links), so they go without.
 */
function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '');
}

// Headers of the answer Next was sending that do not describe the page sent instead.
const DROPPED = ['content-encoding', 'content-length', 'etag', 'link', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time', 'x-nextjs-postponed'];

/**
 * Watches `res` for the moment its head is written (Next, and the compression it adds, write
 * through these methods): an HTML 404 or 5xx is then sent as the built page, and what Next goes on
 * writing is dropped.
 */
export function sendErrorPagesReadably(req: IncomingMessage, res: ServerResponse, pages: ErrorPages | null): void {
  if (!pages) return;
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let replaced = false;

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const body = replaced ? null : pageFor(statusCode, rest);
    if (body === null) return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    replaced = true;
    for (const name of DROPPED) this.removeHeader(name);
    this.setHeader('Content-Type', 'text/html; charset=utf-8');
    this.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
    this.setHeader('Content-Length', Buffer.byteLength(body));
    writeHead.call(this, statusCode);
    (end as (chunk?: string) => ServerResponse).call(this, req.method === 'HEAD' ? undefined : body);
    return this;
  } as typeof res.writeHead;

  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!replaced) return (write as (...a: unknown[]) => boolean).apply(this, args);
    callBack(args);
    return true;
  } as typeof res.write;

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!replaced) return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    callBack(args);
    return this;
  } as typeof res.end;

  function pageFor(statusCode: number, rest: unknown[]): string | null {
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as Record<string, unknown> | undefined;
    const type = String(headers?.['content-type'] ?? headers?.['Content-Type'] ?? res.getHeader('content-type') ?? '');
    if (!/^text\/html\b/i.test(type)) return null;
    if (statusCode === 404) return pages!.notFound;
    if (statusCode >= 500) return pages!.serverError;
    return null;
  }
}

/** A dropped write or end still calls its callback, as Node would once the data was flushed. */
function callBack(args: unknown[]) {
  const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
  if (callback) process.nextTick(callback);
}
