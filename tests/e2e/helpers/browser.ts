import { watchAccessibility } from './accessibility';
import { rememberSecret } from './used-secrets';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://localhost:3210';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  const javaScript = options.javaScript ?? true;
  return watchAccessibility(await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: javaScript }), javaScript);
}

/** The messages in the local mailbox addressed to `email`, newest first. */
export async function mailboxFor(page: Page, email: string) {
  await page.goto('/dev/mailbox');
  const messages = page.locator('[data-testid=mailbox-message]').filter({ has: page.getByTestId('mailbox-to').getByText(email, { exact: true }) });
  return messages;
}

/** Waits until the mailbox holds more than `known` messages for `email`, and returns the newest. */
export async function waitForNewEmail(page: Page, email: string, known: number, subject?: RegExp) {
  for (let i = 0; i < 40; i++) {
    const messages = await mailboxFor(page, email);
    const filtered = subject ? messages.filter({ has: page.getByRole('heading', { name: subject }) }) : messages;
    if ((await messages.count()) > known && (await filtered.count()) > 0) {
      await rememberLinkTokens(filtered.first());
      return filtered.first();
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no new email for ${email} in the mailbox`);
}

/** The tokens in an email's links (sign-in, signing link), for the log check (used-secrets.ts). */
async function rememberLinkTokens(message: Locator) {
  for (const href of await message.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
    const url = new URL(href, baseUrl);
    rememberSecret('a sign-in token', url.searchParams.get('token'));
    const signing = /^\/sign\/([^/]+)$/.exec(url.pathname);
    if (signing) rememberSecret('a signing-link token', signing[1]);
  }
}

/** Signs in through the magic link in the local mailbox, as a person would. */
export async function signIn(page: Page, email: string) {
  const known = await (await mailboxFor(page, email)).count();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/sign-in/check-email');
  const message = await waitForNewEmail(page, email, known, /sign-in link/i);
  await message.getByRole('link', { name: 'Sign in', exact: true }).click();
  // The link opens a page that says who will be signed in; its button starts the session.
  await page.waitForURL('**/sign-in/confirm?**');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.waitForLoadState('load');
}

/**
 * A browser context signed in as `email`: the first call of a run signs in through the mailbox, later
 * ones reuse its session (sign-in links are rate limited per address, as in production).
 */
export async function signedInContext(browser: Browser, email: string, options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  const { existsSync } = await import('node:fs');
  const path = await import('node:path');
  const stateFile = path.join(process.env.E2E_DATA_DIR ?? '/tmp', `session-${email.replace(/[^a-z0-9]/gi, '_')}.json`);
  if (!existsSync(stateFile)) {
    const context = await newContext(browser);
    await signIn(await context.newPage(), email);
    await context.storageState({ path: stateFile });
    await context.close();
  }
  const javaScript = options.javaScript ?? true;
  return watchAccessibility(await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: javaScript, storageState: stateFile }), javaScript);
}

/** The five roles of the access tests, each in its own browser context. */
export async function roleContexts(browser: Browser) {
  return {
    owner: await signedInContext(browser, 'owner@summit.example'),
    harbor: await signedInContext(browser, 'office@harbor.example'),
    dental: await signedInContext(browser, 'dental@summit.example'),
    staff: await signedInContext(browser, 'regulatory@porting.example'),
    signedOut: await newContext(browser),
  };
}
