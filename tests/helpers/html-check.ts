import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PageSnapshot } from '../e2e/helpers/accessibility';

// React writes `action=""` on every form whose action is a server action (the post goes to the page
// itself, as without the attribute); the HTML standard wants a non-empty URL there. The one error
// this check lets through, as issue 17 agreed; every other error fails the run.
const REACT_EMPTY_ACTION = /^Bad value “” for attribute “action” on element “form”: Must be non-empty\.$/;

type VnuMessage = { type: string; subType?: string; url?: string; message: string; extract?: string; lastLine?: number };

/**
 * The Nu HTML Checker (vnu-jar, the W3C validator's engine; it runs on Java) over every document the
 * e2e run's browsers loaded, as the server sent it (tests/e2e/helpers/accessibility.ts keeps them).
 * One check per page state; errors only (warnings are advice). Returns the documents checked and
 * each state's errors once.
 */
export async function checkHtml(file: string): Promise<{ documents: number; failures: string[]; skipped?: string }> {
  if (!existsSync(file)) return { documents: 0, failures: [] };
  const byState = new Map<string, PageSnapshot>();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const s = JSON.parse(line) as PageSnapshot;
    if (s.source && !s.blank && !byState.has(s.state)) byState.set(s.state, s);
  }
  if (byState.size === 0) return { documents: 0, failures: [] };
  const jar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'html-check-'));
  const documents = [...byState.values()];
  try {
    documents.forEach((s, i) => writeFileSync(path.join(dir, `${i}.html`), s.source!));
    let output: string;
    try {
      const result = await promisify(execFile)('java', ['-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', dir], { maxBuffer: 64 * 1024 * 1024 });
      output = result.stderr;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { documents: 0, failures: [], skipped: 'no Java on this machine (the Nu HTML Checker runs on it)' };
      throw error;
    }
    const messages = (JSON.parse(output) as { messages: VnuMessage[] }).messages;
    const failures = new Map<string, string>();
    for (const m of messages) {
      if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
      if (REACT_EMPTY_ACTION.test(m.message)) continue;
      const index = Number(path.basename(m.url ?? '', '.html').replace(/^.*\//, ''));
      const s = documents[index];
      const where = s ? `${s.state} (${s.url})` : (m.url ?? 'the check');
      const key = `${s?.state} ${m.message}`;
      if (!failures.has(key)) failures.set(key, `${where}: ${m.message}${m.extract ? ` near “${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}”` : ''}`);
    }
    return { documents: documents.length, failures: [...failures.values()] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
