import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { fillCarrier } from './helpers/wizard';

const fixtures = path.join(process.cwd(), 'tests', 'fixtures', 'numbers');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('an agency uploads a spreadsheet, sees the counts, fixes a refused line from the download, and re-routes an active receiving number', async () => {
  const context = await signedInContext(browser, 'owner@summit.example');
  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page);

  // The shared sample: 9 good lines, 8 bad ones, each with its reason.
  await page.getByLabel('Upload a .csv or .txt file').setInputFiles(path.join(fixtures, 'numbers-sample.csv'));
  await page.getByRole('button', { name: 'Add to request' }).nth(1).click();
  const summary = page.getByTestId('verdict-summary');
  await summary.getByText(/9\s+accepted/).waitFor();
  expect(await summary.textContent()).toMatch(/8\s+refused · 1 toll-free/);
  await page.getByTestId('numbers-totals').getByText('9 in this request').waitFor();
  expect(await page.locator('tr[data-code="unknown_source"]').textContent()).toContain('Billboards');
  // What was refused stays in the box to fix; what was accepted is in the request.
  await page.getByTestId('refused-kept-note').getByText(/The 8 refused line/).waitFor();
  expect(await page.getByLabel('Or paste the lines').inputValue()).toContain('+14105550115,+14105550199,Billboards,Summit Marketing Group');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the 8 refused lines/ }).click()]);
  const refusedCsv = readFileSync((await download.path())!, 'utf8');
  expect(refusedCsv).toContain('Number to Port,Receiving Number,Tracking Source,Account Name,Line,Reason');
  const billboards = refusedCsv.split('\r\n').find((l) => l.includes('Billboards'))!;
  // Cells starting with + are prefixed with ' so a spreadsheet keeps them as text, not a formula.
  expect(billboards).toMatch(/^'\+14105550115,'\+14105550199,Billboards,Summit Marketing Group,14,/);

  // Fix that one line, check the file, then add it without choosing it again.
  const fixed = `Number to Port,Receiving Number,Tracking Source,Account Name\r\n${billboards.split(',').slice(0, 4).join(',').replace('Billboards', 'Direct')}\r\n`;
  await page.getByLabel('Upload a .csv or .txt file').setInputFiles({ name: 'fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByRole('button', { name: 'Check Portability' }).nth(1).click();
  await page.getByTestId('checked-file-note').getByText(/fixed\.csv/).waitFor();
  expect(await page.getByLabel('Or paste the lines').inputValue()).toContain("'+14105550115");
  await page.getByRole('button', { name: 'Add to request' }).nth(1).click();
  await page.getByTestId('numbers-totals').getByText('10 in this request').waitFor();

  // The .txt sample holds +14105550000, an active receiving number of two tracking numbers.
  await page.getByLabel('Or paste the lines').fill(readFileSync(path.join(fixtures, 'numbers-sample.txt'), 'utf8'));
  await page.getByLabel('Forward/Receiving Number').last().fill('+14105550199');
  await page.getByLabel('Tracking Source').last().selectOption('Google Ads');
  await page.getByRole('button', { name: 'Add to request' }).nth(1).click();
  await page.getByTestId('numbers-totals').getByText('14 in this request').waitFor();

  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText(/Choose where 2 tracking numbers \+14105550100, \+14105550101 should forward/).waitFor();
  await page.getByRole('heading', { name: 'Choose an alternate routing' }).waitFor();
  const routes = page.getByLabel('Forward it instead to');
  expect(await routes.count()).toBe(2);
  await routes.nth(0).fill('(410) 555-0198');
  await routes.nth(1).fill('+1 410 555 0198');
  await page.getByRole('button', { name: 'Save routing' }).click();
  await page.getByText('Routing saved.').waitFor();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/customer');
  await context.close();
});

test('choices made in a row are kept after Check Portability, so Add to request adds what was checked', async () => {
  const context = await signedInContext(browser, 'owner@summit.example');
  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page);
  const row = page.getByRole('group', { name: 'Row 1' });
  await row.getByLabel('Number to Port').fill('+13015550247');
  await row.getByLabel('Forward/Receiving Number').fill('+13015550198');
  await row.getByLabel('Tracking Source').selectOption('Facebook');
  await row.getByLabel('Account').selectOption('Summit Dental');
  await page.getByRole('button', { name: 'Check Portability' }).first().click();
  await page.getByTestId('verdict-summary').getByText(/1\s+accepted/).waitFor();
  expect(await row.getByLabel('Tracking Source').inputValue()).toBe('Facebook');
  expect(await row.getByLabel('Account').inputValue()).toBe('Summit Dental');
  await page.getByRole('button', { name: 'Add to request' }).first().click();
  await page.getByTestId('saved-numbers').getByText('+13015550247').waitFor();
  expect(await page.getByTestId('saved-numbers').textContent()).toContain('Summit Dental');
  await context.close();
});

