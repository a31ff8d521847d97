import type { Database, DatabaseHandle, QueryLogger } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { setDatabaseHandle } from '@/lib/db';
import type { Storage } from '@/lib/storage/s3';
import { closeTestDatabases, openTestDatabase } from './database';
import { accountIdByName, actorByEmail } from './demo';
import { freshNumber, freshNumbers, type NumberKind } from './numbers';
import { startTestStorage, type TestStorageServer } from './storage';

/**
 * The one setup of an integration test file. Call it once, at the top of the file:
 *
 *   const t = setupTestContext();
 *   test('...', async () => { await createPortRequestDraft(t.db, t.owner, t.summit); ... });
 *
 * Every TEST gets, in a beforeEach:
 * - its own database (tests/helpers/database.ts): a copy of the migrated template with the demo
 *   loaded (db/seed.ts), or without it (`seed: false`); it is also the app's getDb();
 * - its own bucket on this file's S3 stand-in (tests/helpers/storage.ts), also the app's storage
 *   (`storage: false` when the file needs none or runs its own);
 * - the demo's users as Actors and its accounts' ids, loaded from that database;
 * and everything is closed after it. So a test sees nothing of another test, whatever the order
 * (`--randomize`) and whether it runs alone (`-t`).
 *
 * freshNumber()/freshNumbers(n) hand out numbers no test of the run has had (tests/helpers/numbers.ts).
 * defer(fn) runs fn after the test, before its database closes (last deferred first).
 */
export type TestContext = {
  handle: DatabaseHandle;
  db: Database;
  storage: Storage;
  /** owner@summit.example: Summit Marketing Group and its sub-accounts (admin). */
  owner: Actor;
  /** analyst@summit.example: Summit Marketing Group only (member). */
  analyst: Actor;
  /** dental@summit.example: Summit Dental only. */
  dental: Actor;
  /** office@harbor.example: Harbor Legal only. */
  harbor: Actor;
  /** regulatory@porting.example: the regulatory team (staff console). */
  staff: Actor;
  /** Account ids: Summit Marketing Group (the agency), its sub-accounts, and Harbor Legal. */
  summit: string;
  summitDental: string;
  summitPlumbing: string;
  harborLegal: string;
  freshNumber(kind?: NumberKind): string;
  freshNumbers(count: number, kind?: NumberKind): string[];
  defer(cleanup: () => unknown): void;
};

export type TestContextOptions = {
  /** A database for each test (default true). */
  database?: boolean;
  /** Load the demo into it (default true). Without it: migrated and empty, and no demo actors. */
  seed?: boolean;
  /** A bucket on the S3 stand-in for each test (default true). */
  storage?: boolean;
  /** Told every statement the test's database runs (counting queries). */
  queryLogger?: QueryLogger;
};

const DEMO_USERS = {
  owner: 'owner@summit.example',
  analyst: 'analyst@summit.example',
  dental: 'dental@summit.example',
  harbor: 'office@harbor.example',
  staff: 'regulatory@porting.example',
} as const;
const DEMO_ACCOUNTS = {
  summit: 'Summit Marketing Group',
  summitDental: 'Summit Dental',
  summitPlumbing: 'Summit Plumbing',
  harborLegal: 'Harbor Legal',
} as const;

type PerTest = Omit<TestContext, 'freshNumber' | 'freshNumbers' | 'defer'>;

export function setupTestContext(options: TestContextOptions = {}): TestContext {
  const { database = true, seed = true, storage = true, queryLogger } = options;
  let server: TestStorageServer | undefined;
  let current: Partial<PerTest> | undefined;
  let cleanups: (() => unknown)[] = [];

  if (storage) {
    beforeAll(async () => {
      server = await startTestStorage();
    });
  }
  afterAll(async () => {
    await server?.close();
    await closeTestDatabases();
  });

  beforeEach(async () => {
    const now: Partial<PerTest> = {};
    current = now;
    if (database) {
      now.handle = await openTestDatabase({ seeded: seed, logger: queryLogger });
      now.db = now.handle.db;
      if (seed) {
        const db = now.db;
        const actors = await Promise.all(Object.values(DEMO_USERS).map((email) => actorByEmail(db, email)));
        Object.keys(DEMO_USERS).forEach((key, i) => Object.assign(now, { [key]: actors[i] }));
        const ids = await Promise.all(Object.values(DEMO_ACCOUNTS).map((name) => accountIdByName(db, name)));
        Object.keys(DEMO_ACCOUNTS).forEach((key, i) => Object.assign(now, { [key]: ids[i] }));
      }
    }
    if (server) now.storage = await server.bucket();
  });

  afterEach(async () => {
    const ending = current;
    const deferred = cleanups.reverse();
    cleanups = [];
    current = undefined;
    const errors: unknown[] = [];
    for (const cleanup of deferred) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (ending?.handle) {
      setDatabaseHandle(undefined);
      await ending.handle.close();
    }
    if (errors.length) throw errors[0];
  });

  const context = {
    freshNumber,
    freshNumbers,
    defer(cleanup: () => unknown) {
      if (!current) throw new Error('defer() is for a test or its beforeEach');
      cleanups.push(cleanup);
    },
  } as TestContext;
  const perTest: (keyof PerTest)[] = ['handle', 'db', 'storage', ...(Object.keys(DEMO_USERS) as (keyof PerTest)[]), ...(Object.keys(DEMO_ACCOUNTS) as (keyof PerTest)[])];
  for (const key of perTest) {
    Object.defineProperty(context, key, {
      enumerable: true,
      get() {
        const value = current?.[key];
        if (value === undefined) {
          const why = !current
            ? 'only inside a test (or its beforeEach/afterEach)'
            : key === 'storage'
              ? 'with storage (setupTestContext({ storage: true }))'
              : key === 'handle' || key === 'db'
                ? 'with a database (setupTestContext({ database: true }))'
                : 'with the demo loaded (setupTestContext({ seed: true }))';
          throw new Error(`t.${key} is available ${why}`);
        }
        return value;
      },
    });
  }
  return context;
}
