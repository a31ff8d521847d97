import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, signedInContext } from './helpers/browser';
import { createApiKeyInBrowser } from './helpers/api-access';

// Numbers > Port Numbers > API access with JavaScript OFF: an admin creates a key, sees it once,
// uses it against /api/v1, revokes it through the confirmation step, and the key is refused.

let browser: Browser;
let admin: BrowserContext;
let member: BrowserContext;
let script: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  member = await signedInContext(browser, 'dental@summit.example', { javaScript: false });
  script = await newContext(browser);
}, 120_000);
afterAll(() => browser.close());

test('an admin finds API access from Port Numbers; a member sees no link and gets the 404', async () => {
  const page = await admin.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('link', { name: 'API access' }).click();
  await page.waitForURL('**/numbers/port/api');
  await expectHeading(page, 'API access');
  expect(await page.getByRole('link', { name: 'Webhooks' }).getAttribute('href')).toBe('/numbers/port/api/webhooks');
  expect(await page.getByRole('link', { name: 'API reference' }).getAttribute('href')).toBe('/api/v1/docs');

  const memberPage = await member.newPage();
  await memberPage.goto('/numbers/port');
  expect(await memberPage.getByRole('link', { name: 'API access' }).count()).toBe(0);
  expect((await memberPage.goto('/numbers/port/api'))!.status()).toBe(404);
});

test('with JavaScript off: create a key, see it once, call the API with it, revoke it, and it is refused', async () => {
  const page = await admin.newPage();
  const name = `CRM sync ${Date.now()}`;
  const { secret, prefix } = await createApiKeyInBrowser(page, name, 'Read only');
  // Shown in the answer to the post, with the warning; never in the address.
  expect(await page.getByTestId('new-api-key').textContent()).toMatch(/will not be shown again/);
  expect(page.url()).not.toContain(secret);
  expect(page.url()).not.toContain(prefix);
  const row = page.locator('tr', { hasText: name });
  expect(await row.textContent()).toContain(`${prefix}…`);
  expect(await row.textContent()).toContain('Read only');
  expect(await row.textContent()).toContain('owner@summit.example');

  // Opened again, the page lists the key by its prefix only.
  await page.goto('/numbers/port/api');
  expect(await page.getByTestId('new-api-key').count()).toBe(0);
  expect((await page.content()).includes(secret)).toBe(false);
  expect(await page.locator('tr', { hasText: name }).textContent()).toContain('Active');

  // A script uses it.
  const auth = { Authorization: `Bearer ${secret}` };
  const listed = await script.request.get('/api/v1/port-requests', { headers: auth });
  expect(listed.status()).toBe(200);
  expect(listed.headers()['ratelimit-policy']).toMatch(/q=\d+;w=\d+/);
  const body = await listed.json();
  expect(body).toBeTruthy();
  // The session means nothing to the API: the admin's own browser cookies, without the key, are refused.
  expect((await admin.request.get('/api/v1/port-requests')).status()).toBe(401);
  // After a call, "last used" is filled in.
  await page.goto('/numbers/port/api');
  expect(await page.locator('tr', { hasText: name }).locator('td').nth(4).textContent()).toMatch(/UTC/);

  // Revoke: a link to the confirmation step, then the confirming button (a plain form post).
  await page.locator('tr', { hasText: name }).getByRole('link', { name: `Revoke ${name}` }).click();
  const confirm = page.getByTestId('confirm-revoke');
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain(prefix);
  // "Keep it" changes nothing.
  await confirm.getByRole('link', { name: 'Keep it' }).click();
  await page.waitForURL('**/numbers/port/api');
  expect((await script.request.get('/api/v1/port-requests', { headers: auth })).status()).toBe(200);

  await page.locator('tr', { hasText: name }).getByRole('link', { name: `Revoke ${name}` }).click();
  await page.getByTestId('confirm-revoke').getByRole('button', { name: `Revoke “${name}”` }).click();
  await page.waitForURL((url) => url.pathname === '/numbers/port/api' && !url.search.includes('revoke'));
  expect(await page.getByRole('status').filter({ hasText: 'The key was revoked' }).count()).toBe(1);
  expect(await page.locator('tr', { hasText: name }).textContent()).toMatch(/Revoked/);
  expect(await page.locator('tr', { hasText: name }).getByRole('link', { name: /Revoke/ }).count()).toBe(0);

  const refused = await script.request.get('/api/v1/port-requests', { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toContain('application/problem+json');
  expect((await refused.json()).type).toMatch(/\/api\/v1\/docs#problem-unauthorized$/);
});

test('a bad name comes back with what was typed and a message by the field, JavaScript off', async () => {
  const page = await admin.newPage();
  await page.goto('/numbers/port/api');
  await page.getByLabel('Name', { exact: true }).fill('   ');
  await page.getByLabel('Read and write').check();
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.locator('#name-error').waitFor();
  expect(await page.locator('#name-error').textContent()).toMatch(/Name the key after what will use it/);
  expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('   ');
  // The choice made is kept too.
  expect(await page.getByLabel('Read and write').isChecked()).toBe(true);
  expect(await page.getByTestId('new-api-key').count()).toBe(0);
});

test('the API reference is public, server-rendered, and each problem type has its section', async () => {
  const page = await (await newContext(browser, { javaScript: false })).newPage();
  const response = await page.goto('/api/v1/docs');
  expect(response!.status()).toBe(200);
  await expectHeading(page, 'Port Numbers API');
  const unauthorized = await script.request.get('/api/v1/port-requests');
  const type = (await unauthorized.json()).type as string;
  await page.goto(type);
  expect(await page.locator(`[id="${new URL(type).hash.slice(1)}"]`).count()).toBe(1);
  expect(await page.locator('[data-operation]').count()).toBeGreaterThan(0);
});

async function expectHeading(page: import('playwright-core').Page, name: string) {
  expect(await page.getByRole('heading', { level: 1, name }).count()).toBe(1);
}
