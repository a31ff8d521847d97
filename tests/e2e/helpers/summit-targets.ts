import type { Page } from 'playwright-core';
import { acceptAgreement, addNumberRow, continueFromNumbers, fillAddress, fillCarrier, fillCustomer, submitRequest } from './wizard';

export type SummitTargets = { requestId: string; draftId: string; inquiryId: string; loaPath: string; proofPath: string };

/**
 * What the access tests reach for, made by Summit's owner: a submitted request (with its LOA and
 * proof), a draft filled up to the LOA, and an international inquiry.
 */
export async function createSummitTargets(page: Page, numbers: { submitted: string; draft: string }, pin: string): Promise<SummitTargets> {
  const requestId = await submitRequest(page, numbers.submitted, pin);
  await page.goto(`/numbers/port/${requestId}`);
  const loaPath = (await page.locator('a[href*="/files/loa/"]').first().getAttribute('href'))!;
  const proofPath = (await page.locator('a[href*="/files/proof/"]').first().getAttribute('href'))!;
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page);
  const draftId = page.url().split('/numbers/port/')[1].split('/')[0];
  await addNumberRow(page, numbers.draft, '+14105550199');
  await continueFromNumbers(page);
  await fillCustomer(page, pin);
  await fillAddress(page);
  await acceptAgreement(page);
  await page.goto('/numbers/port/international');
  await page.getByLabel(/Numbers to port, one per line/).fill('+44 20 7946 0123');
  await page.getByRole('button', { name: 'Submit ticket' }).click();
  await page.waitForURL('**/international?sent=1');
  await page.goto('/numbers/port/international');
  const inquiryId = (await page.locator('a[href^="/numbers/port/international/"]').first().getAttribute('href'))!.split('/').pop()!;
  return { requestId, draftId, inquiryId, loaPath, proofPath };
}
