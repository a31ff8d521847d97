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

test('an agency uploads a spreadsheet, sees the counts, fixes a refused line where it is shown (kept across a reload), and re-routes an active receiving number with Save and continue', async () => {
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
  await page.getByTestId('refused-kept-note').getByText(/The 8 refused lines wait under “Lines to fix”/).waitFor();
  // The accepted lines are folded away; the list box starts afresh.
  expect(await page.getByTestId('accepted-summary').textContent()).toBe('9 added');
  expect(await page.getByLabel('Or paste the lines').inputValue()).toBe('');

  // What was refused is kept on the draft: after a reload it is still first on the page, each line with its reason.
  await page.reload();
  const toFix = page.getByTestId('lines-to-fix');
  await toFix.getByRole('heading', { name: 'Lines to fix (8)' }).waitFor();
  const billboards = toFix.getByRole('group', { name: 'numbers-sample.csv, line 14' });
  expect(await billboards.getByTestId('line-to-fix-reason').textContent()).toContain('Billboards');
  expect(await billboards.getByLabel('Number to Port').inputValue()).toBe('+14105550115');
  expect(await billboards.getByLabel('Tracking Source').inputValue()).toBe('Billboards');

  const [download] = await Promise.all([page.waitForEvent('download'), toFix.getByRole('button', { name: /Download these 8 lines/ }).click()]);
  const refusedCsv = readFileSync((await download.path())!, 'utf8');
  expect(refusedCsv).toContain('Number to Port,Receiving Number,Tracking Source,Account Name,Line,Reason');
  // Cells starting with + are prefixed with ' so a spreadsheet keeps them as text, not a formula.
  expect(refusedCsv.split('\r\n').find((l) => l.includes('Billboards'))).toMatch(/^'\+14105550115,'\+14105550199,Billboards,Summit Marketing Group,"numbers-sample.csv, line 14",/);

  // Fixed where it is shown: the other seven stay, and go with "Dismiss all".
  await billboards.getByLabel('Tracking Source').selectOption('Direct');
  await toFix.getByRole('button', { name: 'Add the corrected lines' }).click();
  await page.getByTestId('numbers-totals').getByText('10 in this request').waitFor();
  await toFix.getByRole('heading', { name: 'Lines to fix (7)' }).waitFor();
  expect(await toFix.getByRole('group', { name: 'numbers-sample.csv, line 14' }).count()).toBe(0);
  await toFix.getByRole('button', { name: 'Dismiss all 7' }).click();
  await page.getByTestId('lines-to-fix-done').waitFor();
  expect(await page.getByTestId('lines-to-fix').count()).toBe(0);

  // The .txt sample holds +14105550000, an active receiving number of two tracking numbers.
  await page.getByLabel('Or paste the lines').fill(readFileSync(path.join(fixtures, 'numbers-sample.txt'), 'utf8'));
  await page.getByLabel('Forward/Receiving Number').last().fill('+14105550199');
  await page.getByLabel('Tracking Source').last().selectOption('Google Ads');
  await page.getByRole('button', { name: 'Add to request' }).nth(1).click();
  await page.getByTestId('numbers-totals').getByText('14 in this request').waitFor();

  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByTestId('continue-error').getByText(/Choose where 2 tracking numbers \(410\) 555-0100, \(410\) 555-0101 should forward/).waitFor();
  await page.getByRole('heading', { name: 'Choose an alternate routing' }).waitFor();
  const routes = page.getByLabel('Forward it instead to');
  expect(await routes.count()).toBe(2);
  expect(await page.getByText('Choose the number this tracking number should forward to.').count()).toBe(2);
  // Each message goes once its field is filled; the form's own once both are.
  await routes.nth(0).fill('(410) 555-0198');
  expect(await page.getByText('Choose the number this tracking number should forward to.').count()).toBe(1);
  await routes.nth(1).fill('+1 410 555 0198');
  expect(await page.getByTestId('continue-error').count()).toBe(0);
  // No separate save: Save and continue saves the routing typed, and goes on.
  expect(await page.getByRole('button', { name: 'Save routing' }).count()).toBe(0);
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
  await page.getByTestId('saved-numbers').getByText('(301) 555-0247').waitFor();
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
  await page.getByTestId('continue-error').getByText(/1 line was not added/).waitFor();
  expect(page.url()).toMatch(/\/numbers$/);
  expect(await page.locator('tr[data-verdict="accepted"]').textContent()).toContain('Comcast Business');
  await page.getByTestId('saved-numbers').getByText('(410) 556-1234').waitFor();
  // The refused line waits under "Lines to fix", as typed, with its reason; the accepted one is in the request.
  const kept = page.getByTestId('lines-to-fix').getByRole('group', { name: 'Typed in row 2' });
  expect(await kept.getByLabel('Number to Port').inputValue()).toBe('+14105550950');
  expect(await kept.getByTestId('line-to-fix-reason').textContent()).toContain('The rate center of this number is not supported for porting');
  expect(await rows[0].getByLabel('Number to Port').inputValue()).toBe('');
  expect(await page.getByTestId('continue-error').textContent()).not.toContain('Add to request');

  const suggestion = page.getByTestId('carrier-suggestion').first();
  expect(await suggestion.textContent()).toContain("The carrier's records show these numbers with Comcast Business.");
  await suggestion.getByRole('button', { name: 'Use Comcast Business' }).click();
  await page.waitForURL('**/numbers');
  expect(await page.getByTestId('carrier-suggestion').count()).toBe(0);

  // Still kept after the carrier suggestion's own post; dismissed, it lets the step go on.
  await page.getByRole('button', { name: 'Dismiss Typed in row 2' }).click();
  await page.getByTestId('lines-to-fix-done').waitFor();
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

test('with JavaScript off, one Save and continue adds a typed row, saves a filled-in routing and goes on; a refused pasted line is kept first, across a reload, until dismissed', async () => {
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page, 'Verizon Business');
  // +14105550000 is the receiving number of two tracking numbers; the second line is not a number.
  await page.getByLabel('Or paste the lines').fill('+14105550000\n+1 410 555 01\n');
  await page.getByLabel('Forward/Receiving Number').last().fill('+14105550199');
  await page.getByLabel('Tracking Source').last().selectOption('Google Ads');
  await page.getByRole('button', { name: 'Add to request' }).nth(1).click();
  await page.getByTestId('numbers-totals').getByText('1 in this request').waitFor();

  // Opened again (a reload would post the form again, as browsers do after a post).
  await page.goto(page.url());
  const kept = page.getByTestId('lines-to-fix').getByRole('group', { name: 'Pasted list, line 2' });
  expect(await kept.getByLabel('Number to Port').inputValue()).toBe('+1 410 555 01');
  // First on the page: above the routing and the rows.
  const order = await page.evaluate(() => ['lines-to-fix-title', 'routing-title'].map((id) => document.getElementById(id)!.getBoundingClientRect().top));
  expect(order[0]).toBeLessThan(order[1]);
  await page.getByRole('button', { name: 'Dismiss Pasted list, line 2' }).click();
  await page.getByTestId('lines-to-fix-done').waitFor();

  // A row typed and both routes filled in, then one click.
  const row = page.getByRole('group', { name: 'Row 1' });
  await row.getByLabel('Number to Port').fill('(410) 555-0289');
  await row.getByLabel('Forward/Receiving Number').fill('(410) 555-0199');
  await row.getByLabel('Tracking Source').selectOption('Google Ads');
  const routes = page.getByLabel('Forward it instead to');
  await routes.nth(0).fill('(410) 555-0198');
  await routes.nth(1).fill('410.555.0197');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/customer');
  await page.getByRole('link', { name: /Numbers to Port/ }).click();
  await page.getByTestId('saved-numbers').getByText('(410) 555-0289').waitFor();
  expect(await routes.nth(1).inputValue()).toBe('(410) 555-0197');
  await context.close();
});
