import type { Browser } from 'playwright-core';
import { extractText } from 'unpdf';
import { launchBrowser, signedInContext } from './helpers/browser';
import { submitRequest } from './helpers/wizard';

// The customer's request page (issue 18): a number the team rejected was a lowercase word in the
// numbers table (item 9), now called out under the status with its reason and what to do, and
// listed first; the request's id was a UUID (item 14), now a short reference people can read out.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('a rejected number is called out under the status with its reason and what to do, and listed first', async () => {
  const customer = await (await signedInContext(browser, 'owner@summit.example', { javaScript: false })).newPage();
  const requestId = await submitRequest(customer, '+14105550283');
  await customer.goto(`/numbers/port/${requestId}`);
  expect(await customer.getByTestId('rejected-numbers').count()).toBe(0);

  const staff = await (await signedInContext(browser, 'regulatory@porting.example', { javaScript: false })).newPage();
  await staff.goto(`/staff/requests/${requestId}`);
  await staff.getByRole('button', { name: 'Start review' }).click();
  await staff.getByTestId('staff-status').getByText('In review', { exact: true }).waitFor();
  const reject = staff.locator('details').filter({ has: staff.getByText('Reject numbers', { exact: true }) });
  await reject.getByText('Reject numbers', { exact: true }).click();
  // The team's checkboxes name numbers as everyone reads them.
  await reject.getByLabel('(410) 555-0283').check();
  await reject.getByLabel('Reason').fill('The carrier says this number is disconnected.');
  await staff.getByRole('button', { name: 'Reject chosen numbers' }).click();
  await staff.getByTestId('staff-status').waitFor();

  await customer.goto(`/numbers/port/${requestId}`);
  const callout = customer.getByTestId('rejected-numbers');
  await callout.getByText('This number cannot be ported in this request').waitFor();
  expect(await callout.textContent()).toContain('(410) 555-0283: The carrier says this number is disconnected.');
  await callout.getByText(/start a new port request for them/).waitFor();
  expect(await callout.getByRole('link', { name: 'Write to our team in the notes' }).getAttribute('href')).toBe(`/numbers/port/${requestId}/notes`);
  // The table says it as a label, not a lowercase status word.
  expect(await customer.getByTestId('request-numbers').locator('tbody tr').first().textContent()).toContain('Rejected: The carrier says this number is disconnected.');
});

test('the short reference on the customer\'s request page, its letter and its emails finds the request in the desk\'s search', async () => {
  const customer = await (await signedInContext(browser, 'owner@summit.example', { javaScript: false })).newPage();
  const requestId = await submitRequest(customer, '+14105550284');
  await customer.goto(`/numbers/port/${requestId}`);
  const reference = (await customer.getByTestId('request-reference').textContent())!;
  expect(reference).toMatch(/^PR-\d{4}-\d{4,}$/);
  // The signed letter names it, not the request's internal id.
  const letter = await customer.request.get((await customer.getByRole('link', { name: 'Signed Letter of Authorization (PDF)' }).getAttribute('href'))!);
  const { text } = await extractText(new Uint8Array(await letter.body()), { mergePages: true });
  expect(text).toMatch(new RegExp(`Request reference\\s*${reference}`));
  expect(text).not.toContain(requestId);

  const staff = await (await signedInContext(browser, 'regulatory@porting.example', { javaScript: false })).newPage();
  // Read out on the phone and typed as heard.
  await staff.goto(`/staff?q=${encodeURIComponent(reference.toLowerCase().replace(/-/g, ' '))}`);
  const rows = staff.getByTestId('queue').locator('tbody tr');
  expect(await rows.count()).toBe(1);
  expect(await rows.first().getAttribute('data-request-id')).toBe(requestId);
  expect(await rows.first().textContent()).toContain(reference);
});
