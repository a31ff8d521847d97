import { parsePhoneNumberWithError } from 'libphonenumber-js/max';

/** "+14105550100" -> "(410) 555-0100" for NANP numbers, international format otherwise. */
export function formatPhoneNumber(e164: string): string {
  try {
    const parsed = parsePhoneNumberWithError(e164);
    return parsed.countryCallingCode === '1' ? parsed.formatNational() : parsed.formatInternational();
  } catch {
    return e164;
  }
}
