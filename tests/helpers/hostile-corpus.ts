import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The hostile-input corpus, as data: every file in tests/fixtures/hostile/{numbers,proof} (written
 * by tests/fixtures/hostile/generate.ts), what is wrong with it, and what the user should see.
 * tests/integration/hostile-input.test.ts runs each one through the real services.
 */

export const HOSTILE_DIR = path.join(__dirname, '..', 'fixtures', 'hostile');
export const NUMBERS_DIR = path.join(HOSTILE_DIR, 'numbers');
export const PROOF_DIR = path.join(HOSTILE_DIR, 'proof');

export function readNumberFixture(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(NUMBERS_DIR, file)));
}

export function readProofFixture(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(PROOF_DIR, file)));
}

// ---------------------------------------------------------------------------------------------
// Number lists (CSV upload or pasted text)
// ---------------------------------------------------------------------------------------------

/** The defaults chosen once for all lines on the page, as the Numbers step sends them. */
export const NUMBER_DEFAULTS = { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' } as const;

export type NumberFixture =
  | {
      file: string;
      about: string;
      /** The whole file is refused with one message (readNumberLines ok:false); nothing is saved. */
      expect: 'refused whole file';
      message: RegExp;
      note?: string;
    }
  | {
      file: string;
      about: string;
      /**
       * The file is read line by line; good lines are saved, every other line is refused with its
       * own message. 'no lines kept' when no line of the file is a portable number.
       */
      expect: 'some lines kept' | 'no lines kept';
      /** Exactly the E.164 numbers saved to the draft, in file order (its length is the number of good lines). */
      kept: string[];
      /** How many lines the reader hands to the checks (header and blank lines excluded). */
      lines: number;
      /** The line numbers (1-based, header counted) reported for the kept lines, where line endings are the point. */
      keptLineNumbers?: number[];
      /** Refusal codes expected among the refused lines, where they are the point of the file. */
      refusedCodes?: string[];
      /** Product behaviour that is questionable: asserted as it is today, reported for a decision. */
      note?: string;
    };

const US = (last4: string) => `+1410555${last4}`;
const USs = (...last4: string[]) => last4.map(US);

const NOT_TEXT = /is not a text or CSV file/;

export const NUMBER_CORPUS: NumberFixture[] = [
  // --- nothing to read ---
  { file: 'empty.csv', about: 'a 0-byte file', expect: 'refused whole file', message: /is empty/ },
  { file: 'blank-lines-only.txt', about: 'only blank lines, spaces and tabs, mixed line endings', expect: 'refused whole file', message: /is empty/ },
  { file: 'delimiters-only.csv', about: 'only commas, semicolons and tabs', expect: 'refused whole file', message: /is empty/ },
  { file: 'header-only.csv', about: 'the header row and nothing else', expect: 'refused whole file', message: /has no numbers to port/ },
  { file: 'header-only-bom.csv', about: 'a UTF-8 BOM, a one-word header and blank lines', expect: 'refused whole file', message: /has no numbers to port/ },
  { file: 'only-header-words.txt', about: 'a header followed by more header-like words', expect: 'no lines kept', kept: [], lines: 3, refusedCodes: ['not_a_number', 'not_a_number', 'not_a_number'] },

  // --- not text at all ---
  { file: 'binary-random.csv', about: '4 KB of random bytes (with NULs)', expect: 'refused whole file', message: NOT_TEXT },
  {
    file: 'binary-no-nul.csv',
    about: '2 KB of random bytes without a single NUL',
    expect: 'refused whole file',
    message: NOT_TEXT,
    note: 'Bytes that are not UTF-8 and full of control characters are binary, NUL or not (they used to be read as Windows-1252: 22 lines of garbage).',
  },
  { file: 'zip-renamed.csv', about: 'a real zip archive (PK\\x03\\x04) holding numbers.csv, renamed .csv', expect: 'refused whole file', message: /zip archive or an Excel workbook/ },
  { file: 'xlsx-renamed.csv', about: 'an .xlsx-like zip ([Content_Types].xml, sheet1.xml) renamed .csv', expect: 'refused whole file', message: /zip archive or an Excel workbook/ },
  { file: 'pdf-renamed.csv', about: 'a PDF whose page shows a number, renamed .csv', expect: 'refused whole file', message: /is a PDF, not a text or CSV file/ },
  { file: 'utf16le-bom.csv', about: 'UTF-16 LE with BOM (Excel "Unicode Text")', expect: 'refused whole file', message: /UTF-16/ },
  { file: 'utf16be-bom.csv', about: 'UTF-16 BE with BOM', expect: 'refused whole file', message: /UTF-16/ },
  { file: 'utf16le-no-bom.txt', about: 'UTF-16 LE without a BOM (every other byte is NUL)', expect: 'refused whole file', message: NOT_TEXT },
  { file: 'utf32le-bom.txt', about: 'UTF-32 LE with BOM (FF FE 00 00)', expect: 'refused whole file', message: /UTF-16/, note: 'Called UTF-16 in the message; the advice (save as CSV UTF-8) is still right.' },
  {
    file: 'nul-in-one-line.csv',
    about: 'three good lines, one of them with a NUL byte in the middle',
    expect: 'some lines kept',
    kept: USs('0110', '0112'),
    lines: 3,
    note: 'A stray NUL no longer costs the whole file: its line is refused, shown with \uFFFD where the NUL was.',
  },
  { file: 'png-renamed.csv', about: 'a PNG image renamed .csv', expect: 'refused whole file', message: NOT_TEXT },
  { file: 'gif-renamed.txt', about: 'a GIF image renamed .txt', expect: 'refused whole file', message: NOT_TEXT },
  { file: 'exe-header.csv', about: 'a DOS/Windows executable header (MZ ... "This program cannot be run in DOS mode") renamed .csv', expect: 'refused whole file', message: NOT_TEXT },
  { file: 'elf-header.txt', about: 'an ELF executable header renamed .txt', expect: 'refused whole file', message: NOT_TEXT },
  { file: 'gzip-renamed.csv', about: 'a gzip-compressed list renamed .csv', expect: 'refused whole file', message: NOT_TEXT },

  // --- formulas (CSV injection) ---
  {
    file: 'formula-cells.csv',
    about: "formula cells (=cmd|' /C calc'!A0, +SUM(1), -1, @A1, =HYPERLINK) as the number, and as receiving number, source and account of good numbers",
    expect: 'some lines kept',
    kept: USs('0110', '0115'),
    lines: 14,
    refusedCodes: ['not_a_number', 'not_a_number', 'invalid', 'not_a_number', 'not_a_number', 'not_a_number', 'not_a_number', 'not_a_number', 'receiving_invalid', 'unknown_source', 'unknown_account', 'unknown_account'],
  },
  {
    file: 'formula-prefixed-numbers.csv',
    about: 'numbers behind formula triggers: =4105550116, +4105550117, -4105550118, @4105550119, =+..., =-..., ==...',
    expect: 'some lines kept',
    kept: USs('0116', '0118', '0119', '0120', '0121', '0122'),
    lines: 7,
    note: 'The formula trigger (=, -, @, ==) is silently dropped and the number accepted; what is saved is clean E.164, so no formula reaches the database or an export. "+4105550117" is read as a Swiss (+41) number and refused.',
  },
  { file: 'excel-text-forced.csv', about: 'Excel text-forcing: ="4105550123", \'4105550125, "=""4105550126"""', expect: 'some lines kept', kept: USs('0123', '0124', '0125', '0126'), lines: 6, refusedCodes: ['empty', 'empty'] },
  { file: 'dde-payloads.csv', about: 'DDE, IMPORTXML and WEBSERVICE formulas, tab/space-prefixed formulas (the first line makes it a semicolon file)', expect: 'some lines kept', kept: USs('0127'), lines: 7 },

  // --- numbers in odd formats ---
  {
    file: 'odd-formats-good.csv',
    about: 'one good number per line in every common format: spaces, dots, dashes, parentheses, +1, 1-, 011 1 (US exit code), slashes, brackets, curly quotes, trailing commas',
    expect: 'some lines kept',
    kept: USs('0110', '0111', '0112', '0113', '0114', '0115', '0116', '0117', '0118', '0119', '0120', '0121', '0122', '0123', '0124', '0125', '0126', '0127'),
    lines: 18,
  },
  {
    file: 'odd-formats-refused.txt',
    about: '00 prefix, too short, too long, +0, +999, 0x..., NaN/Infinity/null/TRUE, *67 and #31# star codes, two numbers on one line, area codes starting 0/1',
    expect: 'no lines kept',
    kept: [],
    lines: 28,
  },
  { file: 'vanity-and-extensions.txt', about: 'letters (1-800-FLOWERS), extensions (x123, ext. 5, extension 12, ;ext=5), tel: URIs', expect: 'no lines kept', kept: [], lines: 12 },
  {
    file: 'scientific-notation.csv',
    about: 'spreadsheet scientific notation: 4.10555E+09, 4.105550139E9, 1e10, -4.10555E+09 (and 4,10555E+09 split by the comma)',
    expect: 'some lines kept',
    kept: USs('0139'),
    lines: 8,
    refusedCodes: ['scientific_notation', 'invalid', 'scientific_notation', 'scientific_notation', 'scientific_notation', 'scientific_notation', 'scientific_notation'],
  },
  {
    file: 'international-and-country-codes.txt',
    about: 'UK, France, Mexico, Russia, China, Bahamas (+1 242), Jamaica (+1 876), 011 44 ...; one Canadian and one US number',
    expect: 'some lines kept',
    kept: ['+14165550142', US('0143')],
    lines: 10,
  },
  {
    file: 'unicode-digits.txt',
    about: 'fullwidth ４１０..., Arabic-Indic ٤١٠..., Persian ۴۱۰..., Devanagari, mathematical bold, superscript, circled and keycap digits',
    expect: 'some lines kept',
    kept: USs('0140', '0141', '0142', '0143', '0144', '0148', '0149'),
    lines: 10,
    note: 'Fullwidth, Arabic-Indic, Persian, Devanagari and mathematical digits are read as the digits they are (phone keyboards and input methods produce them); superscript, circled and keycap figures are not decimal digits and are refused.',
  },

  // --- markup and script ---
  {
    file: 'html-every-column.csv',
    about: '<script>, <img onerror>, <svg onload>, <iframe>, javascript: links in every column; a 5th column with a script',
    expect: 'some lines kept',
    kept: USs('0155', '0156'),
    lines: 9,
    refusedCodes: ['not_a_number', 'receiving_invalid', 'unknown_source', 'unknown_account', 'not_a_number', 'not_a_number', 'not_a_number'],
  },
  {
    file: 'script-pasted.txt',
    about: 'pasted script, </textarea> breakout, <style>, javascript:, HTML comments around numbers',
    expect: 'some lines kept',
    kept: USs('0158', '0159', '0154'),
    lines: 7,
    note: '"<!-- 4105550158 -->" and "4105550159<!--" are accepted: markup without Latin letters around digits is silently dropped (only the E.164 number is saved).',
  },
  { file: 'emoji.csv', about: 'emoji before/after/inside numbers, in source and account names, flags, ZWJ family sequences', expect: 'some lines kept', kept: USs('0160', '0161', '0166', '0167'), lines: 10 },
  {
    file: 'rtl-hebrew-arabic.csv',
    about: 'Hebrew header, RLO (U+202E) reversed number, RLM/LRM marks, Arabic and Hebrew labels, Hebrew source, RLO-reversed account name, Arabic-Indic digits',
    expect: 'some lines kept',
    kept: USs('0170', '0171', '0172', '0173', '0174', '0178', '0179'),
    lines: 12,
    note: 'Direction marks (LRM, RLM) are ignored like zero-width characters; a right-to-left override (U+202E) is not, since it shows digits in another order than they are. "رقم 4105550173" (Arabic label) is accepted while "Tel: 410-555-0168" (Latin label) is refused.',
  },
  { file: 'bidi-controls.txt', about: 'numbers wrapped in LRE/PDF, LRI/PDI, ALM, RLM, LRO; one with RLO inside', expect: 'some lines kept', kept: USs('0180', '0181', '0183', '0184', '0185'), lines: 6 },

  // --- line endings, delimiters, quotes ---
  { file: 'line-endings-mixed.csv', about: 'CRLF, CR and LF mixed in one file, blank lines of each kind, no final newline', expect: 'some lines kept', kept: USs('0110', '0111', '0112', '0113', '0114', '0115'), lines: 6, keptLineNumbers: [2, 3, 4, 6, 8, 11] },
  { file: 'line-endings-cr-only.csv', about: 'classic Mac CR-only line endings', expect: 'some lines kept', kept: USs('0116', '0117', '0118'), lines: 3, keptLineNumbers: [2, 3, 5] },
  { file: 'line-endings-crlf-blank-lines.csv', about: 'CRLF with blank, whitespace-only and comma-only lines before and after the header', expect: 'some lines kept', kept: USs('0119', '0120', '0121'), lines: 3, keptLineNumbers: [7, 10, 12] },
  { file: 'no-trailing-newline.txt', about: 'the last line has no newline', expect: 'some lines kept', kept: USs('0122', '0123'), lines: 2 },
  { file: 'semicolon-separated.csv', about: 'semicolon-separated (European Excel), a quoted "410,555,0125", a sub-account', expect: 'some lines kept', kept: USs('0124', '0126', '0127'), lines: 4 },
  { file: 'tab-separated.txt', about: 'tab-separated with quoted cells and an all-tabs line', expect: 'some lines kept', kept: USs('0128', '0129', '0130'), lines: 3 },
  { file: 'delimiter-mismatch.txt', about: 'first line tab-separated, later lines comma- and semicolon-separated', expect: 'some lines kept', kept: USs('0131', '0134'), lines: 4 },
  { file: 'quoted-newlines.csv', about: 'quoted fields spanning lines in the number, receiving and source columns', expect: 'some lines kept', kept: USs('0138'), lines: 7 },
  { file: 'unbalanced-quotes.csv', about: 'stray opening and closing quotes that would swallow the rest of the file', expect: 'some lines kept', kept: USs('0139', '0140', '0141', '0142', '0143'), lines: 5 },
  { file: 'quote-storm.csv', about: 'runs of double quotes, tripled quotes around numbers, single quotes', expect: 'some lines kept', kept: USs('0144', '0145', '0146', '0147', '0148'), lines: 9 },
  { file: 'crlf-quoted-formula.csv', about: 'a quoted formula with a CRLF inside, followed by a number in the same quotes', expect: 'some lines kept', kept: USs('0149', '0150'), lines: 3 },

  // --- injection-looking text ---
  {
    file: 'sql-injection.csv',
    about: "'; drop table users; --, OR 1=1, Bobby Tables, pg_sleep, string concatenation in the receiving number, in every column",
    expect: 'some lines kept',
    kept: USs('0155'),
    lines: 9,
    refusedCodes: ['not_a_number', 'not_a_number', 'unknown_account', 'not_a_number', 'unknown_source', 'not_a_number', 'not_a_number', 'receiving_invalid'],
  },
  { file: 'template-injection.txt', about: '{{7*7}}, ${7*7}, <%= %>, printf %n, constructor/__proto__/toString/hasOwnProperty as source and account', expect: 'some lines kept', kept: USs('0159'), lines: 10 },
  { file: 'urls-and-paths.txt', about: 'path traversal, file://, cloud metadata URL, UNC paths', expect: 'some lines kept', kept: USs('0162'), lines: 8 },
  {
    file: 'json-xml-yaml.txt',
    about: 'JSON, an XXE document, YAML (including a python/object tag)',
    expect: 'some lines kept',
    kept: USs('0164', '0166', '0167'),
    lines: 7,
  },
  { file: 'labels-and-prefixes.txt', about: 'numbers with Latin labels (Tel:, Phone, Fax, mobile=, (office))', expect: 'some lines kept', kept: USs('0174'), lines: 7 },

  // --- very long values ---
  {
    file: 'long-account-name.csv',
    about: 'a 10,000-character and a 300-character account name',
    expect: 'some lines kept',
    kept: USs('0177'),
    lines: 3,
    refusedCodes: ['unknown_account', 'unknown_account'],
    note: 'The refusal message repeats the whole account name (10,000 characters here; 1 MB in the generated case); numbers are shortened to 40 characters, names are not.',
  },
  { file: 'long-source-name.csv', about: 'a 9,900-character tracking source', expect: 'some lines kept', kept: USs('0179'), lines: 2, refusedCodes: ['unknown_source'] },
  { file: 'long-number-cell.csv', about: 'a 200,000-digit number and 2,000 copies of one number on one line', expect: 'some lines kept', kept: USs('0180'), lines: 3, refusedCodes: ['not_a_number', 'not_a_number'] },
  { file: 'many-columns.csv', about: '200 columns on one line, 500 trailing commas on another', expect: 'some lines kept', kept: USs('0183'), lines: 2, refusedCodes: ['unknown_account'] },
  { file: 'trailing-delimiters.csv', about: 'trailing commas and semicolons, a number in the 5th column', expect: 'some lines kept', kept: USs('0184', '0185'), lines: 3, refusedCodes: ['empty'] },

  // --- encodings and invisible characters ---
  { file: 'windows-1252.csv', about: 'Windows-1252 (not UTF-8): smart quotes, non-breaking spaces, an accented account name, an en dash', expect: 'some lines kept', kept: USs('0187', '0188', '0190'), lines: 4, refusedCodes: ['unknown_account'] },
  { file: 'invalid-utf8.csv', about: 'overlong and surrogate UTF-8 sequences, FF FE FD bytes mid-file', expect: 'some lines kept', kept: USs('0191', '0192', '0193'), lines: 4 },
  { file: 'utf8-bom-header.csv', about: 'a UTF-8 BOM before the header (Excel "CSV UTF-8")', expect: 'some lines kept', kept: USs('0194', '0195'), lines: 2 },
  { file: 'double-bom.csv', about: 'two BOMs at the start and one at the start of the second line', expect: 'some lines kept', kept: USs('0196', '0197'), lines: 2 },
  {
    file: 'zero-width-and-nbsp.txt',
    about: 'zero-width space/joiner/non-joiner, word joiner, soft hyphen, NBSP, en/em dash, ideographic space, figure and thin space, BOM',
    expect: 'some lines kept',
    kept: USs('0110', '0111', '0112', '0113', '0114', '0115', '0116', '0117', '0118', '0119', '0120'),
    lines: 11,
  },
  { file: 'control-characters.txt', about: 'C0 controls, DEL, ANSI colour and title escape sequences, form feed, vertical tab, NEL', expect: 'some lines kept', kept: USs('0121', '0123', '0124', '0125', '0126'), lines: 7 },
  {
    file: 'unicode-line-separators.txt',
    about: 'numbers separated by U+2028, U+2029 and U+0085 (NEL) instead of newlines',
    expect: 'some lines kept',
    kept: USs('0127', '0128', '0129', '0130', '0131'),
    lines: 5,
    note: 'U+2028, U+2029 and NEL end a line, as Unicode says.',
  },

  // --- business-rule edge cases hidden in files ---
  { file: 'duplicates-in-many-formats.csv', about: 'one number written five ways (one in fullwidth digits), another twice', expect: 'some lines kept', kept: USs('0132', '0133'), lines: 7, refusedCodes: ['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate'] },
  { file: 'receiving-equals-number.csv', about: 'the receiving number is the number itself, in the same and in another format', expect: 'some lines kept', kept: USs('0136'), lines: 3, refusedCodes: ['receiving_is_number', 'receiving_is_number'] },
  { file: 'tracking-and-receiving-numbers.csv', about: "numbers already tracking numbers here (this account's and another account's), another account's receiving number", expect: 'some lines kept', kept: USs('0137'), lines: 3, refusedCodes: ['already_tracking', 'already_tracking'] },
  { file: 'header-variants.csv', about: 'a "Phone #" header and a header-like line with 7 digits mid-file', expect: 'some lines kept', kept: USs('0138', '0139'), lines: 3, refusedCodes: ['not_a_number'] },
  { file: 'toll-free-and-canada.csv', about: 'toll-free (800, 888), Canadian and US numbers in sub-accounts', expect: 'some lines kept', kept: ['+18005550140', '+14165550141', '+18885550142', US('0143')], lines: 4 },
  { file: 'empty-first-column.csv', about: 'the number in the wrong column, an empty quoted first cell', expect: 'some lines kept', kept: USs('0146'), lines: 3, refusedCodes: ['empty', 'empty'] },
  {
    file: 'other-accounts.csv',
    about: "another customer's account name, an account name in odd case and spacing, a sub-account in fullwidth letters",
    expect: 'some lines kept',
    kept: USs('0148', '0149'),
    lines: 3,
    refusedCodes: ['unknown_account'],
  },
  {
    file: 'mixed-good-and-hostile.csv',
    about: 'five good US numbers in five formats interleaved with a formula, a script, SQL, scientific notation, a vanity number and an RLO-reversed number',
    expect: 'some lines kept',
    kept: [US('0150'), US('0151'), US('0152'), '+13015550153', US('0154')],
    lines: 11,
    refusedCodes: ['not_a_number', 'not_a_number', 'not_a_number', 'scientific_notation', 'not_a_number', 'invalid'],
  },
];

// ---------------------------------------------------------------------------------------------
// Proof-of-ownership uploads
// ---------------------------------------------------------------------------------------------

export const PROOF_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/heic', 'image/webp'] as const;
export type ProofMime = (typeof PROOF_TYPES)[number];

export type ProofFixture =
  | {
      file: string;
      about: string;
      /** Accepted by its content: stored under a random key with this content type, offered only as a download. */
      expect: 'accepted';
      type: ProofMime;
      note?: string;
    }
  | {
      file: string;
      about: string;
      /** Refused with a message naming the file; nothing is stored and the draft stays a draft. */
      expect: 'refused';
      message: RegExp;
      note?: string;
    };

const NOT_ACCEPTED_KIND = /is not a PDF or an image of an accepted kind/;
const DAMAGED = /looks damaged or incomplete/;
const NOT_PROOF = /is not a PDF or an image of an accepted kind/;

export const PROOF_CORPUS: ProofFixture[] = [
  // --- accepted: the content is a PDF or an image by its signature, whatever else it holds ---
  { file: 'pdf-html-polyglot.pdf', about: 'a %PDF-1.7 file whose first lines are an HTML page with a <script>', expect: 'accepted', type: 'application/pdf' },
  { file: 'html-with-pdf-marker.html', about: 'an HTML page (<!doctype html>, <script>) with "%PDF-1.4" and "%%EOF" inside HTML comments, named .html', expect: 'refused', message: NOT_PROOF, note: 'A PDF must start with "%PDF-": a marker further in no longer passes.' },
  { file: 'pdf-javascript.pdf', about: 'a text PDF with /OpenAction and /Names /JavaScript (/S /JavaScript /JS ...)', expect: 'accepted', type: 'application/pdf', note: 'PDF active content is not inspected; it is safe only because proof is stored as application/pdf and downloaded as an attachment.' },
  { file: 'pdf-launch-action.pdf', about: 'a text PDF with an /OpenAction /Launch of calc.exe', expect: 'accepted', type: 'application/pdf' },
  { file: 'pdf-embedded-file.pdf', about: 'a text PDF with an /EmbeddedFile holding an HTML page', expect: 'accepted', type: 'application/pdf' },
  { file: 'pdf-minimal-10-bytes.pdf', about: '"%PDF-%%EOF": 10 bytes, no objects, no pages', expect: 'refused', message: DAMAGED, note: 'A PDF needs "startxref" before its %%EOF.' },
  { file: 'pdf-marker-not-at-start.pdf', about: '600 random bytes, then a valid PDF (readers allow junk before the header)', expect: 'refused', message: NOT_PROOF },
  { file: 'exe-pdf-polyglot.pdf.exe', about: 'an MZ executable header ("This program cannot be run in DOS mode") followed by a PDF, named .pdf.exe', expect: 'refused', message: NOT_PROOF },
  { file: 'bom-then-pdf.pdf', about: 'a UTF-8 BOM before %PDF-', expect: 'refused', message: NOT_PROOF },
  { file: 'png-html-polyglot.png', about: 'a valid PNG with an HTML page and a <script> in a tEXt chunk', expect: 'accepted', type: 'image/png' },
  { file: 'jpeg-js-polyglot.jpg', about: 'a JPEG with JavaScript and HTML in COM segments', expect: 'accepted', type: 'image/jpeg' },
  { file: 'png-named.pdf', about: 'a real PNG named .pdf', expect: 'accepted', type: 'image/png' },
  { file: 'jpeg-named.png', about: 'a real JPEG named .png', expect: 'accepted', type: 'image/jpeg' },
  { file: 'pdf-named.jpg', about: 'a real PDF named .jpg', expect: 'accepted', type: 'application/pdf' },
  { file: 'jpeg-motion-photo.jpg', about: 'a JPEG followed by an MP4 video (how Android Motion Photos are saved)', expect: 'accepted', type: 'image/jpeg' },
  { file: 'png-camera-trailer.png', about: 'a PNG followed by a camera trailer after IEND', expect: 'accepted', type: 'image/png' },
  { file: 'png-zero-padded.png', about: 'a PNG followed by 1,000 zero bytes (some scanners pad files)', expect: 'accepted', type: 'image/png' },
  { file: 'webp-trailing-html.webp', about: 'a WebP with an HTML page appended after the RIFF data', expect: 'accepted', type: 'image/webp', note: 'Bytes after the declared RIFF size are not checked.' },
  { file: 'webp-header-only.webp', about: 'a 12-byte RIFF/WEBP header declaring 4 bytes, no image chunk', expect: 'refused', message: DAMAGED, note: 'A WebP needs an image chunk (VP8, VP8L or VP8X) inside its RIFF size.' },
  { file: 'heic-with-html.heic', about: 'an ftyp/heic box followed by an HTML page', expect: 'refused', message: DAMAGED, note: 'HEIC boxes must tile the file and include meta: HTML after ftyp is not a box.' },
  { file: 'zip-holding-pdf.zip', about: 'a zip archive (PK\\x03\\x04) holding an uncompressed bill.pdf and an HTML page, named .zip', expect: 'refused', message: NOT_PROOF },
  { file: 'heic-mif1-brand.heic', about: 'an ftyp box with major brand mif1 and an empty meta box', expect: 'accepted', type: 'image/heic' },

  // --- refused ---
  { file: 'empty.pdf', about: '0 bytes', expect: 'refused', message: /is empty \(0 bytes\)/ },
  { file: 'truncated.png', about: 'a PNG cut after 40 bytes (no IEND)', expect: 'refused', message: DAMAGED },
  { file: 'png-signature-only.png', about: 'the 8-byte PNG signature alone', expect: 'refused', message: DAMAGED },
  { file: 'truncated.jpg', about: 'a JPEG cut inside a COM segment (no EOI)', expect: 'refused', message: DAMAGED },
  { file: 'jpeg-cut-in-image-data.jpg', about: 'a JPEG cut inside its image data (no end marker after the start of scan)', expect: 'refused', message: DAMAGED },
  { file: 'jpeg-soi-only.jpg', about: 'FF D8 FF and nothing else', expect: 'refused', message: DAMAGED },
  { file: 'truncated.pdf', about: 'a PDF cut after 300 bytes (no %%EOF)', expect: 'refused', message: DAMAGED },
  { file: 'pdf-eof-too-far-from-end.pdf', about: 'a valid PDF followed by 1,500 spaces', expect: 'accepted', type: 'application/pdf', note: 'Whitespace after %%EOF is allowed, as PDF readers allow it.' },
  { file: 'pdf-with-appended-zip.pdf', about: 'a PDF with a zip archive appended after %%EOF', expect: 'refused', message: DAMAGED },
  { file: 'webp-wrong-size.webp', about: 'a WebP whose RIFF header declares 4 GB', expect: 'refused', message: DAMAGED },
  { file: 'html-named.png', about: 'an HTML page with a <script>, named .png', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'svg-with-script.svg', about: 'an SVG with a <script>', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'svg-named.png', about: 'an SVG with onload=, named .png', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'gif-js-polyglot.gif', about: 'a GIF89a/JavaScript polyglot (GIF89a/*...*/=alert(...))', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'gif-named.jpg', about: 'a GIF87a named .jpg', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'exe-named.jpg', about: 'an MZ executable header named .jpg', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'zip-named.heic', about: 'a zip archive (holding bill.txt) named .heic', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'avif-named.heic', about: 'an AVIF (ftyp avif) named .heic', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'ftyp-truncated.heic', about: 'an ftyp box header cut after 8 bytes', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'webp-truncated.webp', about: 'a WebP cut after 11 bytes (inside "WEBP")', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'riff-wave-named.webp', about: 'a RIFF WAVE audio header named .webp', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'text-named.pdf', about: 'plain text named .pdf', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'pdf-marker-after-1kb.pdf', about: 'an HTML page longer than 1 KB followed by a PDF', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'pdf-utf16.pdf', about: '"%PDF-1.7 %%EOF" saved as UTF-16', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'bmp-named.png', about: 'a 1x1 BMP named .png', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'tiff-named.jpg', about: 'a TIFF header named .jpg', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'ico-named.png', about: 'an ICO header named .png', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'rtf-named.pdf', about: 'an RTF document with a HYPERLINK field named .pdf', expect: 'refused', message: NOT_ACCEPTED_KIND },
  { file: 'eml-named.pdf', about: 'an email with an HTML body named .pdf', expect: 'refused', message: NOT_ACCEPTED_KIND },
];
