import { openSync, closeSync } from 'node:fs';
import path from 'node:path';

/**
 * Phone numbers no other test of this run has had: every call hands out the next one, across all
 * test files and jest workers of the run (blocks of numbers are claimed with an exclusive file
 * create in the run's folder, made by tests/helpers/global-setup.ts).
 *
 * They are valid NANP numbers the wizard's pre-checks accept, from line numbers 1000-9999 of a
 * 555 exchange. Hand-picked numbers in tests, the hostile corpus and the demo (tracking numbers
 * +14105550100..0102, receiving numbers +14105550000 and +14105550199, ...) are all 555-0xxx, so a
 * fresh number is never one of them.
 */
export type NumberKind = 'US' | 'CA' | 'toll-free';

const PREFIX: Record<NumberKind, string> = { US: '+1410555', CA: '+1416555', 'toll-free': '+1800555' };
const FIRST_LINE = 1000;
const LINES = 9000;
const BLOCK = 25;

type Pool = { next: number; end: number; lastBlock: number };
const pools: Partial<Record<NumberKind, Pool>> = {};

function claimBlock(kind: NumberKind, from: number): number {
  const dir = process.env.TEST_NUMBERS_DIR;
  if (!dir) return from; // outside jest's global setup: only this process hands numbers out
  for (let block = from; block < LINES / BLOCK; block++) {
    try {
      closeSync(openSync(path.join(dir, `${kind}-${block}`), 'wx'));
      return block;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`freshNumber: all ${LINES} ${kind} numbers of this run are used up`);
}

/** A number never handed out before in this run: US local by default, or Canadian, or toll-free. */
export function freshNumber(kind: NumberKind = 'US'): string {
  let pool = pools[kind];
  if (!pool || pool.next === pool.end) {
    const block = claimBlock(kind, pool ? pool.lastBlock + 1 : 0);
    if (block >= LINES / BLOCK) throw new Error(`freshNumber: all ${LINES} ${kind} numbers of this run are used up`);
    pool = pools[kind] = { next: block * BLOCK, end: (block + 1) * BLOCK, lastBlock: block };
  }
  const line = FIRST_LINE + pool.next++;
  return `${PREFIX[kind]}${line}`;
}

export function freshNumbers(count: number, kind: NumberKind = 'US'): string[] {
  return Array.from({ length: count }, () => freshNumber(kind));
}

/** How the app shows a NANP number, written out here so tests do not check the app against itself: (410) 555-1234. */
export function displayed(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (!m) throw new Error(`not a NANP number: ${e164}`);
  return `(${m[1]}) ${m[2]}-${m[3]}`;
}
