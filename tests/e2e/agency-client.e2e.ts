import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { acceptAgreement, continueAndAgree, continueFromNumbers, fillAddress, fillCarrier, fillCustomer, fillSignerTitle, sendProof } from './helpers/wizard';

// The article: numbers are ported into the account they will live in. An agency's request for its
// client (the CSV's account column) is the client's once sent.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function uploadCsv(page: Page, name: string, lines: string[]) {
  const csv = ['Number to Port,Receiving Number,Tracking Source,Account Name', ...lines].join('\n');
  await page.getByLabel('Upload a .csv or .txt file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Add to request' }).nth(1).click();
}

test('the agency ports numbers for Summit Dental by CSV; Summit Dental’s user sees the request in their list and is added as a recipient', async () => {
  const owner = await signedInContext(browser, 'owner@summit.example');
  const page = await owner.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page);
  await uploadCsv(page, 'summit-dental.csv', ['+13015550261,+13015550198,Google Ads,Summit Dental', '+13015550262,+13015550198,Website,Summit Dental']);
  await page.getByTestId('numbers-totals').getByText('2 in this request').waitFor();
  expect(await page.getByTestId('account-notice').textContent()).toMatch(/These numbers will live in Summit Dental, so the request is Summit Dental.s once you send it/);
  await continueFromNumbers(page);
  await fillCustomer(page, '5791');
  await fillAddress(page);
  await acceptAgreement(page);
  // One account: nothing to warn about before signing.
  expect(await page.getByTestId('mixed-accounts-warning').count()).toBe(0);
  await page.getByLabel('Type your full name to sign').fill('Dana Whitfield');
  await fillSignerTitle(page);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await continueAndAgree(page);
  await sendProof(page);
  const requestId = new URL(page.url()).searchParams.get('submitted')!.split(',')[0];

  // The agency's list names each request's account.
  const agencyRow = page.getByTestId('port-requests').locator('tbody tr').filter({ hasText: '(301) 555-0261' });
  expect(await agencyRow.locator('td[data-label="Account"]').textContent()).toBe('Summit Dental');

  await page.goto(`/numbers/port/${requestId}/recipients`);
  await page.getByLabel('Add a recipient').fill('dental@summit.example');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByTestId('recipients').getByText('dental@summit.example').waitFor();
  await owner.close();

  // Priya uses Summit Dental only, with JavaScript off: the request is in her list and opens.
  const dental = await signedInContext(browser, 'dental@summit.example', { javaScript: false });
  const priya = await dental.newPage();
  await priya.goto('/numbers/port');
  const row = priya.getByTestId('port-requests').locator('tbody tr').filter({ hasText: '(301) 555-0261' });
  await row.getByRole('link', { name: 'View' }).click();
  await priya.waitForURL(`**/numbers/port/${requestId}`);
  expect(await priya.locator('main').textContent()).toContain('(301) 555-0262');
  await priya.goto(`/numbers/port/${requestId}/recipients`);
  expect(await priya.getByTestId('recipients').textContent()).toContain('dental@summit.example');
  await dental.close();

  // The agency's member, who does not use Summit Dental, gets nothing.
  const analyst = await signedInContext(browser, 'analyst@summit.example');
  const response = await analyst.request.get(`/numbers/port/${requestId}`);
  expect(response.status()).toBe(404);
  await analyst.close();
});

test('with JavaScript off, numbers for two client accounts are shown as one request per account, with a warning that each sees the one letter', async () => {
  const owner = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await owner.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page);
  await uploadCsv(page, 'two-clients.csv', ['+13015550263,+13015550198,Google Ads,Summit Dental', '+13015550264,+13015550198,Google Ads,Summit Plumbing']);
  await page.getByTestId('numbers-totals').getByText('2 in this request').waitFor();
  const split = page.getByTestId('split-notice');
  expect(await split.textContent()).toMatch(/goes as 2 linked requests, one per account/);
  expect(await split.textContent()).toContain('1 US local number for Summit Plumbing');
  expect(await page.getByTestId('mixed-accounts-warning').textContent()).toMatch(/each of Summit Dental and Summit Plumbing sees that letter with every number on it/);
  await owner.close();
});
