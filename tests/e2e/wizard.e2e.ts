import type { Browser, Page } from 'playwright-core';
import { launchBrowser, mailboxFor, signedInContext, waitForNewEmail } from './helpers/browser';
import { acceptAgreement, addNumberRow, continueAndAgree, continueFromNumbers, fillAddress, fillCarrier, fillCustomer, fillSignerTitle, sendProof } from './helpers/wizard';
import { holdsSecret } from '../helpers/holds-secret';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function startRequest(page: Page) {
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await page.waitForURL('**/carrier');
}

async function expectSubmitted(page: Page, number: string) {
  await page.getByText('Your port request is on its way to our team.').waitFor();
  const firstRow = page.getByTestId('port-requests').locator('tbody tr').first();
  expect(await firstRow.getAttribute('data-status')).toBe('submitted');
  expect(await firstRow.textContent()).toContain(number);
  expect(await firstRow.textContent()).toMatch(/\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
}

test('with JavaScript on, the owner walks the manual from Numbers > Port Numbers to a submitted request, drawing the signature', async () => {
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript: true });
  const page = await context.newPage();
  const knownEmails = await (await mailboxFor(page, 'owner@summit.example')).count();
  await startRequest(page);
  await fillCarrier(page);
  await addNumberRow(page, '+14105550130', '+14105550199');
  await continueFromNumbers(page);
  await fillCustomer(page, '7391');

  // Step 5: the lines are installed elsewhere. "No" shows the service address; a PO box there is refused, all typed kept.
  const serviceStreet = page.getByLabel('Service street address');
  // Shown until the page's JavaScript runs, then hidden behind "Yes".
  await serviceStreet.waitFor({ state: 'hidden' });
  await page.getByLabel('Street address', { exact: true }).fill('PO Box 4410');
  await page.getByLabel('City', { exact: true }).fill('Baltimore');
  await page.getByLabel('State or province', { exact: true }).selectOption('MD');
  await page.getByLabel('ZIP or postal code', { exact: true }).fill('21202');
  await page.getByLabel('No, the lines are installed at another address').check();
  await serviceStreet.fill('P.O. Box 12');
  await page.getByLabel('Service city').fill('Towson');
  await page.getByLabel('Service state or province').selectOption('MD');
  await page.getByLabel('Service ZIP or postal code').fill('21204');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText(/^Carriers need the street address where the lines are installed, not a PO box/).first().waitFor();
  expect(await serviceStreet.inputValue()).toBe('P.O. Box 12');
  expect(await page.getByLabel('Street address', { exact: true }).inputValue()).toBe('PO Box 4410');
  await serviceStreet.fill('200 E Pratt St');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/agreement');
  await acceptAgreement(page);
  await page.getByRole('article', { name: 'Letter of Authorization' }).getByText('200 E Pratt St, Towson, MD 21204, United States').waitFor();

  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 30 + i * 15, box.y + 100 - Math.sin(i / 3) * 40, { steps: 2 });
  await page.mouse.up();
  await page.getByText('Signature drawn.').waitFor();
  await fillSignerTitle(page);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('img', { name: 'Your signature' }).waitFor();
  await continueAndAgree(page);
  await sendProof(page);
  await expectSubmitted(page, '(410) 555-0130');

  const email = await waitForNewEmail(page, 'owner@summit.example', knownEmails, /Port request received/);
  expect(await email.textContent()).toContain('(410) 555-0130');
  expect(holdsSecret((await email.textContent()) ?? '', '7391')).toBe(false);
  await context.close();
});

test('with JavaScript off, the whole wizard works and the typed name signs the LOA', async () => {
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await context.newPage();
  await startRequest(page);
  await fillCarrier(page, 'Comcast Business');
  await addNumberRow(page, '+14105550131', '+14105550199', 'Website');
  await continueFromNumbers(page);

  // A bad input keeps what was typed and says what is wrong, next to the field.
  await page.getByLabel('Customer Name').fill('Summit Marketing Group LLC');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('Enter the account number shown on the phone bill.').first().waitFor();
  expect(await page.getByLabel('Customer Name').inputValue()).toBe('Summit Marketing Group LLC');
  await fillCustomer(page, '5521');
  // Without JavaScript the service address's fields are simply shown; with "Yes" (the default) they are ignored.
  expect(await page.getByLabel('Service street address').isVisible()).toBe(true);
  await page.getByLabel('Service street address').fill('PO Box 1');
  await fillAddress(page);
  await acceptAgreement(page);

  expect(await page.getByTestId('signature-canvas').isVisible()).toBe(false);
  await page.getByText('Service address').first().waitFor();
  await page.getByRole('article', { name: 'Letter of Authorization' }).getByText('Same as billing address').waitFor();
  // The title is asked beside the name: without it nothing is signed.
  await page.getByLabel('Type your full name to sign').fill('Dana Whitfield');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByText('Enter your title at the business, e.g. Office Manager.').first().waitFor();
  expect(await page.getByLabel('Type your full name to sign').inputValue()).toBe('Dana Whitfield');
  await fillSignerTitle(page);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await continueAndAgree(page);
  await sendProof(page);
  await expectSubmitted(page, '(410) 555-0131');
  await context.close();
});

test('a draft left in the middle is listed, resumed later with everything kept, and finished', async () => {
  const first = await signedInContext(browser, 'owner@summit.example');
  const page = await first.newPage();
  await startRequest(page);
  await fillCarrier(page, 'AT&T');
  await addNumberRow(page, '+14105550132', '+14105550199');
  await continueFromNumbers(page);
  await first.close();

  const later = await signedInContext(browser, 'owner@summit.example');
  const again = await later.newPage();
  await again.goto('/numbers/port');
  const draftRow = again.getByTestId('port-requests').locator('tr[data-status="draft"]').filter({ hasText: '(410) 555-0132' });
  await draftRow.getByRole('link', { name: 'Resume' }).click();
  await again.waitForURL('**/customer');
  await again.getByRole('link', { name: /Current carrier/ }).click();
  expect(await again.getByLabel("Current carrier's name").inputValue()).toBe('AT&T');
  await again.getByRole('link', { name: /Customer Name and PIN/ }).click();
  await fillCustomer(again, '6620');
  await fillAddress(again);
  await acceptAgreement(again);
  await again.getByLabel('Type your full name to sign').fill('Dana Whitfield');
  await fillSignerTitle(again);
  await again.getByRole('button', { name: 'Sign', exact: true }).click();
  await continueAndAgree(again);
  await sendProof(again);
  await expectSubmitted(again, '(410) 555-0132');
  await later.close();
});
