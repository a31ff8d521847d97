import 'server-only';

export const SIGNATURE_MAX_BYTES = 512 * 1024;
const MAX_DIMENSION = 4096;
const PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// The IEND chunk is always 0-length with a fixed CRC, so a complete PNG ends with these 12 bytes.
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

type Result = { ok: true; png: Uint8Array } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, expected: number[], at = 0) => expected.every((b, i) => bytes[at + i] === b);

/** Accepts a signature_pad `toDataURL()` PNG. */
export function parseSignatureDataUrl(dataUrl: string): Result {
  if (typeof dataUrl !== 'string' || !dataUrl.startsWith(PREFIX)) {
    return { ok: false, message: 'The signature must be a PNG image (data:image/png;base64,...).' };
  }
  const base64 = dataUrl.slice(PREFIX.length);
  // Checked before decoding so an oversized upload costs nothing to reject.
  if (base64.length > Math.ceil(SIGNATURE_MAX_BYTES / 3) * 4) {
    return { ok: false, message: 'The signature image is too large (the limit is 512 KB).' };
  }
  if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    return { ok: false, message: 'The signature image is not valid base64.' };
  }
  const png = new Uint8Array(Buffer.from(base64, 'base64'));
  if (png.length > SIGNATURE_MAX_BYTES) {
    return { ok: false, message: 'The signature image is too large (the limit is 512 KB).' };
  }
  if (png.length < 8 + 25 + 12 || !startsWith(png, PNG_SIGNATURE) || !startsWith(png, [0x49, 0x48, 0x44, 0x52], 12)) {
    return { ok: false, message: 'The signature is not a PNG image.' };
  }
  if (!startsWith(png, PNG_IEND, png.length - PNG_IEND.length)) {
    return { ok: false, message: 'The signature image is damaged or incomplete.' };
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    return { ok: false, message: `The signature image must be between 1 and ${MAX_DIMENSION} pixels on each side.` };
  }
  return { ok: true, png };
}
