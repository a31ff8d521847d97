import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { addNumberRow, fillCarrier } from './helpers/wizard';

// "Discard" beside "Resume" deleted a draft in one click (issue 18, item 7): it now asks first, on a
// page of its own that names what would be lost, with JavaScript off as on.

let browser: Browser;
let owner: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  owner = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
}, 60_000);
afterAll(() => browser.close());

test('without JavaScript, Discard asks first and names what goes; keeping it loses nothing, confirming removes it', async () => {
  const page = await owner.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await page.waitForURL('**/carrier');
  const draftId = page.url().split('/numbers/port/')[1].split('/')[0];
  await fillCarrier(page, 'Comcast Business');
  await addNumberRow(page, '+14105550282', '+14105550199');

  await page.goto('/numbers/port');
  const row = () => page.getByTestId('port-requests').locator('tr').filter({ hasText: '(410) 555-0282' });
  await row().getByRole('link', { name: 'Discard' }).click();
  await page.waitForURL(`**/numbers/port/${draftId}/discard`);
  await page.getByRole('heading', { name: 'Discard this draft?' }).waitFor();
  expect(await page.getByTestId('discard-loses').textContent()).toBe('1 number');
  await page.getByText('for numbers with Comcast Business').waitFor();

  // Changing one's mind: back to the list, the draft is still there.
  await page.getByRole('link', { name: 'Back to Port Numbers' }).click();
  await page.waitForURL('**/numbers/port');
  expect(await row().count()).toBe(1);

  await row().getByRole('link', { name: 'Discard' }).click();
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.waitForURL('**/numbers/port');
  await page.getByText('The draft was discarded.').waitFor();
  expect(await row().count()).toBe(0);
  // Its page is gone too.
  expect((await page.goto(`/numbers/port/${draftId}/discard`))!.status()).toBe(404);
});
