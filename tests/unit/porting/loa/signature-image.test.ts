import { parseSignatureDataUrl } from '@/lib/porting/wizard/loa/signature-image';
import { makePng } from '@/tests/fixtures/proof/samples';

const dataUrl = (bytes: Uint8Array, mime = 'image/png') => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

function refusal(input: string): string {
  const result = parseSignatureDataUrl(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

test('accepts a signature_pad PNG data URL and returns the PNG bytes', () => {
  const png = makePng(300, 100);
  const result = parseSignatureDataUrl(dataUrl(png));
  expect(result).toEqual({ ok: true, png });
});

test('refuses other image types and non-data URLs', () => {
  expect(refusal(dataUrl(makePng(), 'image/jpeg'))).toMatch(/must be a PNG/);
  expect(refusal('data:image/svg+xml;base64,PHN2Zy8+')).toMatch(/must be a PNG/);
  expect(refusal('https://example.com/sig.png')).toMatch(/must be a PNG/);
  expect(refusal('')).toMatch(/must be a PNG/);
});

test('refuses bad base64 and content that is not a PNG', () => {
  expect(refusal('data:image/png;base64,')).toMatch(/not valid base64/);
  expect(refusal('data:image/png;base64,@@@@')).toMatch(/not valid base64/);
  expect(refusal(dataUrl(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'.repeat(3)))))).toMatch(
    /not a PNG/,
  );
});

test('refuses a truncated PNG', () => {
  expect(refusal(dataUrl(makePng().slice(0, -4)))).toMatch(/damaged or incomplete/);
});

test('refuses more than 512 KB without decoding it', () => {
  const big = new Uint8Array(513 * 1024);
  big.set(makePng());
  expect(refusal(dataUrl(big))).toMatch(/512 KB/);
});

test('refuses absurd dimensions', () => {
  expect(refusal(dataUrl(makePng(5000, 1)))).toMatch(/pixels/);
});
