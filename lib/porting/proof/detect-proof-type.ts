import 'server-only';

export const PROOF_MAX_BYTES = 10 * 1024 * 1024;
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
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
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

function lengthWithoutZeroPadding(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
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

// Cheap end-of-file checks that catch an upload cut short; formats without one pass.
function looksComplete(bytes: Uint8Array, type: ProofType): boolean {
  switch (type.mime) {
    case 'application/pdf':
      return indexOfAscii(bytes, '%%EOF', Math.max(0, bytes.length - WINDOW), bytes.length) !== -1;
    case 'image/png':
      return hasAt(bytes, PNG_IEND, lengthWithoutZeroPadding(bytes) - PNG_IEND.length);
    case 'image/jpeg':
      return hasAt(bytes, [0xff, 0xd9], lengthWithoutZeroPadding(bytes) - 2);
    case 'image/webp': {
      const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
      return bytes.length >= declared + 8;
    }
    default:
      return true;
  }
}

function displayName(name: string): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim() || 'The file';
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

function megabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

export function checkProofFile(file: { name: string; size: number; bytes: Uint8Array }):
  | { ok: true; type: ProofType }
  | { ok: false; message: string } {
  const name = `"${displayName(file.name)}"`;
  const size = Math.max(file.size, file.bytes.length);
  if (size === 0) return { ok: false, message: `${name} is empty (0 bytes). Choose the file again.` };
  if (size > PROOF_MAX_BYTES) {
    return { ok: false, message: `${name} is ${megabytes(size)}; the limit is ${PROOF_MAX_BYTES / (1024 * 1024)} MB per file.` };
  }
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
