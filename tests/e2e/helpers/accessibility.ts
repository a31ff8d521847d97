/**
 * The accessibility gate of the e2e run, part 1: every HTML page of the app a test's browser loads,
 * in the state the test reached (filled, with errors, after a decision; JavaScript on or off), is
 * kept as it stood at its load (its DOM, serialized) in the run's data folder. Part 2
 * (tests/helpers/accessibility-check.ts, run by scripts/test-e2e.ts while the app still serves)
 * checks each with axe-core against the WCAG 2.0, 2.1 and 2.2 A and AA rules. Checking afterwards,
 * not during the test, means no check races the test's next click.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** `blank`: Next's empty error shell reached a browser without JavaScript, which shows it as nothing. */
/** `source`: the document as the server sent it, where the page was a full load (for the HTML checker). */
export type PageSnapshot = { state: string; url: string; html: string; source?: string; blank?: boolean };

/** Keeps every page the context's tabs load from now on. */
export function watchAccessibility(context: BrowserContext, javaScript: boolean): BrowserContext {
  context.on('page', (page) => {
    // The last document each tab loaded, as sent: what the HTML checker reads.
    let sentDocument: Promise<{ url: string; body: string } | null> = Promise.resolve(null);
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'document' || response.frame() !== page.mainFrame() || (response.status() >= 300 && response.status() < 400)) return;
      sentDocument = response.text().then((body) => ({ url: response.url(), body }), () => null);
    });
    page.on('load', () => void snapshot(page, javaScript, sentDocument));
  });
  return context;
}

// The local tools (mailbox, jobs, carrier sandbox) are this machine's developer pages, not the product's.
const SKIPPED = /^\/(dev|api)\//;
// A state seen this often in one test file is checked enough: the rest of its loads are not kept.
const PER_STATE = 3;
const seen = new Map<string, number>();

async function snapshot(page: Page, javaScript: boolean, sentDocument: Promise<{ url: string; body: string } | null>) {
  const url = new URL(page.url());
  if (SKIPPED.test(url.pathname) || url.origin !== new URL(process.env.E2E_BASE_URL ?? 'http://localhost:3210').origin) return;
  try {
    const [contentType, html] = await Promise.all([page.evaluate(() => document.contentType), page.content()]);
    if (contentType !== 'text/html') return;
    // Next's empty error shell, whose message only React fills in. The front door sends a readable
    // page instead (lib/server/readable-error-pages.ts); one reaching a browser without JavaScript is
    // a blank page, and fails the gate. With JavaScript on, React has drawn it: not a state of ours.
    const blank = html.includes('<html id="__next_error__"');
    if (blank && javaScript) return;
    const state = `${stateOf(url)} · JavaScript ${javaScript ? 'on' : 'off'}${/role="alert"|aria-invalid="true"/.test(html) ? ' · with messages' : ''}${blank ? ' · blank' : ''}`;
    const count = seen.get(state) ?? 0;
    if (count >= PER_STATE) return;
    seen.set(state, count + 1);
    const sent = await sentDocument;
    const source = sent?.url === page.url() ? sent.body : undefined;
    const record: PageSnapshot = { state, url: url.pathname + url.search, html, ...(source ? { source } : {}), ...(blank ? { blank } : {}) };
    appendFileSync(path.join(process.env.E2E_DATA_DIR ?? '/tmp', 'page-snapshots.jsonl'), `${JSON.stringify(record)}\n`);
  } catch {
    // The tab navigated or closed before its page could be read: that load is not kept.
  }
}

/** The page's pattern: ids and tokens as placeholders, the query's names (a filter, a flash) kept. */
function stateOf(url: URL): string {
  const pathname = url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/^\/sign\/[^/]+/, '/sign/:token');
  const keys = [...new Set([...url.searchParams.keys()].filter((k) => !['token', 'email', 'callbackUrl'].includes(k)))].sort();
  return keys.length ? `${pathname}?${keys.join('&')}` : pathname;
}
