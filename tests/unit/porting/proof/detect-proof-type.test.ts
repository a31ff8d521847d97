import { PROOF_MAX_BYTES, checkProofFile, detectProofType } from '@/lib/porting/proof/detect-proof-type';
import { makeIsoBmff, makeJpeg, makePdf, makePng, makeWebp, makeZip } from '@/tests/fixtures/proof/samples';

const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, bytes });
const text = (s: string) => new Uint8Array(Buffer.from(s));

function refusal(result: ReturnType<typeof checkProofFile>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${result.type.mime}`);
  return result.message;
}

describe('detectProofType', () => {
  test.each([
    ['a PDF', async () => makePdf(), 'application/pdf', 'pdf'],
    ['a PNG', async () => makePng(), 'image/png', 'png'],
    ['a JPEG', async () => makeJpeg(), 'image/jpeg', 'jpg'],
    ['a WebP', async () => makeWebp(), 'image/webp', 'webp'],
    ['a HEIC', async () => makeIsoBmff('heic'), 'image/heic', 'heic'],
    ['a mif1 HEIF', async () => makeIsoBmff('mif1'), 'image/heic', 'heic'],
  ])('recognizes %s by its content', async (_, make, mime, extension) => {
    const bytes = await make();
    expect(detectProofType(bytes)).toEqual({ mime, extension });
    expect(checkProofFile(file('upload.bin', bytes))).toEqual({ ok: true, type: { mime, extension } });
  });

  test('takes a file for a PDF only when it starts with %PDF-, so other content cannot carry the marker in', async () => {
    const pdf = await makePdf();
    expect(detectProofType(pdf)?.mime).toBe('application/pdf');
    expect(detectProofType(new Uint8Array([...new Array(20).fill(0x20), ...pdf]))).toBeNull();
    expect(detectProofType(new Uint8Array([...new TextEncoder().encode('<html><!-- '), ...pdf]))).toBeNull();
  });

  test('does not take AVIF (ftyp avif, compatible with mif1) for HEIC', () => {
    expect(detectProofType(makeIsoBmff('avif'))).toBeNull();
  });
});

describe('checkProofFile', () => {
  test('refuses a text file renamed .pdf, naming the file', () => {
    const message = refusal(checkProofFile(file('bill.pdf', text('Account 1234\nAmount due $40\n'))));
    expect(message).toContain('"bill.pdf"');
    expect(message).toMatch(/not a PDF or an image/);
    expect(message).toContain('whatever its name says');
  });

  test('refuses an SVG and a zip', () => {
    const svg = text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>bill</text></svg>');
    expect(refusal(checkProofFile(file('bill.svg', svg)))).toMatch(/not a PDF or an image/);
    expect(refusal(checkProofFile(file('bill.zip', makeZip())))).toMatch(/not a PDF or an image/);
  });

  test('refuses an empty file', () => {
    expect(refusal(checkProofFile(file('bill.pdf', new Uint8Array())))).toMatch(/"bill\.pdf" is empty/);
  });

  test('refuses 11 MB, naming the limit and the file', async () => {
    const pdf = await makePdf();
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(pdf);
    const message = refusal(checkProofFile(file('scan.pdf', big)));
    expect(message).toContain('"scan.pdf"');
    expect(message).toContain('10 MB');
    expect(message).toContain('11.0 MB');
  });

  test('accepts exactly 10 MB and trusts the larger of the declared and actual size', () => {
    const png = makePng();
    const padded = new Uint8Array(PROOF_MAX_BYTES);
    padded.set(png);
    expect(checkProofFile(file('photo.png', padded)).ok).toBe(true);
    expect(checkProofFile({ name: 'photo.png', size: PROOF_MAX_BYTES + 1, bytes: png }).ok).toBe(false);
  });

  test.each([
    ['PNG', 'photo.png', () => makePng().slice(0, -20)],
    ['JPEG', 'photo.jpg', () => makeJpeg().slice(0, -2)],
    ['PDF', 'bill.pdf', async () => (await makePdf()).slice(0, -100)],
    ['WebP', 'photo.webp', () => makeWebp().slice(0, -3)],
  ])('refuses a truncated %s as damaged', async (_, name, make) => {
    expect(refusal(checkProofFile(file(name, await make())))).toMatch(/looks damaged or incomplete/);
  });

  test('refuses a HEIC whose boxes stop short or have no meta box, and a header with nothing behind it', () => {
    const heic = makeIsoBmff('heic');
    const mdat = new Uint8Array([0, 0, 0, 16, ...Buffer.from('mdat'), 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(checkProofFile(file('photo.heic', new Uint8Array([...heic, ...mdat]))).ok).toBe(true);
    expect(refusal(checkProofFile(file('photo.heic', new Uint8Array([...heic, ...mdat.slice(0, -3)]))))).toMatch(/damaged/);
    expect(refusal(checkProofFile(file('photo.heic', heic.slice(0, -8))))).toMatch(/damaged/);
    expect(refusal(checkProofFile(file('bill.pdf', text('%PDF-%%EOF'))))).toMatch(/damaged/);
  });

  test('allows zero padding after the end of a JPEG or PNG, and whitespace after a PDF', async () => {
    expect(checkProofFile(file('bill.pdf', new Uint8Array([...(await makePdf()), ...Buffer.from(' '.repeat(2000))]))).ok).toBe(true);
    expect(checkProofFile(file('photo.jpg', new Uint8Array([...makeJpeg(), 0, 0, 0]))).ok).toBe(true);
    expect(checkProofFile(file('photo.png', new Uint8Array([...makePng(), 0, 0]))).ok).toBe(true);
  });

  test('keeps control characters and very long names out of messages', () => {
    const message = refusal(checkProofFile(file(`${'a'.repeat(200)}\u202e.pdf`, text('hello'))));
    expect(message).not.toContain('\u202e');
    expect(message).toContain('...');
  });
});
