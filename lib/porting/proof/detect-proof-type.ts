import 'server-only';
import { proofDisplayName, proofSizeProblem } from './proof-limits';

export { PROOF_MAX_BYTES } from './proof-limits';

export const PROOF_ACCEPTED = 'PDF, PNG, JPEG, HEIC or WebP';

export type ProofType = {
  mime: 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/heic' | 'image/webp';
  extension: 'pdf' | 'png' | 'jpg' | 'heic' | 'webp';
};

const PDF: ProofType = { mime: 'application/pdf', extension: 'pdf' };
const PNG: ProofType = { mime: 'image/png', extension: 'png' };
const JPEG: ProofType = { mime: 'image/jpeg', extension: 'jpg' };
const HEIC: ProofType = { mime: 'image/heic', extension: 'heic' };
const WEBP: ProofType = { mime: 'image/webp', extension: 'webp' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_EOI = Buffer.from([0xff, 0xd9]);
// Major brand only: AVIF also lists mif1 among its compatible brands, and it is not HEIC.
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'heim', 'heis']);
const WINDOW = 1024;

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
const hasAt = (bytes: Uint8Array, expected: number[], at: number) =>
  at >= 0 && expected.every((b, i) => bytes[at + i] === b);

function indexOfAscii(bytes: Uint8Array, needle: string, start: number, end: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(0, end).indexOf(needle, start, 'latin1');
}

function lengthWithoutTrailing(bytes: Uint8Array, padding: number[]): number {
  let end = bytes.length;
  while (end > 0 && padding.includes(bytes[end - 1])) end--;
  return end;
}

export function detectProofType(bytes: Uint8Array): ProofType | null {
  // At the very start only: "%PDF-" further in lets an HTML page, a program or an archive pass as a PDF.
  if (ascii(bytes, 0, 5) === '%PDF-') return PDF;
  if (hasAt(bytes, PNG_SIGNATURE, 0)) return PNG;
  if (hasAt(bytes, [0xff, 0xd8, 0xff], 0)) return JPEG;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return WEBP;
  if (ascii(bytes, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(bytes, 8, 12))) return HEIC;
  return null;
}

// Cheap structure checks that catch an upload cut short or a header with nothing behind it. They do
// not decode the image or the PDF; they make sure the file is shaped like one from start to end.
function looksComplete(bytes: Uint8Array, type: ProofType): boolean {
  switch (type.mime) {
    case 'application/pdf': {
      // Readers allow whitespace after %%EOF; "startxref" must come just before it in every PDF.
      const end = lengthWithoutTrailing(bytes, [0x00, 0x09, 0x0a, 0x0d, 0x20]);
      const eof = indexOfAscii(bytes, '%%EOF', Math.max(0, end - WINDOW), end);
      return eof !== -1 && indexOfAscii(bytes, 'startxref', Math.max(0, eof - WINDOW), eof) !== -1;
    }
    // Images: complete up to their end marker; what follows it (a Motion Photo's video, a camera's
    // trailer, padding) is the phone's business.
    case 'image/png':
      return pngChunksComplete(bytes);
    case 'image/jpeg':
      return jpegSegmentsComplete(bytes);
    case 'image/webp': {
      // RIFF size, then an image chunk (VP8, VP8L or VP8X) that fits inside it.
      if (bytes.length < 20) return false;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const riffEnd = view.getUint32(4, true) + 8;
      return bytes.length >= riffEnd && ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 16)) && 20 + view.getUint32(16, true) <= riffEnd;
    }
    case 'image/heic':
      return isoBoxesComplete(bytes);
  }
}

/** PNG chunks, each within the file, from the signature to IEND. */
function pngChunksComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const kind = ascii(bytes, at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(kind) || at + 12 + length > bytes.length) return false;
    if (kind === 'IEND') return true;
    at += 12 + length;
  }
  return false;
}

/** JPEG segments, each within the file, up to the start of the image data, which must reach its end marker. */
function jpegSegmentsComplete(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return false; // the end, before any image data
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (length < 2 || at + 2 + length > bytes.length) return false;
    if (marker === 0xda) {
      const scan = at + 2 + length;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(JPEG_EOI, scan) !== -1;
    }
    at += 2 + length;
  }
  return false;
}

/** HEIC's top-level boxes (ftyp, meta, mdat, ...) tile the file exactly, and one of them is meta. */
function isoBoxesComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let hasMeta = false;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return false;
    let size = view.getUint32(at);
    const kind = ascii(bytes, at + 4, at + 8);
    if (!/^[a-z0-9 ]{4}$/i.test(kind)) return false;
    if (size === 1) {
      if (at + 16 > bytes.length) return false;
      size = Number(view.getBigUint64(at + 8));
    } else if (size === 0) {
      size = bytes.length - at; // the last box runs to the end of the file
    }
    if (size < 8 || at + size > bytes.length) return false;
    hasMeta ||= kind === 'meta';
    at += size;
  }
  return hasMeta;
}

export function checkProofFile(file: { name: string; size: number; bytes: Uint8Array }):
  | { ok: true; type: ProofType }
  | { ok: false; message: string } {
  const name = `"${proofDisplayName(file.name)}"`;
  const size = Math.max(file.size, file.bytes.length);
  if (size === 0) return { ok: false, message: `${name} is empty (0 bytes). Choose the file again.` };
  const tooLarge = proofSizeProblem({ name: file.name, size });
  if (tooLarge) return { ok: false, message: tooLarge };
  const type = detectProofType(file.bytes);
  if (!type) {
    return {
      ok: false,
      message: `The content of ${name} is not a PDF or an image of an accepted kind (${PROOF_ACCEPTED}), whatever its name says.`,
    };
  }
  if (!looksComplete(file.bytes, type)) {
    return { ok: false, message: `${name} looks damaged or incomplete. Download or export it again, then upload it.` };
  }
  return { ok: true, type };
}
