import { parsePhoneNumberWithError, ParseError, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';
import { shouldSeedDemo } from '@/db/seed';
import { getEnv } from '@/lib/config/env';
import { formatPhoneNumber } from '@/lib/phone/format';

export type ParsedNumber =
  /** `region`: the US territory of a number ported as a US number (PR, GU, VI, AS, MP). */
  | { ok: true; e164: string; country: 'US' | 'CA'; isTollFree: boolean; region?: UsTerritory }
  | {
      ok: false;
      /** not_local: premium-rate, personal (5XX) or non-geographic; not_assignable: never a line's number. */
      code: 'empty' | 'scientific_notation' | 'not_a_number' | 'invalid' | 'international' | 'not_local' | 'not_assignable';
      message: string;
      country?: string;
      e164?: string;
    };

const EXAMPLE = 'for example (410) 555-0000';

// What libphonenumber's metadata does not say, in one place. The US territories of the North
// American Numbering Plan have a region of their own there, but their numbers are US numbers and
// port as US ports; every other NANP country (876 Jamaica, 809 Dominican Republic, ...) is abroad.
const US_TERRITORIES = {
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'the US Virgin Islands',
  AS: 'American Samoa',
  MP: 'the Northern Mariana Islands',
} as const;
export type UsTerritory = keyof typeof US_TERRITORIES;
const isUsTerritory = (region: string | undefined): region is UsTerritory => !!region && region in US_TERRITORIES;

// Kinds of numbers libphonenumber knows that are not local numbers, so cannot become tracking
// numbers (nor should calls be forwarded to them): 900, 5XX, Canada's 600 (VOIP in the metadata).
const NOT_LOCAL: Partial<Record<NumberType & string, string>> = {
  PREMIUM_RATE: 'a premium-rate number',
  PERSONAL_NUMBER: 'a personal communications number (area codes 500, 533, 544, 566, 577, 588 and the like)',
  VOIP: 'a non-geographic number (like Canada\'s area code 600)',
  SHARED_COST: 'a shared-cost number',
  UAN: 'a non-geographic number',
  PAGER: 'a pager number',
  VOICEMAIL: 'a voicemail access number',
};

// Exchanges N11 (211, 411, 611, 911, ...) are service codes in every area code: no line has one.
const N11_EXCHANGE = /^[2-9]11$/;
// 555-0100 to 555-0199 is set aside for fiction in every area code: the demo's numbers, never a line's.
const isFictional = (national: string) => national.slice(3, 6) === '555' && national.slice(6, 8) === '01';

/** Whether the 555-01XX numbers are accepted: only where the app runs its demo data (locally, or a public demo). */
export function fictionalNumbersAccepted(): boolean {
  return shouldSeedDemo(getEnv());
}
// Zero-width characters and direction marks survive copy/paste from web pages and spreadsheets and
// are invisible to the user. Not U+202E (right-to-left override), which shows the digits in another
// order than they are read. Marks can still move digit groups on screen; the verdict shows the number
// read, in E.164, so what was read is what the user sees confirmed.
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u061C\u202A-\u202D\u2066-\u2069]/g;
const QUOTES_AROUND = /^[\s"'“”‘’]+|[\s"'“”‘’]+$/g;
// What a spreadsheet shows for a long number in a General cell: 4.10555E+09 (some locales use a comma).
const EXTENSION = /\s*(?:ext\.?|extension|x)\s*\d+\s*$/i;
const VANITY = /^[+\d\s().-]*\d[\s().-]*[a-z]{2,}[a-z\d\s-]*$/i;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?\s*e\s*[+-]?\d+$/i;

/** One phone number as typed or exported by a spreadsheet -> E.164 if it can be ported here (US or Canada). */
// An import parses each number more than once (collecting candidates, then checking) and repeats the
// same receiving number on many lines; remembering recent answers keeps that to one parse each.
const recent = new Map<string, ParsedNumber>();
const RECENT_LIMIT = 50_000;

export function parsePortNumber(input: string, options: { fictional?: 'accept' | 'refuse' } = {}): ParsedNumber {
  // The fictional range's answer depends on the setting: an explicit choice is never cached.
  if (options.fictional) return parseUncached(input, options.fictional === 'accept');
  const known = recent.get(input);
  if (known) return known;
  const parsed = parseUncached(input, fictionalNumbersAccepted());
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(input, parsed);
  return parsed;
}

// No way of writing a phone number needs more; longer input is refused before any pattern runs,
// since some of the patterns below take time growing with the square of the length.
const MAX_INPUT_LENGTH = 64;

function parseUncached(input: string, fictionalAccepted: boolean): ParsedNumber {
  if (String(input ?? '').length > MAX_INPUT_LENGTH) {
    return { ok: false, code: 'not_a_number', message: `This is ${String(input).length.toLocaleString('en-US')} characters long, too long to be a phone number. Put one number per line, e.g. +14105550000.` };
  }
  const text = clean(input);
  if (text === '') {
    return { ok: false, code: 'empty', message: `No number was entered. Enter a 10-digit US or Canadian number, ${EXAMPLE}.` };
  }
  if (SCIENTIFIC.test(text)) {
    return {
      ok: false,
      code: 'scientific_notation',
      message:
        `"${text}" is in scientific notation: the spreadsheet turned the number into scientific notation and its last digits are lost. ` +
        'Format the column as Text, type the full numbers again and export the file again.',
    };
  }
  if (!/\d/.test(text) || /[a-z]/i.test(text.replace(EXTENSION, ''))) return notANumber(text);

  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, 'US');
  } catch (error) {
    return fromParseError(text, error);
  }
  if (phone.ext) {
    return {
      ok: false,
      code: 'invalid',
      message: `"${text}" has an extension (${phone.ext}). Only the main number can be ported: remove the extension.`,
    };
  }

  const e164 = phone.number;
  // With the full metadata a number is valid exactly when it has a type (libphonenumber's own isValid
  // asks for the type): asked once, not twice, which is a fifth of the parse of a 10,000-line import.
  const type = phone.getType();
  if (type === undefined) return invalid(text, phone);
  // The metadata also knows Canada's 7-digit 310-XXXX service numbers; those cannot be ported.
  if (phone.countryCallingCode === '1' && phone.nationalNumber.length !== 10) return tooShort(text);
  const region = phone.country;
  if (region !== 'US' && region !== 'CA' && !isUsTerritory(region)) return international(e164, region);
  const kind = NOT_LOCAL[type];
  if (kind) {
    return {
      ok: false,
      code: 'not_local',
      message: `${formatPhoneNumber(e164)} is ${kind}, not a local number: it cannot be ported in as a tracking number, nor receive forwarded calls. Use a local or toll-free number.`,
      e164,
    };
  }
  const national = phone.nationalNumber;
  if (N11_EXCHANGE.test(national.slice(3, 6))) {
    return {
      ok: false,
      code: 'not_assignable',
      message: `${formatPhoneNumber(e164)} cannot belong to a line: ${national.slice(3, 6)} after the area code is a service code (like 411 or 911), never part of a phone number. Check the digits.`,
      e164,
    };
  }
  if (!fictionalAccepted && isFictional(national)) {
    return {
      ok: false,
      code: 'not_assignable',
      message: `${formatPhoneNumber(e164)} is in the 555-0100 to 555-0199 range kept for films and examples: it is never a real line's number. Check the digits.`,
      e164,
    };
  }
  const country = region === 'CA' ? 'CA' : 'US';
  return isUsTerritory(region)
    ? { ok: true, e164, country, isTollFree: type === 'TOLL_FREE', region }
    : { ok: true, e164, country, isTollFree: type === 'TOLL_FREE' };
}

