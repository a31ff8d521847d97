import { parse, type Options } from 'csv-parse/sync';

export const MAX_NUMBER_LINES = 10_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type RawLine = {
  line: number;
  numberToPort: string;
  receivingNumber?: string;
  trackingSource?: string;
  accountName?: string;
};

export type ReadResult = { ok: true; lines: RawLine[]; headerSkipped: boolean } | { ok: false; message: string };

type Delimiter = ',' | ';' | '\t';
type Row = { line: number; cells: string[] };

const LINE_BREAK = /\r\n|\r|\n/;
const HEADER_WORD = /\b(?:numbers?|phones?|port(?:ing)?|receiving|forward(?:ing)?|destination|tracking|source|account|name|did)\b/i;

/**
 * A .csv upload or pasted text -> one RawLine per non-blank line, with the line's real number in
 * the file (the header is line 1) so people can find it in their spreadsheet. Never throws.
 */
export function readNumberLines(input: string | Uint8Array, options: { filename?: string } = {}): ReadResult {
  try {
    return read(input, options.filename);
  } catch {
    // Everything below is written not to throw; this only keeps the promise if a library surprises us.
    return { ok: false, message: `${fileLabel(options.filename)} could not be read. Save it as a CSV file (UTF-8) and try again.` };
  }
}

function read(input: string | Uint8Array, filename: string | undefined): ReadResult {
  const label = fileLabel(filename);
  const bytes = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  if (bytes > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `${label} is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB. Split it into smaller files and add them one at a time.`,
    };
  }
  const binary = binaryProblem(input, label);
  if (binary) return { ok: false, message: binary };

  const text = (typeof input === 'string' ? input : decode(input))
    .replace(/^\uFEFF/, '')
    // Unicode's own line breaks end a line too; a stray NUL shows as � in its line's message.
    .replace(/[\u2028\u2029\u0085]/g, '\n')
    .replace(/\u0000/g, '\uFFFD');
  const first = firstContentLine(text);
  if (first === undefined) return { ok: false, message: `${label} is empty. Put one number to port on each line.` };
  const delimiter = detectDelimiter(first);

  // Blank lines are skipped anyway, and a header is not a number, so neither counts towards the limit.
  const header = looksLikeHeader(first.split(delimiter).map(unquote)) ? 1 : 0;
  const count = countContentLines(text) - header;
  if (count > MAX_NUMBER_LINES) {
    return {
      ok: false,
      message:
        `${label} has ${count.toLocaleString('en-US')} lines of numbers; one request takes at most ${MAX_NUMBER_LINES.toLocaleString('en-US')}. ` +
        'Split it into smaller files and port them in separate requests.',
    };
  }

  // csv-parse settles on the first line ending it meets; files pieced together from several sources mix them.
  const unified = text.replace(/\r\n?/g, '\n');
  const rows = parseStrict(unified, delimiter) ?? parseLeniently(unified, delimiter);
  const headerSkipped = rows.length > 0 && looksLikeHeader(rows[0].cells);
  const lines = (headerSkipped ? rows.slice(1) : rows).map(toRawLine);
  if (lines.length === 0) {
    return { ok: false, message: `${label} has no numbers to port. Put one number on each line, under the header if there is one.` };
  }
  return { ok: true, lines, headerSkipped };
}

function fileLabel(filename: string | undefined): string {
  const name = filename?.trim();
  return name ? `"${name.length > 80 ? `${name.slice(0, 77)}...` : name}"` : 'The list';
}

function utf8Length(text: string): number {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three, so most inputs need no counting.
  if (text.length > MAX_IMPORT_BYTES) return text.length;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function binaryProblem(input: string | Uint8Array, label: string): string | undefined {
  const at = (i: number) => (typeof input === 'string' ? input.charCodeAt(i) : input[i]);
  const startsWith = (...codes: number[]) => codes.every((code, i) => at(i) === code);
  // A UTF-16 file read as bytes (or as Latin-1 text) starts with FF FE or FE FF.
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff)) {
    return `${label} is saved as UTF-16 text, which cannot be read here. Save it again as "CSV UTF-8" and upload that file.`;
  }
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) {
    return `${label} is not a text or CSV file: it looks like a zip archive or an Excel workbook (.xlsx). Save the sheet as CSV and upload that file.`;
  }
  if (startsWith(0x25, 0x50, 0x44, 0x46, 0x2d)) {
    return `${label} is a PDF, not a text or CSV file. Copy the numbers into a spreadsheet, save it as CSV and upload that file.`;
  }
  if (looksBinary(input)) {
    return `${label} is not a text or CSV file. Save the numbers as CSV (UTF-8), or paste them one per line.`;
  }
  return undefined;
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * Binary by its share of control characters: programs, images and archives are full of them; a
 * text file has a few at most (one stray NUL should not cost the user the whole file). Bytes that
 * are not UTF-8 (read as Windows-1252 otherwise) are binary at a much lower share.
 */
