import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { addBusinessDays, isoDate, todayUtc } from '@/lib/porting/business-days';
import { continueAndAgree, submitRequest } from './helpers/wizard';
import { zonedWallTime } from '@/lib/format/zoned-time';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function openInConsole(staff: Page, requestId: string) {
  await staff.goto('/staff');
  await staff.getByTestId('queue').locator(`a[href="/staff/requests/${requestId}"]`).click();
  await staff.getByTestId('staff-status').waitFor();
}

async function decide(staff: Page, button: string, expectStatus: string) {
  await staff.getByRole('button', { name: button }).click();
  await staff.getByTestId('staff-status').getByText(expectStatus, { exact: true }).waitFor();
}

test('from review to ringing and texting: changes asked and fixed, approved, scheduled, ported, SMS activated', async () => {
  const customerContext = await signedInContext(browser, 'owner@summit.example');
  const customer = await customerContext.newPage();
  const requestId = await submitRequest(customer, '+14105550220', '9911');

  const staffContext = await signedInContext(browser, 'regulatory@porting.example', { javaScript: false });
  const staff = await staffContext.newPage();
  await openInConsole(staff, requestId);
  const requestUrl = staff.url();
  await decide(staff, 'Start review', 'In review');

  await staff.getByRole('button', { name: 'Reveal' }).click();
  expect(await staff.getByTestId('revealed-pin').textContent()).toBe('9911');
  await staff.goto(requestUrl);
  expect(await staff.getByTestId('staff-events').textContent()).toContain('pin_revealed');

  await staff.getByText('Ask for changes', { exact: true }).first().click();
  await staff.getByLabel('Customer name does not match the carrier’s record').check();
  await staff.getByLabel('Note to the customer').fill('The CSR shows "Summit Mktg Group LLC".');
  await decide(staff, 'Ask for changes', 'Changes needed');

  // The customer sees the reason with what to do, fixes only that, signs again and resubmits.
  await customer.goto('/numbers/port');
  const row = customer.getByTestId('port-requests').locator('tr').filter({ hasText: '(410) 555-0220' });
  expect(await row.getAttribute('data-status')).toBe('changes_needed');
  await row.getByRole('link', { name: 'View' }).click();
  const changes = customer.getByTestId('changes-needed');
  await changes.getByText('Customer name does not match the carrier’s record').waitFor();
  // The request page's times (timeline, emails sent) all say their moment to machines too.
  expect(await customer.locator('time').count()).toBeGreaterThan(3);
  expect(await customer.locator('time:not([datetime])').count()).toBe(0);
  await changes.getByText(/customer service record/).waitFor();
  await changes.getByRole('link', { name: 'Fix and resubmit' }).click();
  await customer.getByLabel('Customer Name').fill('Summit Mktg Group LLC');
  await customer.getByRole('button', { name: 'Save and continue' }).click();
  await customer.waitForURL('**/loa');
  await customer.getByLabel('Type your full name to sign').fill('Dana Whitfield');
  await customer.getByLabel('Your title at the business').fill('Office Manager');
  await customer.getByRole('button', { name: 'Sign', exact: true }).click();
  await continueAndAgree(customer);
  await customer.getByRole('button', { name: 'Resubmit' }).click();
  await customer.waitForURL('**/numbers/port?submitted=*');

  await staff.goto(requestUrl);
  await staff.getByTestId('staff-status').getByText('Submitted', { exact: true }).waitFor();
  // What the resubmission changed, before → after, without opening each step.
  const changed = staff.getByTestId('changed-since-review');
  const name = changed.getByTestId('review-change').filter({ hasText: 'Customer Name' });
  expect((await name.textContent())?.replace(/\s+/g, ' ')).toBe('Customer NameSummit Marketing Group LLCSummit Mktg Group LLC');
  expect(await changed.getByTestId('review-change').filter({ hasText: 'Signed LOA' }).count()).toBe(1);
  expect(await changed.getByTestId('review-change').count()).toBe(2);
  // The proof is shown in place, from our own origin, not only as a download.
  const proofImage = staff.getByTestId('staff-proof').getByRole('img', { name: /^Proof of ownership: / }).first();
  await proofImage.scrollIntoViewIfNeeded();
  await staff.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await proofImage.elementHandle());
  await decide(staff, 'Start review', 'In review');
  await decide(staff, 'Approve and send to the carrier', 'Approved');
  // No port date yet: "Mark ported" is not offered, and its page (opened directly) refuses.
  expect(await staff.getByRole('button', { name: 'Mark ported…' }).count()).toBe(0);
  await staff.goto(`${requestUrl}/mark-ported`);
  await staff.getByRole('alert').getByText(/once they have a port date/).waitFor();
  expect(await staff.getByRole('button', { name: /^Confirm/ }).count()).toBe(0);
  await staff.goto(requestUrl);
  const portDate = isoDate(addBusinessDays(todayUtc(), 10));
  await staff.getByLabel('FOC date').fill(portDate);
  await decide(staff, 'Set port date', 'Scheduled');
  // Marking ported asks first, naming the numbers and the date; the date is ahead, so the team says
  // the carrier already moved them (the box is required: without it the browser does not send).
  await staff.getByRole('button', { name: 'Mark ported…' }).click();
  await staff.waitForURL('**/mark-ported**');
  const chosen = staff.getByTestId('mark-ported-numbers');
  expect(await chosen.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('(410) 555-0220')]);
  await staff.getByText(`${portDate} 15:00 UTC`).waitFor();
  await staff.getByText('The port date has not come yet.').waitFor();
  await staff.getByLabel('The carrier has already moved these numbers').check();
  await staff.getByRole('button', { name: 'Confirm: mark 1 number ported' }).click();
  await staff.getByTestId('staff-status').getByText('Completed', { exact: true }).waitFor();
  // The customer sees when it happened beside the date that was planned.
  await customer.goto(`/numbers/port/${requestId}`);
  // The team set 10:00 in the customer's zone (Maryland's, the form's default): the customer reads it so, named.
  const planned = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${portDate}T12:00:00Z`));
  expect(await customer.getByTestId('port-date').textContent()).toMatch(new RegExp(`^Port date ${planned}, 10:00 AM E[SD]T$`));
  await customer.getByText(`Ported on ${zonedWallTime(new Date(), 'America/New_York').date}`).waitFor();
  expect(await customer.getByTestId('time-zone-note').textContent()).toBe('Times on this page are in Eastern Time (New York), from the billing address.');

  await customer.goto('/numbers/tracking');
  const tracked = customer.locator('tr').filter({ hasText: '(410) 555-0220' });
  expect(await tracked.textContent()).toContain('Active');
  expect(await tracked.textContent()).toContain('SMS is not supported');

  // Three business days later, without waiting: the local jobs page runs them as of a later date.
  await customer.goto('/dev/jobs');
  await customer.getByLabel('Run due jobs as of').fill('2027-01-15');
  await customer.getByRole('button', { name: 'Run jobs' }).click();
  await customer.getByText(/Ran [1-9]\d* job/).waitFor();
  await customer.goto('/numbers/tracking');
  expect(await customer.locator('tr').filter({ hasText: '(410) 555-0220' }).textContent()).not.toContain('SMS is not supported');
  await customerContext.close();
  await staffContext.close();
});
