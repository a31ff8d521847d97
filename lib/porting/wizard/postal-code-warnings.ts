import type { BillingAddress } from '@/db/schema';
import { CA_PROVINCES, US_STATES } from './regions';
import { regionsOfPostalCode } from './postal-code-regions';

// Step 5's soft check: a ZIP or postal code that belongs to another state or province than the one
// chosen is shown as a warning beside it, and the step goes on once the user confirms that pair
// (the confirmation names the pair, so a different typo warns again). No server-only imports: the
// form renders the warning from the same function.

export type PostalCodeWarning = { message: string; confirm: string };

const nameOf = (country: 'US' | 'CA', region: string) => (country === 'US' ? US_STATES : CA_PROVINCES)[region] ?? region;

export function postalCodeWarning(address: Pick<BillingAddress, 'country' | 'region' | 'postalCode'>): PostalCodeWarning | null {
  const regions = regionsOfPostalCode(address.country, address.postalCode);
  if (!regions || regions.includes(address.region)) return null;
  const code = address.country === 'US' ? 'ZIP code' : 'Postal code';
  const usual = regions.map((region) => nameOf(address.country, region)).join(' or ');
  return {
    message: `${code} ${address.postalCode} belongs to ${usual}, not ${nameOf(address.country, address.region)}. Check both against the bill: carriers refuse a port whose address does not match their record.`,
    confirm: `${address.country}:${address.region}:${address.postalCode}`,
  };
}

/**
 * The warnings of the billing and service addresses (keyed by their ZIP fields) that the form has
 * not confirmed yet; empty when the step may be saved.
 */
export function unconfirmedPostalCodeWarnings(
  input: { serviceAddress?: BillingAddress | null } & Pick<BillingAddress, 'country' | 'region' | 'postalCode'>,
  values: Record<string, string>,
): Record<string, PostalCodeWarning> {
  const warnings: Record<string, PostalCodeWarning> = {};
  const check = (field: string, address: Pick<BillingAddress, 'country' | 'region' | 'postalCode'>) => {
    const warning = postalCodeWarning(address);
    if (warning && values[`${field}Confirmed`] !== warning.confirm) warnings[field] = warning;
  };
  check('postalCode', input);
  if (input.serviceAddress) check('serviceAddress.postalCode', input.serviceAddress);
  return warnings;
}