function looksBinary(input: string | Uint8Array): boolean {
  const length = Math.min(input.length, SAMPLE_BYTES);
  if (length === 0) return false;
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const code = typeof input === 'string' ? input.charCodeAt(i) : input[i];
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f) controls++;
  }
  const share = controls / length;
  if (share > 0.2) return true;
  return typeof input !== 'string' && share > 0.05 && !isUtf8(input);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: a multi-byte character cut by the sample's end waits for more instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, SAMPLE_BYTES), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** A file's bytes as the reader sees them (UTF-8, else the Windows code page Excel uses). */
export function decodeNumberFile(bytes: Uint8Array): string {
  return decode(bytes);
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page; accented account names would otherwise be lost.
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's 0x80-0x9F (curly quotes, dashes, "…", "€"); the rest of the page is Latin-1. Node's
// TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters instead.
const WINDOWS_1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function firstContentLine(text: string): string | undefined {
  const match = /[^\s,;]/.exec(text);
  if (!match) return undefined;
  const start = Math.max(text.lastIndexOf('\n', match.index), text.lastIndexOf('\r', match.index)) + 1;
  return text.slice(start).split(LINE_BREAK, 1)[0];
}

function detectDelimiter(line: string): Delimiter {
  if (line.includes('\t')) return '\t';
  const semicolons = line.split(';').length - 1;
  const commas = line.split(',').length - 1;
  // A comma file whose first line has "Smith; Jones" in a field is still a comma file.
  return semicolons > commas ? ';' : ',';
}

function countContentLines(text: string): number {
  let count = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (!blank) count++;
      blank = true;
    } else if (blank && code !== 32 && code !== 9 && code !== 44 && code !== 59) {
      blank = false;
    }
  }
  return blank ? count : count + 1;
}

const BASE_OPTIONS: Options = {
  bom: true,
  trim: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  relax_column_count: true,
  relax_quotes: true,
};

function parseStrict(text: string, delimiter: Delimiter): Row[] | undefined {
  try {
    // Every line read, blank ones too, so that record i is line i + 1; csv-parse's own line
    // numbers (its `info` option) were a third of the reading of a 10,000-line file.
    const records = parse(text, { ...BASE_OPTIONS, skip_empty_lines: false, skip_records_with_empty_values: false, delimiter }) as string[][];
    // No phone list has a field spanning lines: that is a stray quote pairing with one lines later,
    // silently merging the lines in between, so read those files line by line instead. (Without
    // such a field, each record is one line.)
    if (records.some((record) => record.some((cell) => LINE_BREAK.test(cell)))) return undefined;
    const rows: Row[] = [];
    records.forEach((cells, index) => {
      if (cells.some((cell) => cell !== '')) rows.push({ line: index + 1, cells });
    });
    return rows;
  } catch {
    return undefined;
  }
}

/** An unclosed quote swallows the rest of the file, so read line by line and keep whatever each line holds. */
function parseLeniently(text: string, delimiter: Delimiter): Row[] {
  const rows: Row[] = [];
  text.split(LINE_BREAK).forEach((content, index) => {
    if (!/[^\s,;]/.test(content)) return;
    rows.push({ line: index + 1, cells: parseOneLine(content, delimiter) });
  });
  return rows;
}

function parseOneLine(content: string, delimiter: Delimiter): string[] {
  try {
    const [record] = parse(content, { ...BASE_OPTIONS, delimiter }) as string[][];
    if (record) return record;
  } catch {
    // Fall through to a plain split: one bad quote must not cost the user the numbers on the line.
  }
  return content.split(delimiter).map(unquote);
}

// Index walking rather than /"+$/: a regular expression anchored at the end re-scans from every
// quote and takes time growing with the square of a long line.
function unquote(cell: string): string {
  const text = cell.trim();
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '"') start++;
  while (end > start && text[end - 1] === '"') end--;
  return text.slice(start, end).replaceAll('""', '"').trim();
}

function looksLikeHeader(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  if (filled.length === 0) return false;
  // "Phone 1" is a header, "+1 410 555 0000" is not: a phone number has at least seven digits.
  return filled.every((cell) => (cell.match(/\d/g)?.length ?? 0) < 7) && filled.some((cell) => HEADER_WORD.test(cell));
}

function toRawLine(row: Row): RawLine {
  const [numberToPort = '', receivingNumber, trackingSource, accountName] = row.cells;
  // Field by field: spreading optional parts into each of 10,000 lines takes V8's slow path.
  const line: RawLine = { line: row.line, numberToPort: numberToPort.trim() };
  if (receivingNumber?.trim()) line.receivingNumber = receivingNumber.trim();
  if (trackingSource?.trim()) line.trackingSource = trackingSource.trim();
  if (accountName?.trim()) line.accountName = accountName.trim();
  return line;
}
