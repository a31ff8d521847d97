import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { PDFDocument } from 'pdf-lib';
import { type LoaDocument, canonicalLoaText, loaContentSha256, loaStatements } from '@/lib/porting/wizard/loa/loa-document';
import { type LoaCertificate, renderLoaPdf } from '@/lib/porting/wizard/loa/render-loa-pdf';
import { makePng } from '@/tests/fixtures/proof/samples';

const doc: LoaDocument = {
  requestId: 'pr_8f3a2c',
  accountHolder: 'Acme Plumbing LLC',
  billingAddress: { street: '100 Main St', unit: 'Suite 4', city: 'Baltimore', region: 'MD', postalCode: '21201', country: 'US' },
  losingCarrier: 'Verizon',
  accountNumber: '987654321-00001',
  portType: 'partial',
  btn: '+14105550199',
  numbers: [{ number: '+14105550100' }, { number: '+14105550101', receivingNumber: '+14435550111' }, { number: '+16475550123' }],
  authorizedPerson: { name: 'Dana Whitfield', email: 'dana@acme.example' },
  date: '2025-03-14',
  serviceProvider: 'Call Tracking Platform',
};

function certificateFor(d: LoaDocument, overrides: Partial<LoaCertificate> = {}): LoaCertificate {
  return {
    signerName: d.authorizedPerson.name,
    signerEmail: d.authorizedPerson.email,
    signedAt: new Date('2025-03-14T15:09:26.535Z'),
    ipAddress: '203.0.113.42',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 ' +
      'SomeEmbeddedBrowserWithAVeryLongTokenThatHasNoSpacesAtAllAndMustStillBeWrappedSomehowAcrossLines/1.0',
    contentSha256: loaContentSha256(d),
    ...overrides,
  };
}

// pdf.js splits drawn lines into items and may add line breaks; compare on text with all whitespace removed.
async function readPdf(bytes: Uint8Array) {
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(proxy, { mergePages: true });
  const { info } = await getMeta(proxy);
  return { totalPages, text, flat: text.replace(/\s+/g, ''), info };
}
const flat = (s: string) => s.replace(/\s+/g, '');

test.each([
  ['typed', { kind: 'typed', name: 'Dana Whitfield' } as const],
  ['drawn', { kind: 'drawn', png: makePng(300, 100) } as const],
])('renders a %s-signature LOA whose text carries every field, number and the certificate', async (kind, signature) => {
  const certificate = certificateFor(doc);
  const pdf = await renderLoaPdf(doc, signature, certificate);
  const { text, flat: content, info } = await readPdf(pdf);

  expect(text).toContain('Letter of Authorization');
  expect(text).toContain('Certificate of signature');
  for (const value of ['Acme Plumbing LLC', '100 Main St, Suite 4, Baltimore, MD 21201', 'Verizon', '987654321-00001', '+14105550199']) {
    expect(content).toContain(flat(value));
  }
  for (const { number } of doc.numbers) expect(content).toContain(number);
  expect(content).toContain('+14435550111');
  for (const statement of loaStatements(doc)) expect(content).toContain(flat(statement));

  const recorded = content.slice(content.indexOf('Certificateofsignature'));
  expect(recorded).toContain('SignernameDanaWhitfield');
  expect(recorded).toContain('Signeremaildana@acme.example');
  expect(recorded).toContain('Signedat(UTC)2025-03-14T15:09:26.535Z');
  expect(recorded).toContain('IPaddress203.0.113.42');
  expect(recorded).toContain(`Useragent${flat(certificate.userAgent)}`);
  expect(recorded).toContain(`SHA-256${certificate.contentSha256}`);
  expect(text).toMatch(/Page 1 of \d+/);
  expect(content).toContain('pr_8f3a2c');
  if (kind === 'typed') expect(text).toContain('Signed electronically by typing their name');

  expect(info.Title).toBe('Letter of Authorization');
  expect(info.Subject).toContain('pr_8f3a2c');
  expect(info.Keywords).toContain(certificate.contentSha256);
});

