/**
 * Hostile and broken input: every file of the corpus (tests/helpers/hostile-corpus.ts) goes
 * through the real services on a real database and a real S3 server, plus the big inputs built
 * here (100,000 lines, a 1 MB line, files over the size limits).
 *
 * Number lists: readNumberLines, then addNumbersToDraft into a draft of the demo t.owner. Either the
 * whole file is refused with one message written for users, or every line gets a verdict: the good
 * lines are saved (exactly as typed, normalized to E.164) and every other line has its own message.
 *
 * Proof uploads: submitPortRequest on a signed draft. A refused file throws a StateError naming it
 * and leaves nothing behind; an accepted one is stored under a random key with one of the five
 * accepted content types and is only ever offered as a download (Content-Disposition: attachment).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { asc, eq, sql } from 'drizzle-orm';
import { accounts, portRequestNumbers, portRequests, proofFiles, trackingNumbers, users } from '@/db/schema';
import { setCarrier } from '@/lib/carrier/get-carrier';
import { StateError } from '@/lib/errors';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { saveCarrierStep } from '@/lib/porting/wizard/carrier';
import type { PortNumberVerdict } from '@/lib/porting/wizard/numbers/check-rules';
import { MAX_IMPORT_BYTES, MAX_NUMBER_LINES, readNumberLines, type RawLine } from '@/lib/porting/wizard/numbers/read-number-lines';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';
import { checkProofFile, PROOF_MAX_BYTES } from '@/lib/porting/proof/detect-proof-type';
import { proofFilename } from '@/lib/porting/submission/store-proof';
import { submitPortRequest, type ProofUpload } from '@/lib/porting/wizard/proof';
import { getObjectBytes, presignDownload } from '@/lib/storage/s3';
import { tinyPng } from '../helpers/files';
import {
  HOSTILE_DIR,
  NUMBER_CORPUS,
  NUMBER_DEFAULTS,
  NUMBERS_DIR,
  PROOF_CORPUS,
  PROOF_DIR,
  PROOF_TYPES,
  readNumberFixture,
  readProofFixture,
  type NumberFixture,
  type ProofFixture,
  type ProofMime,
} from '../helpers/hostile-corpus';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

// Each test has its own database with the demo, and its own bucket (t.storage).
const t = setupTestContext();
// Our own checks against hostile input, with no carrier (its rules would refuse the 09xx lines here; tests/integration/numbers-carrier.test.ts has them).
beforeAll(() => setCarrier(null));
afterAll(() => setCarrier(undefined));

// What was run, printed at the end.
let numberCases = 0;
let proofCases = 0;

const E164_US_CA = /^\+1\d{10}$/;
const E164_ANY = /^\+[1-9]\d{6,14}$/;
const EXTENSION: Record<ProofMime, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/heic': 'heic', 'image/webp': 'webp' };
const HEADER_LINE = 'Number to Port,Receiving Number,Tracking Source,Account Name';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

async function countDemoRows() {
  const count = async (table: typeof users | typeof accounts | typeof trackingNumbers) =>
    (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return { users: await count(users), accounts: await count(accounts), trackingNumbers: await count(trackingNumbers) };
}

afterAll(() => {
  console.log(`hostile input: ${numberCases} number files/texts, ${proofCases} proof uploads`);
});

/** A message for people: not empty, no stack trace, no error class or library code. */
function expectUserMessage(message: unknown) {
  expect(typeof message).toBe('string');
  const text = message as string;
  expect(text.trim().length).toBeGreaterThan(10);
  expect(text).not.toMatch(/\n\s*at\s/);
  expect(text).not.toMatch(/\bat [\w$.<>]+ \(/);
  expect(text).not.toMatch(/\b\w*Error\b:/);
  expect(text).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|ParseError|TOO_SHORT|TOO_LONG|NOT_A_NUMBER|INVALID_COUNTRY)\b/);
  expect(text).not.toMatch(/\[object \w+\]/);
}

// ---------------------------------------------------------------------------------------------
// Number lists
// ---------------------------------------------------------------------------------------------

