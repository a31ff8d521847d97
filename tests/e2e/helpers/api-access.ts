import { createServer, type IncomingHttpHeaders } from 'node:http';
import { rememberSecret } from './used-secrets';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/**
 * Creates an API key on Numbers > Port Numbers > API access as the signed-in admin would, and reads
 * the secret from the one page that shows it. Works with JavaScript on or off.
 */
export async function createApiKeyInBrowser(page: Page, name: string, access: 'Read only' | 'Read and write' = 'Read only'): Promise<{ secret: string; prefix: string }> {
  await page.goto('/numbers/port/api');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel(access).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByTestId('new-api-key');
  await shown.waitFor();
  const secret = await page.getByLabel('Your new API key').inputValue();
  rememberSecret('an API key', secret);
  if (!/^pn_live_[A-Za-z0-9_-]{43}$/.test(secret)) throw new Error(`no key on the page: ${await shown.textContent()}`);
  return { secret, prefix: secret.slice(0, 'pn_live_'.length + 6) };
}

/**
 * Registers a webhook endpoint (every event type) on the Webhooks page; returns its id: the one
 * endpoint the list did not have before (the list is oldest first, and earlier tests leave theirs).
 */
export async function registerWebhookInBrowser(page: Page, url: string): Promise<string> {
  const endpointLinks = () => page.locator('a[href^="/numbers/port/api/webhooks/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  await page.goto('/numbers/port/api/webhooks');
  const before = new Set(await endpointLinks());
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await page.getByTestId('new-webhook-secret').waitFor();
  rememberSecret('a webhook secret', await page.locator('#new-webhook-secret').inputValue());
  await page.goto('/numbers/port/api/webhooks');
  const added = [...new Set(await endpointLinks())].filter((href) => !before.has(href));
  if (added.length !== 1) throw new Error(`expected one new webhook endpoint, found ${added.length}`);
  return added[0].split('/').pop()!;
}

export type WebhookMessage = { headers: IncomingHttpHeaders; body: string };

/** A loopback receiver of webhook messages: answers 200 and keeps each message as it came. */
export async function startWebhookReceiver(): Promise<{ url: string; messages: WebhookMessage[]; waitFor: (count: number, timeoutMs?: number) => Promise<void>; close: () => Promise<void> }> {
  const messages: WebhookMessage[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      messages.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    messages,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`the webhook receiver got ${messages.length} messages, expected ${count}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
