import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/config/env';

// A PIN typed into a form that the server then refuses for another field: never sent back in clear,
// yet not lost. It goes back sealed (AES-256-GCM under a key of its own, derived from the PIN key),
// bound to the request and the user who typed it, and good for an hour; the page holds only
// ciphertext, and a sealed PIN copied to another request or user does not open.

const KEPT_FOR_MS = 60 * 60 * 1000;
const VERSION = 'k1';

export type PinHolder = { requestId: string; userId: string };

let derived: { from: Buffer; key: Buffer } | null = null;
function sealKey(): Buffer {
  const pinKey = getEnv().pinEncryptionKey;
  if (derived?.from !== pinKey) derived = { from: pinKey, key: Buffer.from(hkdfSync('sha256', pinKey, Buffer.alloc(0), 'port-numbers: PIN kept across a refused form', 32)) };
  return derived.key;
}

const boundTo = (holder: PinHolder) => Buffer.from(`${holder.requestId}:${holder.userId}`);

export function sealPin(pin: string, holder: PinHolder, now = new Date()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  cipher.setAAD(boundTo(holder));
  const body = Buffer.concat([cipher.update(JSON.stringify({ pin, until: now.getTime() + KEPT_FOR_MS }), 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The sealed PIN, or null when it is not one, was sealed for another request or user, or is over an hour old. */
export function openSealedPin(sealed: string, holder: PinHolder, now = new Date()): string | null {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  try {
    const bytes = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealKey(), bytes.subarray(0, 12));
    decipher.setAAD(boundTo(holder));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const { pin, until } = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as { pin: string; until: number };
    return typeof pin === 'string' && until > now.getTime() ? pin : null;
  } catch {
    return null;
  }
}

/**
 * The form as posted, with the kept PIN put back where the user left the field blank (a PIN typed
 * again wins). `lost` when a kept PIN no longer opens: the user must type it again, since saving
 * without it would quietly keep the old PIN or none.
 */
export function withKeptPin(values: Record<string, string>, holder: PinHolder, now = new Date()): { values: Record<string, string>; lost: boolean } {
  const { keptPin, ...rest } = values;
  if (rest.accountPin || !keptPin) return { values: rest, lost: false };
  const pin = openSealedPin(keptPin, holder, now);
  return pin === null ? { values: rest, lost: true } : { values: { ...rest, accountPin: pin }, lost: false };
}

/** What goes back to the form: never the PIN; the PIN sealed when `keep` and one was typed. */
export function valuesToEcho(values: Record<string, string>, holder: PinHolder, keep: boolean, now = new Date()): Record<string, string> {
  const { accountPin, ...rest } = values;
  return { ...rest, accountPin: '', ...(keep && accountPin ? { keptPin: sealPin(accountPin, holder, now) } : {}) };
}
