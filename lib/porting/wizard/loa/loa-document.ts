import 'server-only';
import { createHash } from 'node:crypto';

export type LoaAddress = { street: string; unit?: string; city: string; region: string; postalCode: string; country: 'US' | 'CA' };

export type LoaDocument = {
  requestId: string;
  /** The short reference (PR-2026-0142) the letter names; absent on letters signed before references. */
  reference?: string;
  /** "Customer Name" exactly as on the bill. */
  accountHolder: string;
  billingAddress: LoaAddress;
  /** Where the lines are installed; absent when that is the billing address. */
  serviceAddress?: LoaAddress;
  losingCarrier: string;
  accountNumber: string;
  portType: 'full' | 'partial';
  /** Billing telephone number, for partial ports. */
  btn?: string;
  /** E.164. */
  numbers: { number: string; receivingNumber?: string }[];
  /** The signer, with their title at the business (absent on a letter not yet signed, or signed before titles were asked). */
  authorizedPerson: { name: string; email: string; title?: string };
  /** YYYY-MM-DD, the signing date. */
  date: string;
  /** Who the numbers are moving to. */
  serviceProvider: string;
};

export const LOA_TITLE = 'Letter of Authorization';

// Every value is flattened to one line so a field can never smuggle extra lines (say, a fake
// "PIN:" line) into the text that gets fingerprinted.
export function oneLine(value: string): string {
  return value.normalize('NFC').replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/ {2,}/g, ' ').trim();
}

export function formatBillingAddress(address: LoaAddress): string {
  const street = address.unit ? `${address.street}, ${address.unit}` : address.street;
  const country = address.country === 'US' ? 'United States' : 'Canada';
  return oneLine(`${street}, ${address.city}, ${address.region} ${address.postalCode}, ${country}`);
}

/** The labelled fields, in order, exactly as both the canonical text and the PDF show them. */
export function loaFields(doc: LoaDocument): { label: string; value: string }[] {
  const fields = [
    // A letter signed before requests had short references keeps the id it was signed with.
    doc.reference ? { label: 'Request reference', value: doc.reference } : { label: 'Request ID', value: doc.requestId },
    { label: 'Customer name (as on the bill)', value: doc.accountHolder },
    { label: 'Billing address', value: formatBillingAddress(doc.billingAddress) },
    // Always said, so nobody reading the letter wonders where the lines are.
    { label: 'Service address', value: doc.serviceAddress ? formatBillingAddress(doc.serviceAddress) : 'Same as billing address' },
    { label: 'Current (losing) carrier', value: doc.losingCarrier },
    { label: 'Account number', value: doc.accountNumber },
    {
      label: 'Port type',
      value: doc.portType === 'full' ? 'Full port (every number on the account)' : 'Partial port (some numbers on the account)',
    },
  ];
  if (doc.btn) fields.push({ label: 'Billing telephone number (BTN)', value: doc.btn });
  fields.push(
    { label: 'New service provider', value: doc.serviceProvider },
    { label: 'Authorized person', value: `${authorizedPersonName(doc)} <${doc.authorizedPerson.email}>` },
    { label: 'Date', value: doc.date },
  );
  return fields.map((field) => ({ label: field.label, value: oneLine(field.value) }));
}

/** "Dana Whitfield, Office Manager": the signer as the letter and its certificate name them. */
export function authorizedPersonName(doc: Pick<LoaDocument, 'authorizedPerson'>): string {
  const { name, title } = doc.authorizedPerson;
  return title ? `${name}, ${title}` : name;
}

/** One entry per number, in the order given. */
export function loaNumberEntries(doc: LoaDocument): string[] {
  return doc.numbers.map(({ number, receivingNumber }) =>
    oneLine(receivingNumber ? `${number} -> ${receivingNumber}` : number),
  );
}

// Not toLocaleString: the text is fingerprinted, so it must not depend on the runtime's ICU data.
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function loaStatements(doc: LoaDocument): string[] {
  const holder = oneLine(doc.accountHolder);
  const signer = oneLine(authorizedPersonName(doc));
  const carrier = oneLine(doc.losingCarrier);
  const provider = oneLine(doc.serviceProvider);
  const count = doc.numbers.length;
  const listed = count === 1 ? 'the telephone number listed' : `the ${withThousands(count)} telephone numbers listed`;
  const addresses = doc.serviceAddress ? 'billing address, service address' : 'billing address';
  const matched = doc.btn
    ? `The customer name, ${addresses}, account number and billing telephone number`
    : `The customer name, ${addresses} and account number`;
  const scope =
    doc.portType === 'full'
      ? `Because this is a full port, ${carrier} may close the account once every number has moved.`
      : `Numbers on the account that are not listed in this letter stay with ${carrier}.`;
  return [
    `${holder} (the account holder) authorizes ${provider}, and the carriers it works with, to act as its agent to transfer (port) ${listed} in this letter from ${carrier} to ${provider}.`,
    `I, ${signer}, confirm that I am the account holder or that I am authorized to act for the account holder and to make this request on its behalf.`,
    `${matched} given above match the records of ${carrier} as they appear on the current bill.`,
    `I understand that service with ${carrier} for the listed numbers ends when the port completes, and that the account with ${carrier} must stay active, with these numbers in service, until then. ${scope}`,
    `${provider} and the carriers involved may use this letter, or a copy of it, to process the port.`,
  ];
}

export function canonicalLoaText(doc: LoaDocument): string {
  const entries = loaNumberEntries(doc);
  const lines = [
    LOA_TITLE,
    '',
    ...loaFields(doc).map(({ label, value }) => `${label}: ${value}`),
    '',
    `Numbers to port (${entries.length}):`,
    ...entries,
    '',
    ...loaStatements(doc),
    '',
    `Signed by: ${oneLine(authorizedPersonName(doc))}`,
    `Date: ${oneLine(doc.date)}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function loaContentSha256(doc: LoaDocument): string {
  return createHash('sha256').update(canonicalLoaText(doc), 'utf8').digest('hex');
}
