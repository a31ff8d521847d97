import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// Sign-in links are issued by the app (lib/auth/send-sign-in-link.ts) and spent by Auth.js's email
// callback, so the stored token is hashed exactly as Auth.js hashes it: SHA-256 (hex) of token + secret.

export function newSignInToken(): string {
  return randomBytes(32).toString('hex');
}

export function hashSignInToken(token: string, secret: string): string {
  return createHash('sha256').update(`${token}${secret}`).digest('hex');
}
