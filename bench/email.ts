// `npm run bench:email`: 10,000 outbox messages delivered by two worker instances to a loopback
// stand-in for the Resend API (50 ms per call, one call in ten fails), against a baseline of the
// same sends made straight to the stand-in with the same concurrency and no outbox.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { Resend } from 'resend';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { outboxEmails } from '@/db/schema';
import { deliverDueEmails } from '@/lib/mail/deliver-outbox';
import { resendTransport } from '@/lib/mail/transport';
import { startMailStandIn } from './support/mail-stand-in';

const MESSAGES = Number(process.env.BENCH_EMAILS ?? 10_000);
const CONCURRENCY = 10;

async function openPostgres(): Promise<DatabaseHandle[] | null> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    await admin.db.execute(sql.raw('drop database if exists bench_email with (force)'));
    await admin.db.execute(sql.raw('create database bench_email'));
    await admin.close();
    const target = new URL(url);
    target.pathname = '/bench_email';
    // Two pools: two app instances sharing one database.
    return [await openDatabase({ kind: 'postgres', url: target.toString(), max: 12 }), await openDatabase({ kind: 'postgres', url: target.toString(), max: 12 })];
  } catch (error) {
    console.log(`  PostgreSQL not reachable (${error instanceof Error ? error.message : error}); using PGlite, both workers in one process`);
    return null;
  }
}

export async function benchEmail(): Promise<string[]> {
  const pg = await openPostgres();
  const handles = pg ?? [await openDatabase({ kind: 'pglite' })];
  await runMigrations(handles[0]);
  const db = handles[0].db;
  const html = '<p>Your port date is set.</p>';
  for (let i = 0; i < MESSAGES; i += 1000) {
    await db.insert(outboxEmails).values(
      Array.from({ length: Math.min(1000, MESSAGES - i) }, (_, j) => ({
        template: 'bench',
        fromAddress: 'bench@localhost',
        toAddresses: [`user${i + j}@bench.example`],
        subject: `Bench ${i + j}`,
        html,
        text: 'Your port date is set.',
      })),
    );
  }

  // Baseline: the same number of calls straight to the stand-in, same concurrency, no database.
  const baselineStandIn = await startMailStandIn({ latencyMs: 50, failEvery: 10 });
  const resend = new Resend('re_bench', { baseUrl: baselineStandIn.baseUrl } as never);
  const baselineStart = performance.now();
  let next = 0;
  const direct = async () => {
    while (next < MESSAGES) {
      const n = next++;
      for (;;) {
        const r = await resend.emails.send({ from: 'bench@localhost', to: [`user${n}@bench.example`], subject: `Bench ${n}`, html, text: 'x' }, { idempotencyKey: `direct-${n}` });
        if (!r.error) break;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY * 2 }, direct));
  const baselineMs = performance.now() - baselineStart;
  await baselineStandIn.close();

  const standIn = await startMailStandIn({ latencyMs: 50, failEvery: 10 });
  process.env.RESEND_BASE_URL = standIn.baseUrl;
  const start = performance.now();
  let clock = Date.now();
  const worker = async (handle: DatabaseHandle) => {
    const transport = resendTransport('re_bench');
    for (;;) {
      // Failed calls come back after their backoff; the bench moves the clock instead of waiting.
      const report = await deliverDueEmails({ db: handle.db, transport, batchSize: 50, concurrency: CONCURRENCY, now: new Date(clock) });
      if (report.sent + report.retrying + report.failed === 0) {
        const [{ left, inFlight }] = await handle.db
          .select({ left: sql<number>`count(*) filter (where ${outboxEmails.status} <> 'sent')::int`, inFlight: sql<number>`count(*) filter (where ${outboxEmails.status} = 'sending')::int` })
          .from(outboxEmails);
        if (left === 0) return;
        // Move time only while nothing is in flight: a jump past the claim lease would hand a
        // message being sent to the other worker, which real time never does in 50 ms.
        if (inFlight === 0) clock += 60_000;
        else await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  await Promise.all((pg ?? [handles[0], handles[0]]).map(worker));
  const ms = performance.now() - start;
  const [{ sent }] = await db.select({ sent: sql<number>`count(*)::int` }).from(outboxEmails).where(sql`${outboxEmails.status} = 'sent'`);
  const duplicates = [...standIn.okByKey.values()].filter((n) => n > 1).length;
  await standIn.close();
  for (const h of handles) await h.close();

  const rows = [
    `| outbox, 2 workers (${pg ? 'PostgreSQL' : 'PGlite'}) | ${MESSAGES.toLocaleString('en-US')} | ${(ms / 1000).toFixed(1)} s | ${Math.round(MESSAGES / (ms / 1000))} msg/s | ${(baselineMs / ms).toFixed(2)}x of direct |`,
    `| direct sends, no outbox (baseline) | ${MESSAGES.toLocaleString('en-US')} | ${(baselineMs / 1000).toFixed(1)} s | ${Math.round(MESSAGES / (baselineMs / 1000))} msg/s | 1.00x |`,
    `| exactly once | delivered ${sent.toLocaleString('en-US')} of ${MESSAGES.toLocaleString('en-US')}; distinct messages accepted ${standIn.okByKey.size.toLocaleString('en-US')}; accepted twice: ${duplicates}; stand-in calls ${standIn.calls.toLocaleString('en-US')} | | | |`,
  ];
  for (const r of rows) console.log(r);
  if (sent !== MESSAGES || standIn.okByKey.size !== MESSAGES || duplicates !== 0) throw new Error('not delivered exactly once');
  return rows;
}

if (process.argv[1]?.endsWith('email.ts')) {
  console.log('| run | messages | time | throughput | vs baseline |\n|---|---|---|---|---|');
  await benchEmail();
}
