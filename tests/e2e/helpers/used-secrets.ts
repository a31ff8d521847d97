import { appendFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Notes a secret this e2e run typed or was given (a PIN, a sign-in token, an API key, a webhook
 * secret, a signing-link token): the harness's last check (tests/helpers/server-log-check.ts)
 * fails if the server's log holds one.
 */
export function rememberSecret(kind: string, value: string | null | undefined): void {
  if (!value || !process.env.E2E_DATA_DIR) return;
  appendFileSync(path.join(process.env.E2E_DATA_DIR, 'used-secrets.jsonl'), `${JSON.stringify({ kind, value })}\n`);
}