test('Back from step 3 shows step 2 as saved', async () => {
  const context = await signedInContext(browser, 'owner@summit.example');
  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page, 'Comcast Business');
  await page.goBack();
  await page.waitForURL('**/carrier');
  await page.waitForLoadState('networkidle');
  expect(await page.getByLabel("Current carrier's name").inputValue()).toBe('Comcast Business');
  await context.close();
});

test('with JavaScript off, Save and continue adds the rows typed: a line the carrier refuses stays with its reason, the carrier it names is offered for step 2', async () => {
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page, 'Verizon Business');
  // The sandbox: +1 410 556 is with Comcast Business; a local number ending 0900-0999 is not portable.
  const rows = [page.getByRole('group', { name: 'Row 1' }), page.getByRole('group', { name: 'Row 2' })];
  for (const [row, number] of [[rows[0], '+14105561234'], [rows[1], '+14105550950']] as const) {
    await row.getByLabel('Number to Port').fill(number);
    await row.getByLabel('Forward/Receiving Number').fill('+14105550199');
    await row.getByLabel('Tracking Source').selectOption('Google Ads');
  }
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByTestId('continue-error').getByText(/1 line was refused/).waitFor();
  expect(page.url()).toMatch(/\/numbers$/);
  expect(await page.locator('tr[data-code="not_portable"]').textContent()).toContain('The rate center of this number is not supported for porting');
  expect(await page.locator('tr[data-verdict="accepted"]').textContent()).toContain('Comcast Business');
  await page.getByTestId('saved-numbers').getByText('+14105561234').waitFor();
  // The refused line is kept in the first row to fix; the accepted one is in the request.
  expect(await rows[0].getByLabel('Number to Port').inputValue()).toBe('+14105550950');
  expect(await page.getByTestId('continue-error').textContent()).not.toContain('Add to request');

  const suggestion = page.getByTestId('carrier-suggestion').first();
  expect(await suggestion.textContent()).toContain("The carrier's records show these numbers with Comcast Business.");
  await suggestion.getByRole('button', { name: 'Use Comcast Business' }).click();
  await page.waitForURL('**/numbers');
  expect(await page.getByTestId('carrier-suggestion').count()).toBe(0);

  await page.getByRole('group', { name: 'Row 1' }).getByLabel('Number to Port').fill('');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/customer');
  await page.getByRole('link', { name: /Current carrier/ }).click();
  expect(await page.getByLabel("Current carrier's name").inputValue()).toBe('Comcast Business');
  await context.close();
});

test('the carrier’s answers per line after Check Portability; numbers with two carriers will go as two linked requests', async () => {
  const context = await signedInContext(browser, 'owner@summit.example');
  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page, 'Verizon Business');
  await page.getByLabel('Or paste the lines').fill('+14105551237\n+14105561235\n');
  await page.getByLabel('Forward/Receiving Number').last().fill('+14105550199');
  await page.getByLabel('Tracking Source').last().selectOption('Google Ads');
  await page.getByRole('button', { name: 'Check Portability' }).nth(1).click();
  const carriers = page.getByTestId('verdict-carrier');
  await carriers.first().getByText('Verizon Business').waitFor();
  expect(await carriers.first().textContent()).toContain('Fast port');
  expect(await carriers.nth(1).textContent()).toContain('Comcast Business');
  expect(await page.getByTestId('numbers-totals').textContent()).toContain('0 in this request');

  // Save and continue adds the checked lines (no "Add to request" first) and goes on.
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/customer');
  await page.getByRole('link', { name: /Numbers to Port/ }).click();
  await page.waitForURL('**/numbers');
  const split = page.getByTestId('split-notice');
  expect(await split.textContent()).toMatch(/goes as 2 linked requests, one per carrier/);
  expect(await split.textContent()).toContain('1 US local number with Comcast Business');
  await context.close();
});
