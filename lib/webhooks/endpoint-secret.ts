import 'server-only';
import { randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/config/env';
import { decryptPin, encryptPin } from '@/lib/crypto/pin';

// An endpoint's signing secret, as Standard Webhooks expects it: `whsec_` and the base64 of 32
// random bytes. Kept encrypted at rest with the PIN key (AES-256-GCM: the app must sign with it,
// so it cannot be hashed); shown to the admin once, when created or rotated.

/** How long the previous secret keeps signing after a rotation, so receivers can switch over. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600 * 1000;

export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function sealSecret(secret: string): string {
  return encryptPin(secret, getEnv().pinEncryptionKey);
}

export function openSecret(ciphertext: string): string {
  return decryptPin(ciphertext, getEnv().pinEncryptionKey);
}

/** The secrets that sign a message at `now`: the current one, and the previous one during its grace period. */
export function signingSecrets(
  endpoint: { secretCiphertext: string; previousSecretCiphertext: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const secrets = [openSecret(endpoint.secretCiphertext)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(openSecret(endpoint.previousSecretCiphertext));
  }
  return secrets;
}
