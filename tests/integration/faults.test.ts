import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { outboxEmails, portRequests, proofFiles } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Actor } from '@/lib/auth/actor';
import { submitPortRequest } from '@/lib/porting/submission/submit-port-request';
import { createStorage, setStorage, type Storage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { createTestStorage } from '../helpers/storage';

let handle: DatabaseHandle;
let storage: Storage;
let owner: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
  owner = await actorByEmail(handle.db, 'owner@summit.example');
});
afterAll(async () => {
  await storage.close();
  await handle.close();
});

test('with object storage down, submitting fails cleanly and works once it is back', async () => {
  const id = await draftReadyToSign(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'), ['+14105550250']);
  await signDraft(handle.db, owner, id);
  // Nothing listens on port 9 of this machine: every S3 call fails as when the store is down.
  const down = createStorage({ endpoint: 'http://127.0.0.1:9', bucket: 'down', accessKeyId: 'x', secretAccessKey: 'x' });
  setStorage(down);
  await expect(submitPortRequest(handle.db, owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }])).rejects.toThrow();
  const [request] = await handle.db.select().from(portRequests).where(eq(portRequests.id, id));
  expect(request.status).toBe('draft');
  expect(await handle.db.select().from(proofFiles).where(eq(proofFiles.portRequestId, id))).toEqual([]);
  expect(await handle.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`))).toEqual([]);

  setStorage(storage);
  expect(await submitPortRequest(handle.db, owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }])).toEqual({ requestIds: [id], alreadySubmitted: false });
  expect(await handle.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`))).toHaveLength(1);
});
