import 'server-only';
import { PDFDict, PDFDocument, PDFFont, PDFHexString, PDFName, PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { LOA_TITLE, type LoaDocument, loaContentSha256, loaFields, loaNumberEntries, loaStatements } from './loa-document';

export type LoaSignature = { kind: 'drawn'; png: Uint8Array } | { kind: 'typed'; name: string };
export type LoaCertificate = {
  signerName: string;
  /** The signer's title at the business, as they gave it when signing. */
  signerTitle?: string | null;
  signerEmail: string;
  signedAt: Date;
  /** The address the app believed (the socket's peer, or what a configured proxy vouched for). */
  ipAddress: string;
  /** X-Forwarded-For exactly as received, beside it: evidence, not trusted. */
  forwardedFor?: string | null;
  userAgent: string;
  contentSha256: string;
  /** Signed through an emailed link: who sent the letter for signature, and when (absent when the user signed it themselves). */
  sentForSignature?: { by: string; at: Date };
};

const PAGE_SIZE: [number, number] = [612, 792]; // US Letter
const MARGIN = 54;
const FOOTER_SPACE = 30;
const BOTTOM = MARGIN + FOOTER_SPACE;
const WIDTH = PAGE_SIZE[0] - 2 * MARGIN;
const LABEL_WIDTH = 170;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.4, 0.4, 0.4);

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont; mono: PDFFont };
type TextStyle = { font: PDFFont; size: number; color?: ReturnType<typeof rgb> };

// Standard fonts only encode WinAnsi; anything else (emoji, CJK, right-to-left scripts) would make
// pdf-lib throw on user-supplied text, so it becomes '?'.
const charsets = new WeakMap<PDFFont, Set<number>>();
function winAnsi(font: PDFFont, text: string): string {
  let charset = charsets.get(font);
  if (!charset) charsets.set(font, (charset = new Set(font.getCharacterSet())));
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (/\s/.test(ch)) out += ' ';
    else out += charset.has(ch.codePointAt(0)!) ? ch : '?';
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= maxWidth;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    // Long unbroken strings (user agents, hashes) are split wherever they run out of room.
    while (!fits(current)) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(current.slice(0, cut))) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

class Writer {
  page!: PDFPage;
  y = 0;

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.pdf.addPage(PAGE_SIZE);
    this.y = PAGE_SIZE[1] - MARGIN;
  }

  ensure(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  paragraph(text: string, style: TextStyle, { x = MARGIN, width = WIDTH, gap = 4 } = {}) {
    const lineHeight = style.size * 1.35;
    for (const line of wrap(winAnsi(style.font, text), style.font, style.size, width)) {
      this.ensure(lineHeight);
      this.page.drawText(line, { x, y: this.y - style.size, size: style.size, font: style.font, color: style.color ?? INK });
      this.y -= lineHeight;
    }
    this.y -= gap;
  }

  heading(text: string, size = 13) {
    this.ensure(size * 3);
    this.y -= size * 0.6;
    this.paragraph(text, { font: this.fonts.bold, size }, { gap: 6 });
  }

  field(label: string, value: string, { font: valueFont = this.fonts.regular, size = 10 } = {}) {
    const lines = wrap(winAnsi(valueFont, value), valueFont, size, WIDTH - LABEL_WIDTH);
    const lineHeight = 13.5;
    const labelLines = wrap(winAnsi(this.fonts.bold, label), this.fonts.bold, 10, LABEL_WIDTH - 8);
    this.ensure(Math.max(labelLines.length, Math.min(lines.length, 3)) * lineHeight);
    const labelPage = this.page;
    labelLines.forEach((line, i) =>
      this.page.drawText(line, { x: MARGIN, y: this.y - 10 - i * lineHeight, size: 10, font: this.fonts.bold, color: MUTED }),
    );
    const labelBottom = this.y - labelLines.length * lineHeight;
    for (const line of lines) {
      this.ensure(lineHeight);
      this.page.drawText(line, { x: MARGIN + LABEL_WIDTH, y: this.y - 10, size, font: valueFont, color: INK });
      this.y -= lineHeight;
    }
    if (this.page === labelPage) this.y = Math.min(this.y, labelBottom);
    this.y -= 3;
  }

  // Column-major on each page, so a long list reads down one column, then the next.
  columns(entries: string[], continued: string) {
    const { mono } = this.fonts;
    const size = 9;
    const lineHeight = 12;
    const gap = 18;
    const safe = entries.map((entry) => winAnsi(mono, entry));
    const columnWidth = safe.reduce((widest, entry) => Math.max(widest, mono.widthOfTextAtSize(entry, size)), 1);
    const perRow = Math.max(1, Math.min(6, Math.floor((WIDTH + gap) / (columnWidth + gap))));
    if (perRow === 1) {
      for (const entry of safe) this.paragraph(entry, { font: mono, size }, { gap: 0 });
      return;
    }
    let next = 0;
    while (next < safe.length) {
      const rows = Math.floor((this.y - BOTTOM) / lineHeight);
      if (rows < 1) {
        this.newPage();
        continue;
      }
      const count = Math.min(rows * perRow, safe.length - next);
      const rowsUsed = Math.ceil(count / perRow);
      for (let k = 0; k < count; k++) {
        const x = MARGIN + Math.floor(k / rowsUsed) * (columnWidth + gap);
        const y = this.y - (k % rowsUsed) * lineHeight - size;
        this.page.drawText(safe[next + k], { x, y, size, font: mono, color: INK });
      }
      next += count;
      this.y -= rowsUsed * lineHeight;
      if (next < safe.length) {
        this.newPage();
        this.paragraph(continued, { font: this.fonts.regular, size: 9, color: MUTED }, { gap: 4 });
      }
    }
    this.y -= 4;
  }
}

