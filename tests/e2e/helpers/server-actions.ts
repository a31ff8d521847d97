import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js';

export type ServerAction = { id: string; filename: string; exportedName: string; pages: string[] };

/**
 * Every server action of the production build, read from Next's own manifest: what the build can
 * be called with, so a new action cannot be left out of the access tests.
 */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename,
    exportedName: entry.exportedName,
    pages: Object.keys(entry.workers).map((w) => w.replace(/^app/, '').replace(/\/\([^)]*\)/g, '').replace(/\/page$/, '') || '/'),
  }));
}

export type ActionOutcome = { status: number; redirect: string; body: string };

/**
 * Calls an action the way Next's client router does (a `Next-Action` header and React's reply
 * encoding), with the form fields passed as both arguments so `(formData)` and
 * `(previousState, formData)` actions each get them.
 */
export async function callAction(request: APIRequestContext, url: string, actionId: string, fields: Record<string, string>): Promise<ActionOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = await encodeReply([form, form]);
  const response = await request.post(url, {
    headers: { 'Next-Action': actionId, Accept: 'text/x-component' },
    ...(typeof encoded === 'string' ? { data: encoded } : { multipart: encoded }),
    maxRedirects: 0,
  });
  return { status: response.status(), redirect: (response.headers()['x-action-redirect'] ?? '').split(';')[0], body: await response.text() };
}
