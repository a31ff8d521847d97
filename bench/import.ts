// `npm run bench:import`: a 1,000 and a 10,000-line CSV through parse, pre-checks and save into a
// draft, on PGlite and (when reachable) PostgreSQL, against a bare csv-parse + libphonenumber pass
// over the same file in the same process. Ratios hold on a shared, noisy machine; absolute times don't.
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';
import { setDatabaseHandle } from '@/lib/db';
import { readNumberLines } from '@/lib/porting/wizard/numbers/read-number-lines';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { actorFor } from './support/demo-actor';

const SOURCES = ['Google Ads', 'Website', 'Direct', 'Facebook'];

// Each run gets numbers of its own (`first`: the first local number): the parse remembers recent
// numbers, and a run on numbers an earlier run parsed would skip the parse the bare pass pays.
function makeCsv(lines: number, first: number): string {
  const rows = ['Number to Port,Receiving Number,Tracking Source,Account Name'];
  // Lines ending 0900-0999 are the carrier sandbox's not-portable rate center (lib/carrier/sandbox/rules.ts): skipped, so every line is accepted.
  for (let i = 0, n = 0; i < lines; n++) {
    const local = String(first + n * 7).padStart(7, '0');
    if (local.slice(-4) >= '0900' && local.slice(-4) <= '0999') continue;
    rows.push(`+1410${local},+14105550199,${SOURCES[i % 4]},Summit Marketing Group`);
    i++;
  }
  return rows.join('\r\n');
}

function barePass(csv: string): number {
  const records = parse(csv, { bom: true, skip_empty_lines: true, from_line: 2 }) as string[][];
  let valid = 0;
  for (const r of records) if (parsePhoneNumberFromString(r[0], 'US')?.isValid() && parsePhoneNumberFromString(r[1], 'US')?.isValid()) valid++;
  return valid;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function openEngine(engine: 'pglite' | 'postgres'): Promise<DatabaseHandle | null> {
  if (engine === 'pglite') return openDatabase({ kind: 'pglite' });
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    await admin.db.execute(sql.raw('drop database if exists bench_import with (force)'));
    await admin.db.execute(sql.raw('create database bench_import'));
    await admin.close();
    const target = new URL(url);
    target.pathname = '/bench_import';
    return openDatabase({ kind: 'postgres', url: target.toString() });
  } catch (error) {
    console.log(`  PostgreSQL rows skipped: no server at ${url} (${error instanceof Error ? error.message : error})`);
    return null;
  }
}

export async function benchImport(): Promise<string[]> {
  // The platform's own work only: with the sandbox the portability check is a carrier call (its own
  // latency, not the import's); CARRIER=manual skips it, as a desk without a carrier does.
  process.env.CARRIER ??= 'manual';
  const report: string[] = [];
  let run = 0;
  for (const engine of ['pglite', 'postgres'] as const) {
    const handle = await openEngine(engine);
    if (!handle) {
      report.push(`| ${engine} | skipped: no PostgreSQL server | | | |`);
      continue;
    }
    await runMigrations(handle);
    await seedDemo(handle.db);
    setDatabaseHandle(handle);
    const owner = await actorFor(handle.db, 'owner@summit.example');
    for (const lines of [1_000, 10_000]) {
      const csv = makeCsv(lines, 2_000_000 + 1_000_000 * run++);
      barePass(makeCsv(200, 9_000_000)); // warm the parsers' metadata once
      const bare = await timed(() => barePass(csv));
      const draftId = await createPortRequestDraft(handle.db, owner, owner.accounts[0].id);
      const full = await timed(async () => {
        const read = readNumberLines(csv);
        if (!read.ok) throw new Error(read.message);
        return addNumbersToDraft(handle.db, owner, draftId, read.lines, {});
      });
      const accepted = full.value.filter((v) => v.verdict === 'accepted').length;
      if (accepted !== lines || bare.value !== lines) throw new Error(`expected ${lines} accepted, got ${accepted} (bare ${bare.value})`);
      const row = `| ${engine} | ${lines.toLocaleString('en-US')} | ${(full.ms / 1000).toFixed(2)} s (${Math.round((lines / full.ms) * 1000).toLocaleString('en-US')} rows/s) | ${bare.ms.toFixed(0)} ms | ${(full.ms / bare.ms).toFixed(1)}x |`;
      console.log(row);
      report.push(row);
    }
    await handle.close();
  }
  return report;
}

if (process.argv[1]?.endsWith('import.ts')) {
  console.log('| engine | lines | parse + check + save | bare parse | ratio |\n|---|---|---|---|---|');
  await benchImport();
}