async function drawSignature(w: Writer, doc: LoaDocument, signature: LoaSignature) {
  const boxHeight = 70;
  w.ensure(boxHeight + 110);
  w.heading('Signature');
  if (signature.kind === 'drawn') {
    const image = await w.pdf.embedPng(signature.png);
    const scale = Math.min(240 / image.width, boxHeight / image.height);
    const { width, height } = image.scale(scale);
    w.page.drawImage(image, { x: MARGIN, y: w.y - boxHeight, width, height });
    w.y -= boxHeight + 4;
  } else {
    w.y -= boxHeight - 46;
    w.paragraph(signature.name, { font: w.fonts.italic, size: 26 }, { gap: 2 });
  }
  w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: MARGIN + 300, y: w.y }, thickness: 0.75, color: MUTED });
  w.y -= 4;
  const how =
    signature.kind === 'typed'
      ? 'Signed electronically by typing their name'
      : 'Signed electronically by drawing their signature';
  w.paragraph(how, { font: w.fonts.regular, size: 9, color: MUTED }, { gap: 6 });
  w.field('Name', doc.authorizedPerson.name);
  if (doc.authorizedPerson.title) w.field('Title', doc.authorizedPerson.title);
  w.field('Date', doc.date);
}

function drawCertificate(w: Writer, doc: LoaDocument, certificate: LoaCertificate) {
  w.ensure(200);
  w.heading('Certificate of signature');
  w.paragraph(
    `This letter was signed electronically. ${doc.serviceProvider} recorded the following when it was signed.`,
    { font: w.fonts.regular, size: 9, color: MUTED },
    { gap: 8 },
  );
  w.field('Signer name', certificate.signerName);
  if (certificate.signerTitle) w.field('Signer title', certificate.signerTitle);
  w.field('Signer email', certificate.signerEmail);
  if (certificate.sentForSignature) {
    w.field('Sent for signature', `by ${certificate.sentForSignature.by} on ${certificate.sentForSignature.at.toISOString()} (UTC), as a single-use link to the signer's email`);
  }
  w.field('Signed at (UTC)', certificate.signedAt.toISOString());
  w.field('IP address', certificate.ipAddress);
  w.field('Forwarded for (as received)', certificate.forwardedFor || 'none');
  w.field('User agent', certificate.userAgent);
  // 8.5pt is the largest Courier size at which all 64 hex digits fit on one line.
  w.field('LOA content SHA-256', certificate.contentSha256, { font: w.fonts.mono, size: 8.5 });
}

