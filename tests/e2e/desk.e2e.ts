import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { submitRequest } from './helpers/wizard';
import { holdsSecret } from '../helpers/holds-secret';

// The desk with JavaScript off, as a lead works it: find a request by the number a customer reads
// out, take it, see it under "Mine", start review on the ticked rows, export the queue.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('search by a formatted number, Assign to me, Mine, bulk Start review and the CSV export, without JavaScript', async () => {
  const customer = await (await signedInContext(browser, 'owner@summit.example')).newPage();
  const first = await submitRequest(customer, '+14105550270', '7391');
  const second = await submitRequest(customer, '+14105550271', '7391');

  const staffContext = await signedInContext(browser, 'regulatory@porting.example', { javaScript: false });
  const staff = await staffContext.newPage();
  await staff.goto('/staff');
  await staff.getByLabel('Search').fill('410.555.0270');
  await staff.getByRole('button', { name: 'Filter' }).click();
  // Without JavaScript the filter is a page load: the rows are counted once the search's page is in.
  await staff.waitForURL((url) => url.searchParams.get('q') === '410.555.0270');
  const row = staff.locator(`tr[data-request-id="${first}"]`);
  await row.waitFor();
  expect(await staff.getByTestId('queue').locator('tbody tr').count()).toBe(1);

  await row.getByRole('button', { name: 'Assign to me' }).click();
  await staff.getByText('The request is assigned to you.').waitFor();
  // Back on the same search, the row now says who holds it.
  expect(new URL(staff.url()).searchParams.get('q')).toBe('410.555.0270');
  expect(await staff.locator(`tr[data-request-id="${first}"] td`).last().textContent()).toBe('You');

  await staff.goto('/staff');
  await staff.getByLabel('Assigned').selectOption({ label: 'Mine' });
  await staff.getByRole('button', { name: 'Filter' }).click();
  await staff.locator(`tr[data-request-id="${first}"]`).waitFor();
  expect(await staff.locator(`tr[data-request-id="${second}"]`).count()).toBe(0);

  // Both ticked from the open queue, one form for the page.
  await staff.goto(`/staff?q=${encodeURIComponent('+14105550270')}`);
  await staff.locator(`tr[data-request-id="${first}"] input[type=checkbox]`).check();
  await staff.getByRole('button', { name: 'Start review' }).click();
  const outcome = staff.getByTestId('bulk-outcome');
  await outcome.waitFor();
  expect(await outcome.textContent()).toContain('Review started on 1: Summit Marketing Group LLC.');
  await staff.goto(`/staff?q=${encodeURIComponent('(410) 555-0270')}`);
  expect(await staff.locator(`tr[data-request-id="${first}"] td`).nth(2).textContent()).toBe('In review');
  // The other one was not ticked and waits as it was.
  await staff.goto(`/staff?q=${encodeURIComponent('4105550271')}`);
  expect(await staff.locator(`tr[data-request-id="${second}"] td`).nth(2).textContent()).toBe('Submitted');

  // The export of this search: a download, the filtered rows only, never the PIN.
  const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^port-request-queue-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(second);
  expect(csv).not.toContain(first);
  expect(holdsSecret(csv, '7391')).toBe(false);
  await staffContext.close();
});

test('with JavaScript on, the row buttons and the bulk form post the same way', async () => {
  const customer = await (await signedInContext(browser, 'owner@summit.example')).newPage();
  const id = await submitRequest(customer, '+14105550272', '7391');
  const staffContext = await signedInContext(browser, 'regulatory@porting.example');
  const staff = await staffContext.newPage();
  await staff.goto(`/staff?q=${encodeURIComponent('1-410-555-0272')}`);
  const row = staff.locator(`tr[data-request-id="${id}"]`);
  await row.getByRole('button', { name: 'Assign to me' }).click();
  await staff.getByText('The request is assigned to you.').waitFor();
  await row.locator('td', { hasText: /^You$/ }).waitFor();
  await row.locator('input[type=checkbox]').check();
  await staff.getByRole('button', { name: 'Start review' }).click();
  await staff.getByTestId('bulk-outcome').getByText('Review started on 1: Summit Marketing Group LLC.').waitFor();
  await row.locator('td', { hasText: /^In review$/ }).waitFor();
  await staffContext.close();
});
