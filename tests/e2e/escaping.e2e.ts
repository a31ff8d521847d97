import type { Browser, Frame, Page } from 'playwright-core';
import { rememberSecret } from './helpers/used-secrets';
import { launchBrowser, signedInContext } from './helpers/browser';
import { acceptAgreement, addNumberRow, continueAndAgree, continueFromNumbers, fillCarrier } from './helpers/wizard';
import { tinyPng } from '../helpers/files';

// Everything a person types (names, carrier, address, signature, file names, notes, tickets) is
// shown as the text they typed, on every page and in every email, never as markup. Each field
// gets markup tagged with its name; a page fails if any tagged element exists in its DOM, or if the
// text is missing. (The CSP would also block an injected script: this checks the escaping itself.)

let browser: Browser;
const markup = (field: string) => `<img src=x data-xss=${field} onerror=alert(1)>`;
const FIELDS = ['carrier', 'customer', 'street', 'city', 'signer', 'file', 'note', 'changes', 'team', 'ticket'] as const;
type Field = (typeof FIELDS)[number];
let requestId = '';
let inquiryId = '';
const checked: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** No tagged element anywhere in the page or its frames (the mailbox shows emails in frames), and each field's text shown. */
async function expectEscaped(page: Page, url: string, shown: Field[]) {
  await page.goto(url);
  const frames: Frame[] = page.frames();
  for (const frame of frames) expect({ url, frame: frame.url(), injected: await frame.locator('[data-xss]').count() }).toEqual({ url, frame: frame.url(), injected: 0 });
  const text = (await Promise.all(frames.map((f) => f.locator('body').innerText().catch(() => '')))).join('\n');
  for (const field of shown) expect({ url, field, shown: text.includes(markup(field)) }).toEqual({ url, field, shown: true });
  checked.push(`${new URL(url, "http://app").pathname.replace(/[0-9a-f-]{36}/g, ":id")} (${shown.length})`);
}

test('what people type is shown as text, never as markup, in every page and email it reaches', async () => {
  const customerContext = await signedInContext(browser, 'owner@summit.example');
  const customer = await customerContext.newPage();
  await customer.goto('/numbers/port');
  await customer.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(customer, markup('carrier'));
  requestId = customer.url().split('/numbers/port/')[1].split('/')[0];
  await addNumberRow(customer, '+14105550244', '+14105550199');
  await continueFromNumbers(customer);
  await customer.getByLabel('Customer Name').fill(markup('customer'));
  await customer.getByLabel('Account number').fill('8834-2219');
  rememberSecret('a PIN', '7312');
  await customer.getByLabel('Account PIN').fill('7312');
  await customer.getByLabel(/Yes, all numbers on the account/).check();
  await customer.getByRole('button', { name: 'Save and continue' }).click();
  await customer.waitForURL('**/address');
  await customer.getByLabel('Street address', { exact: true }).fill(markup('street'));
  await customer.getByLabel('City', { exact: true }).fill(markup('city'));
  await customer.getByLabel('State or province', { exact: true }).selectOption('MD');
  await customer.getByLabel('ZIP or postal code', { exact: true }).fill('21202');
  await customer.getByRole('button', { name: 'Save and continue' }).click();
  await customer.waitForURL('**/agreement');
  await acceptAgreement(customer);
  await customer.getByLabel('Type your full name to sign').fill(markup('signer'));
  await customer.getByLabel('Your title at the business').fill('Office Manager');
  await customer.getByRole('button', { name: 'Sign', exact: true }).click();
  // Wait for the signature to land: navigating while its post is in flight cancels it.
  await customer.waitForURL('**/loa?signed=1');
  await expectEscaped(customer, customer.url(), ['carrier', 'customer', 'street', 'city']);
  await continueAndAgree(customer);
  await customer.getByLabel('Bill or screenshot').setInputFiles({ name: `${markup('file')}.png`, mimeType: 'image/png', buffer: tinyPng() });
  await customer.getByRole('button', { name: 'Send Proof of Ownership' }).click();
  await customer.waitForURL('**/numbers/port?submitted=*');
  await customer.goto(`/numbers/port/${requestId}/notes`);
  await customer.getByLabel('Add a note').fill(markup('note'));
  await customer.getByRole('button', { name: 'Send note' }).click();
  await customer.getByText('Your note was added.').waitFor();
  await customer.goto('/numbers/port/international');
  await customer.getByLabel(/Numbers to port, one per line/).fill('+44 20 7946 0124');
  await customer.getByLabel('Anything the team should know (optional)').fill(markup('ticket'));
  await customer.getByRole('button', { name: 'Submit ticket' }).click();
  await customer.waitForURL('**/international?sent=1');
  inquiryId = (await customer.locator('a[href^="/numbers/port/international/"]').first().getAttribute('href'))!.split('/').pop()!;

  const staffContext = await signedInContext(browser, 'regulatory@porting.example');
  const staff = await staffContext.newPage();
  await staff.goto(`/staff/requests/${requestId}`);
  await staff.getByRole('button', { name: 'Start review' }).click();
  await staff.getByTestId('staff-status').getByText('In review', { exact: true }).waitFor();
  await staff.getByLabel('Add a note').fill(markup('team'));
  await staff.getByRole('button', { name: 'Send note' }).click();
  await staff.locator('li', { hasText: markup('team') }).waitFor();
  await staff.getByText('Ask for changes', { exact: true }).first().click();
  await staff.getByLabel('Customer name does not match the carrier’s record').check();
  await staff.getByLabel('Note to the customer').fill(markup('changes'));
  await staff.getByRole('button', { name: 'Ask for changes' }).click();
  await staff.getByTestId('staff-status').getByText('Changes needed', { exact: true }).waitFor();

  await expectEscaped(customer, '/numbers/port', ['carrier']);
  await expectEscaped(customer, `/numbers/port/${requestId}`, ['carrier', 'customer', 'street', 'city', 'file', 'changes']);
  await expectEscaped(customer, `/numbers/port/${requestId}/notes`, ['note', 'team', 'changes']);
  await expectEscaped(customer, `/numbers/port/international/${inquiryId}`, ['ticket']);
  await expectEscaped(staff, '/staff', ['customer']);
  await expectEscaped(staff, `/staff/requests/${requestId}`, ['carrier', 'customer', 'street', 'city', 'signer', 'file', 'note', 'team', 'changes']);
  await expectEscaped(staff, `/staff/inquiries/${inquiryId}`, ['ticket']);
  // The emails (shown in the local mailbox): the team's note and the change request reach the customer.
  await expectEscaped(customer, '/dev/mailbox', ['customer', 'team', 'changes']);
  console.log(`escaping: ${FIELDS.length} fields typed as markup, checked on ${checked.length} pages and emails: ${checked.join(', ')}`);
});