test('embeds the drawn signature as an image', async () => {
  const pdf = await PDFDocument.load(await renderLoaPdf(doc, { kind: 'drawn', png: makePng() }, certificateFor(doc)));
  const xobjects = pdf.getPages().flatMap((page) => page.node.normalizedEntries().XObject?.keys() ?? []);
  expect(xobjects.length).toBe(1);
});

test('writes the certificate into the PDF metadata', async () => {
  const certificate = certificateFor(doc);
  const pdf = await PDFDocument.load(await renderLoaPdf(doc, { kind: 'typed', name: 'Dana Whitfield' }, certificate));
  expect(pdf.getTitle()).toBe('Letter of Authorization');
  expect(pdf.getKeywords()).toContain(`sha256:${certificate.contentSha256}`);
  expect(pdf.getAuthor()).toBe('Dana Whitfield');
  expect(pdf.getCreationDate()?.toISOString()).toBe('2025-03-14T15:09:26.000Z');
  const { info } = await readPdf(await renderLoaPdf(doc, { kind: 'typed', name: 'Dana Whitfield' }, certificate));
  expect(info.Custom).toMatchObject({
    SignerEmail: 'dana@acme.example',
    SignerIpAddress: '203.0.113.42',
    SignedAt: '2025-03-14T15:09:26.535Z',
    ContentSha256: certificate.contentSha256,
  });
});

test('renders the same bytes for the same signed LOA', async () => {
  const signature = { kind: 'typed', name: 'Dana Whitfield' } as const;
  const first = await renderLoaPdf(doc, signature, certificateFor(doc));
  const second = await renderLoaPdf(doc, signature, certificateFor(doc));
  expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
});

test('refuses a certificate whose SHA-256 is not this content', async () => {
  await expect(
    renderLoaPdf(doc, { kind: 'typed', name: 'Dana Whitfield' }, certificateFor(doc, { contentSha256: '0'.repeat(64) })),
  ).rejects.toThrow(/does not match/);
});

test('paginates 10,000 numbers and keeps every one of them', async () => {
  const numbers = Array.from({ length: 10_000 }, (_, i) => ({ number: `+1410${String(2000000 + i).padStart(7, '0')}` }));
  const big = { ...doc, portType: 'full' as const, btn: undefined, numbers };
  const pdf = await renderLoaPdf(big, { kind: 'typed', name: 'Dana Whitfield' }, certificateFor(big));
  const { totalPages, text } = await readPdf(pdf);
  expect(totalPages).toBeGreaterThan(10);
  expect(text).toContain(`Page ${totalPages} of ${totalPages}`);
  const found = new Set(text.match(/\+1410\d{7}/g));
  for (const { number } of numbers) expect(found.has(number)).toBe(true);
  expect(text).toContain('Certificate of signature');
}, 60_000);

test('never throws on text the standard fonts cannot encode', async () => {
  const odd: LoaDocument = {
    ...doc,
    accountHolder: 'Café 🚀 مطعم 東京 Ltd\u200d\n',
    billingAddress: { ...doc.billingAddress, street: '12 שדרות 👩‍👩‍👧', country: 'CA' },
    losingCarrier: 'Rogers\u202e',
    authorizedPerson: { name: 'Zoë 😀', email: 'zoe@example.com' },
  };
  const certificate = certificateFor(odd, { userAgent: 'Agent 🤖 ' + 'x'.repeat(600) });
  const pdf = await renderLoaPdf(odd, { kind: 'typed', name: 'Zoë 😀 زوی' }, certificate);
  const { text, info } = await readPdf(pdf);
  expect(text).toContain('Café ? ???? ?? Ltd');
  expect(text).toContain('Zoë ?');
  expect(info.Custom.SignerName).toBe('Zoë 😀');
});

