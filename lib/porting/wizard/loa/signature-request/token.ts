import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/config/env';

// The signing link's secret: 32 random bytes (base64url, 43 characters), kept only as its SHA-256.

const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

export function newSigningToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSigningToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedSigningToken(token: unknown): token is string {
  return typeof token === 'string' && WELL_FORMED.test(token);
}

/** On APP_URL alone, never on a request's Host. */
export function signingUrl(token: string): string {
  return `${getEnv().appUrl}/sign/${token}`;
}

export const SIGNING_LINK_DAYS = 7;
