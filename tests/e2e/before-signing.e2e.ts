import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { acceptAgreement, addNumberRow, continueAndAgree, continueFromNumbers, fillCarrier, fillCustomer, fillSignerTitle } from './helpers/wizard';

// Before the letter is signed (issue 18, items 11 and 14): a ZIP code of another state is warned
// about beside it and goes on once confirmed; the letter's step opens with everything to check, each
// with its way back; the signing messages fit the page the signer has (JavaScript on or off), go
// once signed, and the signing box folds away after signing.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(() => browser.close());

async function throughCustomer(page: Page, number: string) {
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await page.waitForURL('**/carrier');
  await fillCarrier(page, 'Comcast Business');
  await addNumberRow(page, number, '+14105550199');
  await continueFromNumbers(page);
  await fillCustomer(page, '2468');
  return page.url().split('/numbers/port/')[1].split('/')[0];
}

async function fillBostonWith90210(page: Page) {
  await page.getByLabel('Street address', { exact: true }).fill('1 Federal St');
  await page.getByLabel('City', { exact: true }).fill('Boston');
  await page.getByLabel('State or province', { exact: true }).selectOption('MA');
  await page.getByLabel('ZIP or postal code', { exact: true }).fill('90210');
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

test('without JavaScript: the ZIP warning, then everything to check before signing, and a signing message that asks only for what the page offers', async () => {
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await context.newPage();
  const id = await throughCustomer(page, '+14105550287');

  await fillBostonWith90210(page);
  const warning = page.locator('[id="postalCode-warning"]');
  await warning.getByText('ZIP code 90210 belongs to California, not Massachusetts.', { exact: false }).waitFor();
  expect(page.url()).toContain('/address');
  expect(await page.getByLabel('ZIP or postal code', { exact: true }).inputValue()).toBe('90210');
  await warning.getByLabel(/It is right as typed/).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/agreement');
  await acceptAgreement(page);

  const check = page.getByTestId('check-before-signing');
  await check.getByRole('heading', { name: 'Check before you sign' }).waitFor();
  for (const text of ['Comcast Business', '(410) 555-0287', 'Summit Marketing Group LLC', '8834-2219', 'Saved (hidden)', '1 Federal St, Boston, MA 90210, United States']) {
    await check.getByText(text, { exact: false }).first().waitFor();
  }
  expect(await check.textContent()).not.toContain('2468');
  for (const [step, name] of [['carrier', 'Current carrier'], ['numbers', 'Numbers to Port'], ['customer', 'Customer Name and PIN'], ['address', 'Billing Address']]) {
    expect(await check.getByRole('link', { name: `Change ${name}` }).getAttribute('href')).toBe(`/numbers/port/${id}/${step}?from=loa`);
  }
  // A change made from here comes straight back to the letter, not through the steps in between.
  await check.getByRole('link', { name: 'Change Customer Name and PIN' }).click();
  await page.getByLabel('Customer Name').fill('Summit Marketing Group, LLC');
  await page.getByRole('button', { name: 'Save and return to the letter' }).click();
  await page.waitForURL(`**/numbers/port/${id}/loa`);
  await check.getByText('Summit Marketing Group, LLC').waitFor();

  // Without JavaScript there is no drawing box: the message asks for the typed name only.
  await fillSignerTitle(page);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByText('Sign the letter: type your full name in the box at the bottom.').first().waitFor();
  expect(await page.locator('body').innerText()).not.toMatch(/draw your signature/i);

  await page.getByLabel('Type your full name to sign').fill('Dana Whitfield');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByText('You have completed all required fields. Please click Continue.').waitFor();
  // The signing box is folded under "Signed · change signature", not a second empty one.
  const change = page.getByTestId('change-signature');
  await change.getByText('Signed · change signature').waitFor();
  expect(await page.getByRole('button', { name: 'Sign', exact: true }).isVisible()).toBe(false);
  await change.getByText('Signed · change signature').click();
  expect(await page.getByRole('button', { name: 'Sign', exact: true }).isVisible()).toBe(true);
  await continueAndAgree(page);
  await context.close();
});

test('with JavaScript: "not signed yet" names the drawing box, goes once a signature is drawn, and the box folds away once signed', async () => {
  const context = await signedInContext(browser, 'owner@summit.example');
  const page = await context.newPage();
  await throughCustomer(page, '+14105550288');
  await fillBostonWith90210(page);
  await page.locator('[id="postalCode-warning"]').getByLabel(/It is right as typed/).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/agreement');
  await acceptAgreement(page);

  const canvas = page.getByTestId('signature-canvas');
  await canvas.waitFor();
  await fillSignerTitle(page);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  const notSigned = page.getByText('Sign the letter: draw your signature in the box at the bottom, or type your full name under it.');
  await notSigned.first().waitFor();

  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 30 + i * 15, box.y + 100 - Math.sin(i / 3) * 40, { steps: 2 });
  await page.mouse.up();
  await page.getByText('Signature drawn.').waitFor();
  await notSigned.first().waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('img', { name: 'Your signature' }).waitFor();
  await page.getByTestId('change-signature').getByText('Signed · change signature').waitFor();
  expect(await canvas.isVisible()).toBe(false);
  await continueAndAgree(page);
  await context.close();
});