/** A draft in the owner's account, past the carrier step, as the Numbers step finds it. */
async function newDraft(): Promise<string> {
  const id = await createPortRequestDraft(t.db, t.owner, t.summit);
  await saveCarrierStep(t.db, t.owner, id, { losingCarrier: 'Verizon Business', requestedPortDate: undefined });
  return id;
}

async function savedRows(requestId: string) {
  return t.db.select().from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, requestId)).orderBy(asc(portRequestNumbers.position));
}

type Imported = { verdicts: PortNumberVerdict[]; rows: Awaited<ReturnType<typeof savedRows>>; lines: RawLine[] };

/**
 * Reads and adds the lines the way the Numbers step does. A refusal of the whole file is returned
 * as is; otherwise every line has a verdict, and what was saved is exactly the accepted lines.
 */
async function importNumbers(input: string | Uint8Array, filename?: string): Promise<{ ok: false; message: string } | ({ ok: true } & Imported)> {
  const read = readNumberLines(input, { filename });
  if (!read.ok) {
    expectUserMessage(read.message);
    return read;
  }
  const id = await newDraft();
  const verdicts = await addNumbersToDraft(t.db, t.owner, id, read.lines, NUMBER_DEFAULTS);
  const rows = await savedRows(id);

  expect(verdicts).toHaveLength(read.lines.length);
  verdicts.forEach((v, i) => {
    expect(v.line).toBe(read.lines[i].line);
    expect(['accepted', 'refused']).toContain(v.verdict);
    expectUserMessage(v.message);
  });
  const accepted = verdicts.filter((v) => v.verdict === 'accepted');
  // Saved: exactly the accepted lines, in order, each a US or Canadian number in E.164 and nothing else.
  expect(rows.map((r) => r.number)).toEqual(accepted.map((v) => v.e164));
  const usable = new Set(t.owner.accounts.map((a) => a.id));
  for (const row of rows) {
    expect(row.number).toMatch(E164_US_CA);
    expect(row.receivingNumber).toMatch(E164_ANY);
    expect(row.receivingNumber).not.toBe(row.number);
    expect(usable.has(row.targetAccountId)).toBe(true);
    expect(row.trackingSourceId).not.toBeNull();
    expect(['US', 'CA']).toContain(row.country);
    expect(row.status).toBe('pending');
  }
  expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  return { ok: true, verdicts, rows, lines: read.lines };
}

/** Lines as Unicode counts them (U+2028, U+2029 and NEL end a line too), an upper bound for any reading. */
function physicalLineCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('utf8');
  return text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length;
}