describe('canonicalLoaText', () => {
  test('is deterministic and lists everything the signer agrees to', () => {
    const text = canonicalLoaText(doc);
    expect(canonicalLoaText(structuredClone(doc))).toBe(text);
    expect(text.startsWith('Letter of Authorization\n')).toBe(true);
    for (const { number } of doc.numbers) expect(text).toContain(number);
    for (const statement of loaStatements(doc)) expect(text).toContain(statement);
    expect(text).toContain('Date: 2025-03-14');
    expect(loaContentSha256(doc)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('has no PIN or passcode field, even when someone slips one into a value', () => {
    const sneaky = { ...doc, accountNumber: '987654321\nPIN: 4321' } as LoaDocument;
    const text = canonicalLoaText(sneaky);
    expect(canonicalLoaText(doc)).not.toMatch(/\b(pin|passcode|security code)\b/i);
    expect(text.split('\n').some((line) => /^PIN:/i.test(line))).toBe(false);
    // @ts-expect-error the LOA document type has no place for a PIN
    const withPin: LoaDocument = { ...doc, pin: '4321' };
    expect(canonicalLoaText(withPin)).toBe(canonicalLoaText(doc));
  });

  test.each<[string, (d: LoaDocument) => LoaDocument]>([
    ['a number', (d) => ({ ...d, numbers: [...d.numbers.slice(0, -1), { number: '+16475550124' }] })],
    ['a receiving number', (d) => ({ ...d, numbers: d.numbers.map((n) => ({ number: n.number, receivingNumber: '+14435550999' })) })],
    ['the account holder', (d) => ({ ...d, accountHolder: 'Acme Plumbing Inc' })],
    ['the signer', (d) => ({ ...d, authorizedPerson: { ...d.authorizedPerson, name: 'Dan Whitfield' } })],
    ['the address', (d) => ({ ...d, billingAddress: { ...d.billingAddress, postalCode: '21202' } })],
    ['the unit', (d) => ({ ...d, billingAddress: { ...d.billingAddress, unit: undefined } })],
    ['the port type', (d) => ({ ...d, portType: 'full' })],
    ['the date', (d) => ({ ...d, date: '2025-03-15' })],
    ['the signer\'s title', (d) => ({ ...d, authorizedPerson: { ...d.authorizedPerson, title: 'Owner' } })],
    ['the service address', (d) => ({ ...d, serviceAddress: { street: '9 Harbor Way', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' } })],
  ])('changes its SHA-256 when %s changes', (_, change) => {
    expect(loaContentSha256(change(doc))).not.toBe(loaContentSha256(doc));
  });
});

describe('the authorized person\'s title and the service address', () => {
  const titled: LoaDocument = {
    ...doc,
    serviceAddress: { street: '9 Harbor Way', unit: 'Bay 2', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' },
    authorizedPerson: { ...doc.authorizedPerson, title: 'Office Manager' },
  };

  test('the letter names the signer "Name, Title" and prints where the lines are installed', () => {
    const text = canonicalLoaText(titled);
    expect(text).toContain('Authorized person: Dana Whitfield, Office Manager <dana@acme.example>');
    expect(text).toContain('Service address: 9 Harbor Way, Bay 2, Towson, MD 21204, United States');
    expect(text).toContain('I, Dana Whitfield, Office Manager, confirm that I am the account holder');
    expect(text).toContain('The customer name, billing address, service address, account number and billing telephone number given above match');
    expect(text).toContain('Signed by: Dana Whitfield, Office Manager');
  });

  test('the same as billing is said in words, and nothing is made up for a letter without a title', () => {
    const text = canonicalLoaText(doc);
    expect(text).toContain('Service address: Same as billing address');
    expect(text).toContain('Authorized person: Dana Whitfield <dana@acme.example>');
    expect(text).toContain('The customer name, billing address, account number and billing telephone number given above match');
  });

  test('the PDF carries both, and its certificate and metadata the signer\'s title', async () => {
    const certificate = certificateFor(titled, { signerTitle: 'Office Manager' });
    const { flat: content, info } = await readPdf(await renderLoaPdf(titled, { kind: 'typed', name: 'Dana Whitfield' }, certificate));
    expect(content).toContain(flat('Service address 9 Harbor Way, Bay 2, Towson, MD 21204, United States'));
    expect(content).toContain(flat('Authorized person Dana Whitfield, Office Manager <dana@acme.example>'));
    const recorded = content.slice(content.indexOf('Certificateofsignature'));
    expect(recorded).toContain('SignernameDanaWhitfieldSignertitleOfficeManager');
    expect(info.Custom).toMatchObject({ SignerName: 'Dana Whitfield', SignerTitle: 'Office Manager' });
  });
});