// Digits as phone keyboards and input methods type them: fullwidth (４) and styled (𝟒) digits
// fold to ASCII under NFKC; Arabic-Indic, Persian, Devanagari and Bengali digits by their zero.
// Only decimal digits, fullwidth punctuation and typographic spaces are folded: a superscript or circled figure
// (¹, ①) is a footnote, not a digit, and stays to be refused.
const SCRIPT_DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6];
const FOLDABLE = /[\p{Nd}\uFF01-\uFF5E\u2000-\u200A\u202F\u205F\u3000]/gu;

function asciiDigits(text: string): string {
  return text.replace(FOLDABLE, (c) => {
    const code = c.charCodeAt(0);
    const zero = SCRIPT_DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? c.normalize('NFKC') : String(code - zero);
  });
}

// What most lines are: printable ASCII has nothing to fold or strip.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function clean(input: string): string {
  const raw = String(input ?? '');
  let text = (PRINTABLE_ASCII.test(raw) ? raw : asciiDigits(raw.replace(INVISIBLE, ''))).trim();
  // ="4105550000" is how some exports force a spreadsheet to keep a number as text.
  if (/^=\s*["']/.test(text)) text = text.slice(1);
  return text.replace(QUOTES_AROUND, '');
}

function notANumber(text: string): ParsedNumber {
  const vanity = VANITY.test(text) ? ' If it is a vanity number like 1-800-FLOWERS, write it with digits.' : '';
  return {
    ok: false,
    code: 'not_a_number',
    message: `"${shorten(text)}" is not a phone number. Enter the number with digits only, ${EXAMPLE}.${vanity}`,
  };
}

function fromParseError(text: string, error: unknown): ParsedNumber {
  const reason = error instanceof ParseError ? error.message : 'NOT_A_NUMBER';
  if (reason === 'TOO_SHORT') return tooShort(text);
  if (reason === 'TOO_LONG') return tooLong(text);
  if (reason === 'INVALID_COUNTRY') {
    return {
      ok: false,
      code: 'invalid',
      message: `"${shorten(text)}" starts with a country code that does not exist. Check the digits after the +, or leave out the + for a US or Canadian number.`,
    };
  }
  return notANumber(text);
}

function invalid(text: string, phone: PhoneNumber): ParsedNumber {
  const length = phone.isPossible() ? undefined : phone.countryCallingCode === '1' ? lengthProblem(phone) : undefined;
  if (length === 'short') return tooShort(text);
  if (length === 'long') return tooLong(text);
  if (phone.countryCallingCode !== '1') {
    return {
      ok: false,
      code: 'invalid',
      message: `${phone.formatInternational()} is not a valid phone number. Check the country code and the digits.`,
    };
  }
  const national = phone.nationalNumber;
  // Formatting an invalid number through the metadata can drop the parentheses, so lay it out by hand.
  const shown = `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
  const area = national.slice(0, 3);
  // The area code is known (a US territory's, or another NANP country's): it is the exchange that is not in use.
  const where = isUsTerritory(phone.country) ? US_TERRITORIES[phone.country] : phone.country && phone.country !== 'US' && phone.country !== 'CA' ? regionName(phone.country) : undefined;
  if (where && /^[2-9]/.test(national.slice(3, 6))) {
    return {
      ok: false,
      code: 'invalid',
      message: `${shown} is not a valid number in ${where}: the three digits after area code ${area} (${national.slice(3, 6)}) are not in use there. Check the number.`,
    };
  }
  const why = /^[01]/.test(area)
    ? 'area codes never start with 0 or 1'
    : /^[01]/.test(national.slice(3, 6))
      ? 'the three digits after the area code never start with 0 or 1'
      : `area code ${area} is not in use in the US or Canada`;
  return {
    ok: false,
    code: 'invalid',
    message: `${shown} is not a valid US or Canadian number: ${why}. Check the area code and the number.`,
  };
}

function lengthProblem(phone: PhoneNumber): 'short' | 'long' | undefined {
  if (phone.nationalNumber.length < 10) return 'short';
  if (phone.nationalNumber.length > 10) return 'long';
  return undefined;
}

function tooShort(text: string): ParsedNumber {
  return {
    ok: false,
    code: 'invalid',
    message: `"${shorten(text)}" is too short. US and Canadian numbers have 10 digits with the area code: check for missing digits.`,
  };
}

function tooLong(text: string): ParsedNumber {
  return {
    ok: false,
    code: 'invalid',
    message: `"${shorten(text)}" is too long. US and Canadian numbers have 10 digits with the area code: check for extra digits, or put a second number on its own line.`,
  };
}

function international(e164: string, country: string | undefined): ParsedNumber {
  const where = country ? ` is a number outside the US and Canada (${regionName(country)})` : ' is not a US or Canadian number';
  return {
    ok: false,
    code: 'international',
    message:
      `${formatPhoneNumber(e164)}${where}. Only US and Canadian numbers can be ported here: ` +
      'international ports go through a ticket to our regulatory team, so open a support ticket to port it.',
    country,
    e164,
  };
}

function regionName(country: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
