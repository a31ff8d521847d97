import { tinyPng } from '../../helpers/files';
import { rememberSecret } from './used-secrets';
import type { Page } from 'playwright-core';
import { formatPhoneNumber } from '@/lib/phone/format';

/** Step 2: current carrier. */
export async function fillCarrier(page: Page, carrier = 'Verizon Business') {
  await page.getByLabel("Current carrier's name").fill(carrier);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/numbers');
}

/** Step 3: one number typed in the first row, added, then Continue. */
export async function addNumberRow(page: Page, number: string, receiving: string, source = 'Google Ads') {
  const row = page.getByRole('group', { name: 'Row 1' });
  await row.getByLabel('Number to Port').fill(number);
  await row.getByLabel('Forward/Receiving Number').fill(receiving);
  await row.getByLabel('Tracking Source').selectOption(source);
  await page.getByRole('button', { name: 'Add to request' }).first().click();
  await page.getByTestId('saved-numbers').getByText(formatPhoneNumber(number)).waitFor();
}

export async function continueFromNumbers(page: Page) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/customer');
}

/** Step 4: customer name, account number, PIN, full port. */
export async function fillCustomer(page: Page, pin: string) {
  await page.getByLabel('Customer Name').fill('Summit Marketing Group LLC');
  await page.getByLabel('Account number').fill('8834-2219');
  rememberSecret('a PIN', pin);
  await page.getByLabel('Account PIN').fill(pin);
  await page.getByLabel(/Yes, all numbers on the account/).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/address');
}

/** Step 5: billing address (exact labels: the service address's fields are "Service street address"…); the service address left "the same". */
export async function fillAddress(page: Page) {
  await page.getByLabel('Street address', { exact: true }).fill('100 Light St');
  await page.getByLabel('Suite, unit or floor (optional)', { exact: true }).fill('Suite 1200');
  await page.getByLabel('City', { exact: true }).fill('Baltimore');
  await page.getByLabel('State or province', { exact: true }).selectOption('MD');
  await page.getByLabel('ZIP or postal code', { exact: true }).fill('21202');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/agreement');
}

/** Step 7: the signer's title, beside the name (the letter names the signer "Name, Title"). */
export async function fillSignerTitle(page: Page, title = 'Office Manager') {
  await page.getByLabel('Your title at the business').fill(title);
}

/** Step 6: every box in the Agreement section, then the manual's button. */
export async function acceptAgreement(page: Page) {
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Continue to Letter of Authorization' }).click();
  await page.waitForURL('**/loa');
}

/** Step 7 after signing: the green bar, Continue at the top, then I Agree. */
export async function continueAndAgree(page: Page) {
  await page.getByText('You have completed all required fields. Please click Continue.').waitFor();
  await page.getByRole('link', { name: 'Continue', exact: true }).click();
  await page.getByRole('button', { name: 'I Agree' }).click();
  await page.waitForURL('**/proof');
}

/** Step 8: a bill as proof, then "Send Proof of Ownership". */
export async function sendProof(page: Page) {
  await page.getByLabel('Bill or screenshot').setInputFiles({ name: 'bill.png', mimeType: 'image/png', buffer: tinyPng() });
  await page.getByRole('button', { name: 'Send Proof of Ownership' }).click();
  await page.waitForURL('**/numbers/port?submitted=*');
}

/** The whole wizard with a typed signature, from Port Numbers to a submitted request; returns its id. */
export async function submitRequest(page: Page, number: string, pin = '2468'): Promise<string> {
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await page.waitForURL('**/carrier');
  await fillCarrier(page);
  await addNumberRow(page, number, '+14105550199');
  await continueFromNumbers(page);
  await fillCustomer(page, pin);
  await fillAddress(page);
  await acceptAgreement(page);
  await page.getByLabel('Type your full name to sign').fill('Dana Whitfield');
  await fillSignerTitle(page);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await continueAndAgree(page);
  await sendProof(page);
  return new URL(page.url()).searchParams.get('submitted')!.split(',')[0];
}