describe('hostile number files and texts', () => {
  test('the corpus describes every fixture file, and the files are byte-for-byte what generate.ts wrote', () => {
    expect(readdirSync(NUMBERS_DIR).sort()).toEqual(NUMBER_CORPUS.map((f) => f.file).sort());
    expect(readdirSync(PROOF_DIR).sort()).toEqual(PROOF_CORPUS.map((f) => f.file).sort());
    expect(NUMBER_CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(PROOF_CORPUS.length).toBeGreaterThanOrEqual(30);
    // Line endings and stray bytes are the point of these files: git or an editor must not have "fixed" them.
    const sums = readFileSync(path.join(HOSTILE_DIR, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums).toHaveLength(NUMBER_CORPUS.length + PROOF_CORPUS.length);
    for (const line of sums) {
      const [sum, file] = line.split(/\s+/);
      const bytes = readFileSync(path.join(HOSTILE_DIR, file));
      expect(bytes.length).toBeLessThan(1024 * 1024);
      expect(`${file} ${createHash('sha256').update(bytes).digest('hex')}`).toBe(`${file} ${sum}`);
    }
    // At least a few files mix hostile lines with good US numbers, so "the good rows are kept" is shown.
    const mixed = NUMBER_CORPUS.filter((f) => f.expect === 'some lines kept' && f.kept.some((n) => n.startsWith('+1410')) && f.lines > f.kept.length);
    expect(mixed.length).toBeGreaterThanOrEqual(5);
  });

  test.each(NUMBER_CORPUS)('$file ($about): $expect', async (fixture: NumberFixture) => {
    numberCases++;
    const bytes = readNumberFixture(fixture.file);
    const result = await importNumbers(bytes, fixture.file);

    if (fixture.expect === 'refused whole file') {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(fixture.message);
      expect(result.message).toContain(`"${fixture.file}"`);
      return;
    }

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(fixture.expect === 'no lines kept' ? fixture.kept.length === 0 : fixture.kept.length > 0).toBe(true);
    expect(result.lines).toHaveLength(fixture.lines);
    // The good rows of the file are kept, and only they: normalized to E.164, in file order.
    expect(result.rows.map((r) => r.number)).toEqual(fixture.kept);
    const lastLine = physicalLineCount(bytes);
    for (const v of result.verdicts) {
      expect(v.line).toBeGreaterThanOrEqual(1);
      expect(v.line).toBeLessThanOrEqual(lastLine);
    }
    const accepted = result.verdicts.filter((v) => v.verdict === 'accepted');
    const refused = result.verdicts.filter((v) => v.verdict === 'refused');
    expect(refused).toHaveLength(fixture.lines - fixture.kept.length);
    // A refused line's number is not saved, unless an earlier line of the file holds it.
    for (const v of refused) if (v.e164 && fixture.kept.includes(v.e164)) expect(v.code).toBe('duplicate');
    if (fixture.keptLineNumbers) expect(accepted.map((v) => v.line)).toEqual(fixture.keptLineNumbers);
    if (fixture.refusedCodes) expect(refused.map((v) => v.code)).toEqual(fixture.refusedCodes);
  });

  test('pasting the text of a file gives the same lines as uploading the file', () => {
    let compared = 0;
    for (const fixture of NUMBER_CORPUS) {
      const bytes = readNumberFixture(fixture.file);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        continue; // not UTF-8: it cannot be pasted as it is
      }
      compared++;
      const fromFile = readNumberLines(bytes);
      const pasted = readNumberLines(text);
      expect({ file: fixture.file, result: pasted }).toEqual({ file: fixture.file, result: fromFile });
    }
    expect(compared).toBeGreaterThan(40);
  });

  test('100,000 pasted lines are refused at once, before any line is checked', () => {
    numberCases++;
    const text = Array.from({ length: 100_000 }, (_, i) => `+1410200${String(i % 10_000).padStart(4, '0')}`).join('\n');
    const started = performance.now();
    const read = readNumberLines(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(/has 100,000 lines of numbers; one request takes at most 10,000/);
    expectUserMessage(read.message);
  });

  test('a file one line over the limit is refused; the header does not count', () => {
    numberCases++;
    const body = Array.from({ length: MAX_NUMBER_LINES + 1 }, (_, i) => `+1410200${String(i % 10_000).padStart(4, '0')}`);
    const read = readNumberLines(new TextEncoder().encode(['Number to Port', ...body].join('\r\n')), { filename: 'numbers.csv' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/"numbers\.csv" has 10,001 lines/);
  });

  test('exactly 10,000 lines under a header are all checked and saved', async () => {
    numberCases++;
    const body = Array.from({ length: MAX_NUMBER_LINES }, (_, i) => `(410) 200-${String(i).padStart(4, '0')}`);
    const result = await importNumbers(new TextEncoder().encode(['Phone Number', ...body, ''].join('\n')), 'ten-thousand.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(MAX_NUMBER_LINES);
    expect(result.rows[0].number).toBe('+14102000000');
    expect(result.rows[MAX_NUMBER_LINES - 1].number).toBe('+14102009999');
  }, 60_000);

  test('a file over 5 MB is refused by its size, whatever it holds', async () => {
    numberCases += 2;
    const line = '+14105550110,+14105550199,Google Ads,Summit Marketing Group\n';
    const big = new TextEncoder().encode(line.repeat(Math.ceil((6 * 1024 * 1024) / line.length)));
    const read = await importNumbers(big, 'big.csv');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/"big\.csv" is 6\.0 MB; the limit is 5 MB/);
    // Pasted text is measured in UTF-8 bytes, not characters: 2,000,000 euro signs are 6,000,000 bytes.
    const pasted = await importNumbers('€'.repeat(2_000_000));
    expect(pasted.ok).toBe(false);
    if (!pasted.ok) expect(pasted.message).toMatch(/^The list is 5\.7 MB; the limit is 5 MB/);
  });

  test('a file of exactly 5 MB, mostly whitespace, keeps its numbers', async () => {
    numberCases++;
    const head = '+14105550110\n';
    const tail = '\n+14105550111\n';
    const padding = ' '.repeat(MAX_IMPORT_BYTES - head.length - tail.length);
    const bytes = new TextEncoder().encode(head + padding + tail);
    expect(bytes.byteLength).toBe(MAX_IMPORT_BYTES);
    const result = await importNumbers(bytes, 'padded.csv');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rows.map((r) => r.number)).toEqual(['+14105550110', '+14105550111']);
  });

  test('1 MB lines (account name, digits, letters) are refused line by line; the good lines around them are kept', async () => {
    numberCases++;
    const MB = 1024 * 1024;
    const text = [
      HEADER_LINE,
      '+14105550110,+14105550199,Google Ads,Summit Marketing Group',
      `+14105550111,+14105550199,Google Ads,${'A'.repeat(MB)}`,
      '4'.repeat(MB),
      'x'.repeat(MB),
      `+14105550112,+14105550199,${'Google Ads'.repeat(MB / 10)},Summit Marketing Group`,
      '+14105550113',
    ].join('\n');
    const started = performance.now();
    const result = await importNumbers(new TextEncoder().encode(text), 'one-mb-lines.csv');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.number)).toEqual(['+14105550110', '+14105550113']);
    expect(result.verdicts.map((v) => v.code)).toEqual(['ok', 'unknown_account', 'not_a_number', 'not_a_number', 'unknown_source', 'ok']);
    // Echoed numbers are shortened for the message; echoed names are not (see the corpus note on long names).
    expect(result.verdicts[2].message.length).toBeLessThan(300);
    expect(result.verdicts[3].message.length).toBeLessThan(300);
  }, 60_000);

  test('the SQL-, script- and formula-looking input changed nothing but the drafts it was added to', async () => {
    // The whole corpus goes in, each readable file into a draft of its own, as the tests above add it.
    const demoCounts = await countDemoRows();
    for (const fixture of NUMBER_CORPUS) {
      const read = readNumberLines(readNumberFixture(fixture.file), { filename: fixture.file });
      if (read.ok) await addNumbersToDraft(t.db, t.owner, await newDraft(), read.lines, NUMBER_DEFAULTS);
    }
    expect(await countDemoRows()).toEqual(demoCounts);
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(portRequestNumbers).where(sql`${portRequestNumbers.number} !~ '^\\+1[0-9]{10}$'`);
    expect(n).toBe(0);
  });

  // Long lines once took time growing with the square of their length (patterns that backtrack);
  // the parser now refuses anything over 64 characters before any pattern runs.
  describe('long lines are answered in linear time', () => {
    const SIZE = 48_000;
    // Timed: the reading and parsing, where a backtracking pattern would spend its time (quadratic,
    // a 48,000-character line takes seconds); not the database round trips around them, whose time
    // is the machine's load. The whole import still runs after, for its verdicts.
    // The fastest of five passes: a backtracking pattern is slow on every pass, a busy machine
    // (the other suites running beside this one) only on some.
    const timeToCheck = async (text: string) => {
      let fastest = Infinity;
      for (let pass = 0; pass < 5; pass++) {
        const started = performance.now();
        const read = readNumberLines(text);
        if (read.ok) for (const line of read.lines) parsePortNumber(line.numberToPort);
        fastest = Math.min(fastest, performance.now() - started);
      }
      await importNumbers(text);
      return fastest;
    };
    test('a line with 48,000 spaces between two digits is answered in under half a second', async () => {
      numberCases++;
      // QUOTES_AROUND and EXTENSION in lib/porting/numbers/parse-port-number.ts
      expect(await timeToCheck(`1${' '.repeat(SIZE)}1\n+14105550110\n`)).toBeLessThan(500);
    });
    test('a line of 48,000 letters after a digit is answered in under half a second', async () => {
      numberCases++;
      // VANITY in lib/porting/numbers/parse-port-number.ts
      expect(await timeToCheck(`1${'a'.repeat(SIZE)}!\n+14105550110\n`)).toBeLessThan(500);
    });
    test('a first line with 48,000 quotes inside is answered in under half a second', async () => {
      numberCases++;
      // unquote() in lib/porting/numbers/read-number-lines.ts, run on the first line to detect a header
      expect(await timeToCheck(`a${'"'.repeat(SIZE)}a\n+14105550110\n`)).toBeLessThan(500);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Proof uploads
// ---------------------------------------------------------------------------------------------

describe('hostile proof uploads', () => {
  // The signed draft a test's refused uploads are tried on, made on its first refusal.
  let refusalDraft: string | undefined;
  beforeEach(() => {
    refusalDraft = undefined;
  });

  /** A fresh draft with the LOA signed: submitting succeeds only once per draft. */
  async function signedDraft(): Promise<string> {
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    await signDraft(t.db, t.owner, id);
    return id;
  }

  async function storedKeys(requestId: string): Promise<string[]> {
    const listed = await t.storage.client.send(new ListObjectsV2Command({ Bucket: t.storage.bucket, Prefix: `proof/${requestId}/` }));
    return (listed.Contents ?? []).map((o) => o.Key!);
  }

  async function expectNothingStored(requestId: string) {
    const [request] = await t.db.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, requestId));
    expect(request.status).toBe('draft');
    expect(await t.db.select().from(proofFiles).where(eq(proofFiles.portRequestId, requestId))).toEqual([]);
    expect(await storedKeys(requestId)).toEqual([]);
  }

  async function expectRefused(uploads: ProofUpload[], named: string[], message: RegExp) {
    proofCases += uploads.length;
    refusalDraft ??= await signedDraft();
    const error = await submitPortRequest(t.db, t.owner, refusalDraft, uploads).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StateError);
    const text = (error as StateError).message;
    expect(text).toMatch(message);
    for (const name of named) expect(text).toContain(`"${name}"`);
    expectUserMessage(text);
    await expectNothingStored(refusalDraft);
    return text;
  }

  /** Submits one upload on a fresh signed draft and checks where and how it was stored. */
  async function expectAccepted(upload: ProofUpload, type: ProofMime) {
    proofCases++;
    const id = await signedDraft();
    const outcome = await submitPortRequest(t.db, t.owner, id, [upload]);
    expect(outcome).toEqual({ requestIds: [id], alreadySubmitted: false });

    const rows = await t.db.select().from(proofFiles).where(eq(proofFiles.portRequestId, id));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(PROOF_TYPES).toContain(row.contentType);
    expect(row.contentType).toBe(type);
    // A random key under the request, with the extension of what the content is: nothing of the uploaded name.
    expect(row.storageKey).toMatch(new RegExp(`^proof/${id}/${UUID}\\.${EXTENSION[type]}$`));
    // Kept under a cleaned name ending in what the content is, whatever the upload was called.
    expect(row.filename).toBe(proofFilename(upload.name, EXTENSION[type]));
    expect(row.sizeBytes).toBe(upload.bytes.byteLength);
    expect(row.sha256).toBe(createHash('sha256').update(upload.bytes).digest('hex'));
    expect(await storedKeys(id)).toEqual([row.storageKey]);

    const head = await t.storage.client.send(new HeadObjectCommand({ Bucket: t.storage.bucket, Key: row.storageKey }));
    expect(head.ContentType).toBe(type);
    expect(Buffer.compare(await getObjectBytes(row.storageKey), Buffer.from(upload.bytes))).toBe(0);

    // Served only as a download, never inline, and under a name with no quotes, slashes or controls.
    const response = await fetch(await presignDownload(row.storageKey, { filename: row.filename }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.\- ]*"$/);
    await response.arrayBuffer();

    const [request] = await t.db.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, id));
    expect(request.status).toBe('submitted');
    return row;
  }

  const accepted = PROOF_CORPUS.filter((f): f is Extract<ProofFixture, { expect: 'accepted' }> => f.expect === 'accepted');
  const refused = PROOF_CORPUS.filter((f): f is Extract<ProofFixture, { expect: 'refused' }> => f.expect === 'refused');

  test.each(refused)('$file ($about) is refused', async (fixture) => {
    const bytes = readProofFixture(fixture.file);
    const check = checkProofFile({ name: fixture.file, size: bytes.byteLength, bytes });
    expect(check.ok).toBe(false);
    await expectRefused([{ name: fixture.file, bytes }], [fixture.file], fixture.message);
  });

  test.each(accepted)('$file ($about) is accepted as $type, stored under a random key, downloaded as an attachment', async (fixture) => {
    const bytes = readProofFixture(fixture.file);
    const check = checkProofFile({ name: fixture.file, size: bytes.byteLength, bytes });
    expect(check).toMatchObject({ ok: true, type: { mime: fixture.type } });
    await expectAccepted({ name: fixture.file, bytes }, fixture.type);
  });

  test('a PDF over 10 MB is refused by its size (11 MB, and one byte over the limit)', async () => {
    const pdfOf = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
      bytes.set(new TextEncoder().encode('\nstartxref\n9\n%%EOF\n'), size - 20);
      return bytes;
    };
    await expectRefused([{ name: 'scan-11mb.pdf', bytes: pdfOf(11 * 1024 * 1024) }], ['scan-11mb.pdf'], /is 11\.0 MB; the limit is 10 MB per file/);
    await expectRefused([{ name: 'scan-limit-plus-one.pdf', bytes: pdfOf(PROOF_MAX_BYTES + 1) }], ['scan-limit-plus-one.pdf'], /the limit is 10 MB per file/);
    // Exactly at the limit is fine.
    await expectAccepted({ name: 'scan-10mb.pdf', bytes: pdfOf(PROOF_MAX_BYTES) }, 'application/pdf');
  }, 60_000);

  test('one bad file in a batch refuses the batch, names only the bad files, and stores none of them', async () => {
    const png = new Uint8Array(tinyPng());
    const html = readProofFixture('html-named.png');
    const text = await expectRefused(
      [
        { name: 'bill.png', bytes: png },
        { name: 'statement.png', bytes: html },
        { name: 'invoice.pdf', bytes: readProofFixture('text-named.pdf') },
      ],
      ['statement.png', 'invoice.pdf'],
      /is not a PDF or an image of an accepted kind/,
    );
    expect(text).not.toContain('bill.png');
  });

  test('control and bidi characters in a refused file name do not reach the message', async () => {
    const text = await expectRefused([{ name: 'bill\u202E\u0007gnp.exe', bytes: readProofFixture('html-named.png') }], ['billgnp.exe'], /is not a PDF or an image/);
    expect(text).not.toMatch(/[\u202E\u0007]/);
  });

  test.each([
    ['path traversal', '../../../../etc/passwd.png'],
    ['Windows path', 'C:\\Windows\\System32\\bill.png'],
    ['markup', '<img src=x onerror=alert(1)>.png'],
    ['SQL', "'; drop table proof_files; --.png"],
    ['a header injection', 'bill.png"\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>'],
    ['right-to-left override', 'invoice\u202Egnp.exe'],
    ['1,000 characters', `${'x'.repeat(1000)}.png`],
    ['no name at all', ''],
  ])('a real PNG with a hostile file name (%s) is stored under a random key and downloads under a safe name', async (_label, name) => {
    await expectAccepted({ name, bytes: new Uint8Array(tinyPng()) }, 'image/png');
  });


  // PostgreSQL text cannot hold NUL: the name is kept without it (lib/porting/submission/store-proof.ts).
  test('a NUL byte in the file name is refused with a message for users, or the name is stored without it', async () => {
    proofCases++;
    const id = await signedDraft();
    const error = await submitPortRequest(t.db, t.owner, id, [{ name: 'bill\u0000.png', bytes: new Uint8Array(tinyPng()) }]).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error !== undefined) {
      expect(error).toBeInstanceOf(StateError);
      return;
    }
    const [row] = await t.db.select().from(proofFiles).where(eq(proofFiles.portRequestId, id));
    expect(row.filename).not.toContain('\u0000');
  });

  // Content that only carried a PDF marker somewhere (an HTML page, a program, an archive) is refused.
  test.each([['html-with-pdf-marker.html'], ['exe-pdf-polyglot.pdf.exe'], ['zip-holding-pdf.zip']])('%s is refused, naming the file', async (file) => {
    proofCases++;
    const id = await signedDraft();
    await expect(submitPortRequest(t.db, t.owner, id, [{ name: file, bytes: readProofFixture(file) }])).rejects.toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}.*is not a PDF or an image`));
    await expectNothingStored(id);
  });
});
