import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { callAction, serverActions } from './helpers/server-actions';

// The customers' list past 50 requests and its CSV export, with JavaScript off: plain links and a
// plain download. In Harbor Legal, so the other files' Summit lists are left as they were.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('with JavaScript off, Next pages past 50 keeping the status filter, and Export CSV downloads what the list shows', async () => {
  const context = await signedInContext(browser, 'office@harbor.example', { javaScript: false });
  const create = serverActions().find((a) => a.exportedName === 'createPortRequest')!;
  // 55 drafts (the action the "Create Port Request" button posts), so the drafts alone make two pages.
  for (let i = 0; i < 55; i++) expect((await callAction(context.request, '/numbers/port', create.id, {})).redirect).toContain('/carrier');

  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByLabel('Status').selectOption({ label: 'Draft' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL('**/numbers/port?status=draft**');
  const position = page.getByTestId('list-position');
  const total = Number(/· (\d+) requests/.exec((await position.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(55);
  expect(await position.textContent()).toContain(`Page 1 of ${Math.ceil(total / 50)}`);
  expect(await page.getByTestId('port-requests').locator('tbody tr').count()).toBe(50);

  await page.getByRole('link', { name: 'Next', exact: true }).click();
  await page.waitForURL('**/numbers/port?status=draft&page=2');
  expect(await position.textContent()).toContain('Page 2 of');
  expect(await page.getByTestId('port-requests').locator('tbody tr').count()).toBe(Math.min(50, total - 50));
  expect(await page.getByTestId('port-requests').locator('tbody tr:not([data-status="draft"])').count()).toBe(0);
  await page.getByRole('link', { name: 'Previous', exact: true }).click();
  await page.waitForURL('**/numbers/port?status=draft&page=1');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('port-requests.csv');
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  expect(header).toBe('Request ID,Reference,Status,Current carrier,Customer name,Submitted,Port date,Number,Receiving number,Number status,Target account');
  // Every draft of every page, and only drafts (the filter kept); one line per number, one for a draft without numbers.
  expect(new Set(rows.map((r) => r.split(',')[0])).size).toBe(total);
  expect(rows.every((r) => r.split(',')[2] === 'Draft')).toBe(true);
  await context.close();
}, 120_000);
