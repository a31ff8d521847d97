import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// An API key is "pn_live_" and 32 random bytes (base64url): 256 bits, so only its SHA-256 is kept,
// with no salt needed; the first characters stay visible so a person can tell keys apart.

export const API_KEY_PREFIX = 'pn_live_';
const VISIBLE_CHARACTERS = API_KEY_PREFIX.length + 6;

export function generateApiKeySecret(): { secret: string; prefix: string; secretSha256: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, VISIBLE_CHARACTERS), secretSha256: apiKeySha256(secret) };
}

export function apiKeySha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The shape of a key, checked before any database look-up. */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(API_KEY_PREFIX.length));
}
