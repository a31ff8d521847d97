import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { ensurePrivateDir } from '../lib/config/private-dir';
import { logFailure } from '../lib/log';
import { copyPgliteTemplate } from './pglite-template';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Database | Transaction;

export type QueryLogger = { logQuery(query: string, params: unknown[]): void };

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; max?: number; logger?: QueryLogger }
  | {
      kind: 'pglite';
      dir?: string;
      loadDataDir?: Blob;
      /** A migrated database folder (db/pglite-template.ts) to start from when `dir` holds none yet. */
      templateDir?: string;
      logger?: QueryLogger;
    };

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseConfig['kind'];
  config: DatabaseConfig;
  close(): Promise<void>;
  /** PGlite only: the database files as a gzip tarball, for per-test templates. */
  dump?(): Promise<Blob>;
};

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // A database that stops answering (a network that drops packets) fails a new connection after
    // 5 s instead of holding the request until TCP gives up; keep-alive finds dead idle sockets.
    const pool = new Pool({ connectionString: config.url, max: config.max ?? 10, connectionTimeoutMillis: 5_000, keepAlive: true });
    // A connection the server ends (restart, failover, a killed backend) fails its queries, leaves
    // the pool and is replaced by the next one. Its 'error' event, idle or checked out (pg leaves
    // those to the caller), must be heard, or Node treats it as a crash of the whole process.
    pool.on('error', (error) => logFailure('database connection', error));
    pool.on('connect', (client) => client.on('error', (error) => logFailure('database connection', error)));
    const db = drizzle(pool, { schema, logger: config.logger }) as unknown as Database;
    return { db, kind: 'postgres', config, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const release = config.dir ? lockDataDir(config.dir) : () => {};
  try {
    if (config.dir && config.templateDir) copyPgliteTemplate(config.templateDir, config.dir);
    // pg_trgm serves the desk's name search (migration 0015 creates it; PostgreSQL ships it).
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const client = await PGlite.create({
      dataDir: config.dir,
      loadDataDir: config.loadDataDir,
      extensions: { pg_trgm },
      // A 32 MB buffer pool rather than PostgreSQL's 128 MB: setting up the larger one took ~0.1 s of
      // every start, and the embedded database (one machine's demo and development data) fits in it.
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    });
    const db = drizzle(client, { schema, logger: config.logger }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      config,
      close: async () => {
        await client.close();
        release();
      },
      dump: () => client.dumpDataDir('gzip') as Promise<Blob>,
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite has no lock of its own: two processes on one folder silently lose writes. A pid file
 * turns that into a clear refusal.
 */
function lockDataDir(dir: string): () => void {
  ensurePrivateDir(dir);
  const lockFile = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${pid} (the running app?). Stop it first, or set DATABASE_URL to use PostgreSQL.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
