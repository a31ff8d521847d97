// The e2e run's last check (scripts/test-e2e.ts): every line the server wrote is JSON, and no line
// holds a secret the run used (PINs, sign-in tokens, API keys, webhook secrets, signing-link tokens,
// collected by the e2e helpers in used-secrets.jsonl) or anything shaped like one, nor a personal
// field (an email address, a phone number, the fixtures' names and addresses).
import { existsSync, readFileSync } from 'node:fs';
import { holdsSecret } from './holds-secret';

export type UsedSecret = { kind: string; value: string };

/** What the e2e fixtures type that is personal: names, account numbers, addresses. */
export const PERSONAL_FIXTURES = ['Summit Marketing Group LLC', 'Dana Whitfield', '8834-2219', '100 Light St', 'Suite 1200'];

const SHAPES: { kind: string; pattern: RegExp }[] = [
  { kind: 'an email address', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/ },
  { kind: 'a phone number', pattern: /\+1\d{10}\b|\(\d{3}\) \d{3}-\d{4}/ },
  { kind: 'an API key', pattern: /pn_live_/ },
  { kind: 'a webhook secret', pattern: /whsec_/ },
  { kind: 'a sign-in token', pattern: /\b[0-9a-f]{64}\b/ },
  { kind: 'a token in a query', pattern: /[?&](token|code|key)=/i },
  { kind: 'a signing-link token', pattern: /\/sign\/(?!\[token\])[A-Za-z0-9_-]{16,}/ },
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readUsedSecrets(file: string): UsedSecret[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as UsedSecret);
}

function leaves(value: unknown, at: string, out: { path: string; text: string }[]) {
  if (typeof value === 'string') out.push({ path: at, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out);
  return out;
}

/** The problems found, one per line and field, naming the field and what it holds (never the value). */
export function checkServerLog(log: string, secrets: UsedSecret[]): string[] {
  const problems: string[] = [];
  const lines = log.split('\n');
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const n = index + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      problems.push(`line ${n}: not JSON (starts ${JSON.stringify(line.slice(0, 40))})`);
      return;
    }
    for (const { path, text } of leaves(parsed, '', [])) {
      if (UUID.test(text)) continue;
      for (const secret of secrets) if (secret.value && holdsSecret(text, secret.value)) problems.push(`line ${n}: field "${path}" holds ${secret.kind}`);
      for (const fixture of PERSONAL_FIXTURES) if (text.includes(fixture)) problems.push(`line ${n}: field "${path}" holds a personal field of the fixtures`);
      for (const { kind, pattern } of SHAPES) if (pattern.test(text)) problems.push(`line ${n}: field "${path}" holds ${kind}`);
    }
  });
  return problems;
}
