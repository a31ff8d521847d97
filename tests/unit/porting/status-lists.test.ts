/**
 * Issue 13: status knowledge lives in lib/porting/lifecycle. A list of statuses written anywhere
 * else (an array of two or more status names, an `.includes` over one, an SQL `in ('…', '…')`)
 * is the rule copied: it fails here, and the fix is a named set in lib/porting/lifecycle/statuses.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NUMBER_STATUSES, REQUEST_STATUSES } from '@/lib/porting/lifecycle/statuses';

const STATUS = [...new Set<string>([...REQUEST_STATUSES, ...NUMBER_STATUSES])];
const name = `(?:${STATUS.join('|')})`;
// Two or more quoted status names in a row, separated by commas: ['approved', 'scheduled'], in ('pending', 'approved').
const LIST = new RegExp(`['"\`]${name}['"\`](?:\\s*,\\s*['"\`]${name}['"\`])+`, 'g');
// A set spelled as comparisons of one value: s === 'approved' || s === 'scheduled', s !== 'draft' && s !== 'changes_needed'.
const CHAIN = new RegExp(`([\\w.?]+)\\s*[!=]==\\s*['"\`]${name}['"\`]\\s*(?:\\|\\||&&)\\s*\\1\\s*[!=]==\\s*['"\`]${name}['"\`]`, 'g');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full.endsWith(path.join('lib', 'porting', 'lifecycle')) ? [] : sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

export function statusListsIn(files: { file: string; source: string }[]): string[] {
  return files.flatMap(({ file, source }) => [...source.matchAll(LIST), ...source.matchAll(CHAIN)].map((m) => `${file}: ${m[0]}`));
}

test('no module outside lib/porting/lifecycle lists statuses', () => {
  const files = ['app', 'lib', 'components'].flatMap((d) => sources(path.join(process.cwd(), d))).map((file) => ({ file: path.relative(process.cwd(), file), source: readFileSync(file, 'utf8') }));
  expect(files.length).toBeGreaterThan(100);
  expect(statusListsIn(files)).toEqual([]);
});

test('the check catches the lists it is there for', () => {
  const planted = [
    { file: 'a.ts', source: "if (['approved', 'scheduled'].includes(s)) return;" },
    { file: 'b.ts', source: "sql`status in ('pending', 'approved', 'scheduled')`" },
    { file: 'c.ts', source: 'const QUEUE = ["submitted", "in_review"];' },
    { file: 'd.ts', source: "const one = 'approved'; eq(status, 'pending');" },
    { file: 'e.ts', source: "if (request.status === 'approved' || request.status === 'scheduled') go();" },
    { file: 'f.ts', source: "if (s !== 'draft' && s !== 'changes_needed') stop();" },
    { file: 'g.ts', source: "if (event.from === 'draft' && event.to === 'submitted') welcome();" },
  ];
  expect(statusListsIn(planted).map((hit) => hit.split(':')[0])).toEqual(['a.ts', 'b.ts', 'c.ts', 'e.ts', 'f.ts']);
});
