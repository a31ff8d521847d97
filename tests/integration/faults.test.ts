import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { outboxEmails, portRequestEvents, portRequests, proofFiles } from '@/db/schema';
import { runService } from '@/lib/forms/run-service';
import { deliverDueEmails } from '@/lib/mail/deliver-outbox';
import { resendTransport } from '@/lib/mail/transport';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { EMBEDDED_S3_CREDENTIALS, startEmbeddedS3, type EmbeddedS3 } from '@/lib/storage/embedded-s3';
import { createStorage, setStorage } from '@/lib/storage/s3';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { startResendStandIn } from '../helpers/resend-stand-in';
import { setupTestContext } from '../helpers/test-context';

// The fault suite: a customer sends their proof while one service after another fails. Each time
// they get a message that says to try again, nothing is half-written, no stored file is left
// without its record (or a record without its file), and the retry ends with one request and one
// email, delivered once.

const BUCKET = 'faults';
const s3Dir = mkdtempSync(path.join(os.tmpdir(), 'port-faults-s3-'));
let s3: EmbeddedS3;
let s3Port = 0;
// Each test has its own database; the object store is this file's own (stopped and started by a test).
const t = setupTestContext({ storage: false });
const tried: string[] = [];

async function startS3() {
  s3 = await startEmbeddedS3({ dir: s3Dir, bucket: BUCKET, port: s3Port });
  s3Port = Number(new URL(s3.endpoint).port);
  setStorage(createStorage({ endpoint: s3.endpoint, bucket: BUCKET, ...EMBEDDED_S3_CREDENTIALS }));
}

beforeAll(async () => {
  await startS3();
});
afterAll(async () => {
  await s3.close();
  console.log(`faults: ${tried.length} failures injected into a submission (${tried.join('; ')})`);
});

async function signedDraft() {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  return id;
}

/** What the customer's "Send Proof of Ownership" answers: null when it went through. */
async function send(id: string) {
  const result = await runService(() => submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]), {});
  return result.ok ? null : result;
}

/** Proof files in the object store for a request, read from the store's own folder. */
function storedProofObjects(id: string): string[] {
  const dir = path.join(s3Dir, BUCKET, 'proof', id);
  try {
    return readdirSync(dir).filter((f) => statSync(path.join(dir, f)).isFile() && f.endsWith('._S3rver_object'));
  } catch {
    return [];
  }
}

/** Nothing of the failed attempt is left: still a draft, no proof rows or files, no event, no email. */
async function expectUntouched(id: string) {
  const [request] = await t.db.select().from(portRequests).where(eq(portRequests.id, id));
  expect(request.status).toBe('draft');
  expect(await t.db.select().from(proofFiles).where(eq(proofFiles.portRequestId, id))).toEqual([]);
  expect(storedProofObjects(id)).toEqual([]);
  const events = await t.db.select().from(portRequestEvents).where(eq(portRequestEvents.portRequestId, id));
  expect(events.filter((e) => e.toStatus === 'submitted')).toEqual([]);
  expect(await t.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`))).toEqual([]);
}

/** The retry went through once: submitted, its proof recorded and stored, one email queued. */
async function expectSubmittedOnce(id: string) {
  const rows = await t.db.select().from(portRequests).where(eq(portRequests.id, id));
  expect(rows.map((r) => r.status)).toEqual(['submitted']);
  const proof = await t.db.select().from(proofFiles).where(eq(proofFiles.portRequestId, id));
  expect(proof).toHaveLength(1);
  expect(storedProofObjects(id)).toHaveLength(1);
  expect(storedProofObjects(id)[0]).toContain(path.basename(proof[0].storageKey));
  expect(await t.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`))).toHaveLength(1);
}

const retryMessage = expect.objectContaining({ ok: false, formError: expect.stringMatching(/try again/i) });

test('with the object store stopped, sending proof fails with a message to retry, and works once it is back', async () => {
  tried.push('object store stopped');
  const id = await signedDraft();
  await s3.close();
  try {
    expect(await send(id)).toEqual(retryMessage);
  } finally {
    await startS3();
  }
  await expectUntouched(id);
  expect(await send(id)).toBeNull();
  await expectSubmittedOnce(id);
});

/**
 * The database connection drops inside the submission's transaction, at `table`'s insert. On
 * PostgreSQL the server really ends the connection (pg_terminate_backend on itself); PGlite has no
 * connection to end, so there the insert fails with the same error code (57P01, admin_shutdown).
 */
async function dropConnectionAtInsertInto(table: string) {
  const end =
    t.handle.kind === 'postgres'
      ? 'perform pg_terminate_backend(pg_backend_pid());'
      : `raise exception 'terminating connection due to administrator command' using errcode = '57P01';`;
  await t.db.execute(sql.raw(`create or replace function fault_drop_connection() returns trigger language plpgsql as $$ begin ${end} return new; end $$`));
  await t.db.execute(sql.raw(`create trigger fault_drop_connection before insert on ${table} for each row execute function fault_drop_connection()`));
  return () => t.db.execute(sql.raw(`drop trigger fault_drop_connection on ${table}`));
}

test.each([
  ['proof_files', 'the first write (recording the proof)'],
  ['outbox_emails', 'the last write (queueing the email), after the status changed'],
])('with the database connection dropped at %s, %s, nothing is half-written and the retry submits once', async (table) => {
  tried.push(`database connection dropped at the ${table} insert`);
  const id = await signedDraft();
  const restore = await dropConnectionAtInsertInto(table);
  try {
    expect(await send(id)).toEqual(retryMessage);
  } finally {
    await restore();
  }
  await expectUntouched(id);
  expect(await send(id)).toBeNull();
  // A second click after the retry (or a replayed form) finds it sent and adds nothing.
  expect(await send(id)).toBeNull();
  await expectSubmittedOnce(id);
});

test('with the mail service answering 500 and then never answering, the request is in and its email arrives once after recovery', async () => {
  tried.push('mail service answering 500', 'mail service hanging after accepting');
  const standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.baseUrl;
  try {
    const id = await signedDraft();
    standIn.failNextCalls(1);
    standIn.hangAfterAcceptingNext(1);
    // Mail is not on the customer's path: the request goes in while the service is failing.
    expect(await send(id)).toBeNull();
    const transport = resendTransport('re_test', { timeoutMs: 300 });
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    expect(await deliverDueEmails({ db: t.db, transport })).toMatchObject({ sent: 0, retrying: 1 });
    expect(await deliverDueEmails({ db: t.db, transport, now: later(1) })).toMatchObject({ sent: 0, retrying: 1 });
    expect(await deliverDueEmails({ db: t.db, transport, now: later(10) })).toMatchObject({ sent: 1, retrying: 0 });
    expect(await deliverDueEmails({ db: t.db, transport, now: later(60) })).toMatchObject({ sent: 0, retrying: 0 });
    expect(standIn.accepted).toHaveLength(1);
    expect(standIn.accepted[0].body.to).toEqual(['owner@summit.example']);
    expect(standIn.accepted[0].body.subject).toMatch(/received/i);
    await expectSubmittedOnce(id);
  } finally {
    delete process.env.RESEND_BASE_URL;
    await standIn.close();
  }
});