function drawFooters(pdf: PDFDocument, fonts: Fonts, requestId: string) {
  const pages = pdf.getPages();
  const size = 8;
  const [reference] = wrap(winAnsi(fonts.regular, `${LOA_TITLE} - request ${requestId}`), fonts.regular, size, WIDTH - 100);
  pages.forEach((page, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    const y = MARGIN - 20;
    page.drawText(reference, { x: MARGIN, y, size, font: fonts.regular, color: MUTED });
    const x = PAGE_SIZE[0] - MARGIN - fonts.regular.widthOfTextAtSize(label, size);
    page.drawText(label, { x, y, size, font: fonts.regular, color: MUTED });
  });
}

function writeMetadata(pdf: PDFDocument, doc: LoaDocument, certificate: LoaCertificate) {
  pdf.setTitle(LOA_TITLE);
  pdf.setSubject(`${LOA_TITLE} for porting request ${doc.requestId}`);
  pdf.setKeywords(['LOA', `request:${doc.requestId}`, `sha256:${certificate.contentSha256}`]);
  pdf.setAuthor(certificate.signerName);
  pdf.setCreator(doc.serviceProvider);
  pdf.setProducer('Port Numbers');
  pdf.setCreationDate(certificate.signedAt);
  pdf.setModificationDate(certificate.signedAt);
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  const extra: Record<string, string> = {
    RequestId: doc.requestId,
    SignerName: certificate.signerName,
    ...(certificate.signerTitle ? { SignerTitle: certificate.signerTitle } : {}),
    SignerEmail: certificate.signerEmail,
    SignedAt: certificate.signedAt.toISOString(),
    SignerIpAddress: certificate.ipAddress,
    SignerForwardedFor: certificate.forwardedFor || 'none',
    SignerUserAgent: certificate.userAgent,
    ContentSha256: certificate.contentSha256,
    ...(certificate.sentForSignature
      ? { SentForSignatureBy: certificate.sentForSignature.by, SentForSignatureAt: certificate.sentForSignature.at.toISOString() }
      : {}),
  };
  for (const [key, value] of Object.entries(extra)) info.set(PDFName.of(key), PDFHexString.fromText(value));
}

export async function renderLoaPdf(doc: LoaDocument, signature: LoaSignature, certificate: LoaCertificate): Promise<Uint8Array> {
  // The certificate vouches for this exact content; rendering a different document under it would be a forgery.
  if (certificate.contentSha256 !== loaContentSha256(doc)) {
    throw new Error(`LOA certificate SHA-256 does not match the content of request ${doc.requestId}`);
  }
  // No automatic "now" timestamps: the same signed LOA always renders to the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.TimesRomanItalic),
    mono: await pdf.embedFont(StandardFonts.Courier),
  };
  const w = new Writer(pdf, fonts);
  w.paragraph(LOA_TITLE, { font: fonts.bold, size: 20 }, { gap: 2 });
  w.paragraph(`Authorization to port telephone numbers to ${doc.serviceProvider}`, { font: fonts.regular, size: 10, color: MUTED }, { gap: 10 });
  for (const { label, value } of loaFields(doc)) w.field(label, value);

  const entries = loaNumberEntries(doc);
  w.heading(`Numbers to port (${entries.length})`);
  w.columns(entries, 'Numbers to port (continued)');

  w.heading('Authorization');
  for (const statement of loaStatements(doc)) w.paragraph(statement, { font: fonts.regular, size: 10 }, { gap: 6 });

  await drawSignature(w, doc, signature);
  drawCertificate(w, doc, certificate);
  drawFooters(pdf, fonts, doc.reference ?? doc.requestId);
  writeMetadata(pdf, doc, certificate);
  return pdf.save();
}
