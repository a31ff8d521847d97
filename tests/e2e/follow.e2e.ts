import type { Browser } from 'playwright-core';
import { launchBrowser, mailboxFor, signedInContext, waitForNewEmail } from './helpers/browser';
import { submitRequest } from './helpers/wizard';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test.each([
  ['on', true],
  ['off', false],
])('with JavaScript %s, the customer opens the notes from the bubble, replies, and adds a recipient who gets an email', async (_label, javaScript) => {
  const number = javaScript ? '+14105550190' : '+14105550191';
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript });
  const page = await context.newPage();
  await submitRequest(page, number);

  const row = page.getByTestId('port-requests').locator('tbody tr').filter({ hasText: number.replace('+1410555', '(410) 555-') });
  await row.getByTestId('notes-bubble').click();
  await page.getByRole('heading', { name: 'Notes' }).waitFor();
  await page.getByLabel('Add a note').fill('We are moving offices on the 15th; <please> keep the 15th free.');
  await page.getByRole('button', { name: 'Send note' }).click();
  await page.getByTestId('notes-thread').getByText('We are moving offices on the 15th; <please> keep the 15th free.').waitFor();

  const known = await (await mailboxFor(page, 'analyst@summit.example')).count();
  await page.goto(`/numbers/port`);
  await row.getByTestId('notes-bubble').click();
  await page.getByRole('link', { name: 'Edit Recipient Emails' }).click();
  await page.getByLabel('Add a recipient').fill('stranger@nowhere.example');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByText(/Only users of this platform who can see this account/).first().waitFor();
  await page.getByLabel('Add a recipient').fill('analyst@summit.example');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByTestId('recipients').getByText('analyst@summit.example').waitFor();

  const email = await waitForNewEmail(page, 'analyst@summit.example', known, /You will receive updates/);
  expect(await email.textContent()).toContain('(410) 555-');
  await context.close();
});
