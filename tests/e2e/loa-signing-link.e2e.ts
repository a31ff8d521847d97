/**
 * Issue 14: the LOA sent for signature from the wizard's LOA step, signed through the emailed link
 * by someone who is not a platform user, in a browser with no session: drawn with JavaScript on,
 * typed with it off, and declined with a reason.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, mailboxFor, newContext, signedInContext, waitForNewEmail } from './helpers/browser';
import { acceptAgreement, addNumberRow, continueFromNumbers, fillAddress, fillCarrier, fillCustomer, sendProof } from './helpers/wizard';

const PIN = '5G7K2M9Q';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The owner's draft up to the LOA step, the letter sent for signature to `signerEmail`; the link from the local mailbox. */
async function sendForSignature(page: Page, number: string, signerName: string, signerEmail: string, signerTitle = ''): Promise<{ requestUrl: string; link: string }> {
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await page.waitForURL('**/carrier');
  await fillCarrier(page);
  await addNumberRow(page, number, '+14105550199');
  await continueFromNumbers(page);
  await fillCustomer(page, PIN);
  await fillAddress(page);
  await acceptAgreement(page);
  const loaUrl = page.url();
  const known = await (await mailboxFor(page, signerEmail)).count();
  await page.goto(loaUrl);
  await page.getByLabel("Signer's full name").fill(signerName);
  await page.getByLabel("Signer's email").fill(signerEmail);
  if (signerTitle) await page.getByLabel("Signer's title (optional)").fill(signerTitle);
  await page.getByRole('button', { name: 'Send for signature' }).click();
  await page.waitForURL('**/loa?sent=1');
  await page.getByText(`Waiting for signature by ${signerName} (${signerEmail}), sent`).waitFor();
  const message = await waitForNewEmail(page, signerEmail, known, /Please sign the Letter of Authorization/);
  const link = (await message.getByRole('link', { name: 'Review and sign the letter' }).getAttribute('href'))!;
  expect(link).toMatch(/^http:\/\/localhost:\d+\/sign\/[A-Za-z0-9_-]{43}$/);
  expect(await message.textContent()).not.toContain(PIN);
  return { requestUrl: loaUrl, link };
}

test('with JavaScript on: sent from the LOA step, drawn by the signer in a fresh browser, the step shows it signed and the owner is told', async () => {
  const owner = await signedInContext(browser, 'owner@summit.example');
  const page = await owner.newPage();
  const ownerMails = await (await mailboxFor(page, 'owner@summit.example')).count();
  const { requestUrl, link } = await sendForSignature(page, '+14105550170', 'Dana Whitfield', 'dana@whitfield-e2e.example', 'Office Manager');

  const signerContext = await newContext(browser, { javaScript: true });
  const signer = await signerContext.newPage();
  await signer.goto(link);
  await signer.getByRole('heading', { name: /Letter of Authorization for Summit Marketing Group LLC/ }).waitFor();
  const html = await signer.content();
  expect(html).not.toContain(PIN);
  expect(html).toContain('Verizon Business');
  expect(await signer.locator('meta[name="referrer"]').getAttribute('content')).toBe('same-origin');
  const canvas = signer.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await signer.mouse.move(box.x + 30, box.y + 100);
  await signer.mouse.down();
  for (let i = 1; i <= 20; i++) await signer.mouse.move(box.x + 30 + i * 15, box.y + 100 - Math.sin(i / 3) * 40, { steps: 2 });
  await signer.mouse.up();
  await signer.getByText('Signature drawn.').waitFor();
  // The sender's word for the title is suggested; the signer gives their own.
  expect(await signer.getByLabel('Your title at the business').inputValue()).toBe('Office Manager');
  await signer.getByLabel('Your title at the business').fill('Practice Owner');
  await signer.getByLabel(/I Agree/).check();
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();
  await signer.getByTestId('signing-link-state').getByText('Signed').waitFor();

  // The link is spent: opening it again says so.
  await signer.goto(link);
  expect(await signer.getByTestId('signing-link-state').textContent()).toBe('Signed');
  await signerContext.close();

  await waitForNewEmail(page, 'owner@summit.example', ownerMails, /Letter of Authorization signed/);
  await page.goto(requestUrl);
  await page.getByText('Signed by Dana Whitfield on').waitFor();
  await page.getByRole('link', { name: 'Continue to Proof of Ownership' }).click();
  await page.waitForURL('**/proof');
  await sendProof(page);
  await owner.close();
});

test('with JavaScript off: the signer types their name and agrees', async () => {
  const owner = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await owner.newPage();
  const { requestUrl, link } = await sendForSignature(page, '+14105550171', 'Lee Okafor', 'lee@okafor-e2e.example');

  const signerContext = await newContext(browser, { javaScript: false });
  const signer = await signerContext.newPage();
  await signer.goto(link);
  expect(await signer.getByTestId('signature-canvas').isVisible()).toBe(false);
  // Without the consent nothing is signed, and the page says why.
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();
  await signer.getByText('Select "I agree" to sign the letter electronically.').first().waitFor();
  await signer.getByLabel('Type your full name to sign').fill('Lee Okafor');
  await signer.getByLabel(/I Agree/).check();
  // Nothing sent for a title: the signer must give one, and what they typed stays.
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();
  await signer.getByText('Enter your title at the business, e.g. Office Manager.').first().waitFor();
  expect(await signer.getByLabel('Type your full name to sign').inputValue()).toBe('Lee Okafor');
  await signer.getByLabel('Your title at the business').fill('Office Manager');
  await signer.getByLabel(/I Agree/).check();
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();
  await signer.getByTestId('signing-link-state').getByText('Signed').waitFor();
  await signerContext.close();

  await page.goto(requestUrl);
  await page.getByText('Signed by Lee Okafor on').waitFor();
  await owner.close();
});

test('a decline with a reason: the owner is told, the step shows the reason and offers to send again', async () => {
  const owner = await signedInContext(browser, 'owner@summit.example');
  const page = await owner.newPage();
  const ownerMails = await (await mailboxFor(page, 'owner@summit.example')).count();
  const { requestUrl, link } = await sendForSignature(page, '+14105550172', 'Sam Rivera', 'sam@rivera-e2e.example');

  const signerContext = await newContext(browser, { javaScript: false });
  const signer = await signerContext.newPage();
  await signer.goto(link);
  await signer.getByLabel(/Why do you decline/).fill('We closed this account last year.');
  await signer.getByRole('button', { name: 'Decline to sign' }).click();
  await signer.getByTestId('signing-link-state').getByText('You declined to sign').waitFor();
  await signerContext.close();

  await waitForNewEmail(page, 'owner@summit.example', ownerMails, /Letter of Authorization declined/);
  await page.goto(requestUrl);
  await page.getByText('Sam Rivera (sam@rivera-e2e.example) declined to sign').waitFor();
  await page.getByText('Reason: We closed this account last year.').waitFor();
  expect(await page.getByLabel("Signer's email").inputValue()).toBe('sam@rivera-e2e.example');
  await owner.close();
});
