// `npm run bench`: every benchmark, each printing its figures against a baseline from the same run.
// Builds the app first when there is no production build (pages, JavaScript and cold start use it).
import { buildApp } from '../scripts/build';
import { existsSync } from 'node:fs';
import { FRONT_DOOR_BUNDLE } from '../scripts/server-command';
import os from 'node:os';
import { benchColdStart } from './cold-start';
import { benchEmail } from './email';
import { benchImport } from './import';
import { benchJsBytes } from './js-bytes';
import { benchPages, PAGES_HEADER } from './pages';
import { benchSignInTiming } from './sign-in-timing';

/** One benchmark failing (a changed page, a missing server) is reported, and the others still run. */
async function section(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    console.log(`| failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]} | | | |`);
  }
}

console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('## 1. Import: parse + pre-checks + save into a draft, vs a bare csv-parse + libphonenumber pass\n');
console.log('| engine | lines | parse + check + save | bare parse | ratio |\n|---|---|---|---|---|');
await section(benchImport);
console.log('\n## 4. Email: outbox with two workers vs direct sends (stand-in: 50 ms, 1 call in 10 fails)\n');
console.log('| run | messages | time | throughput | vs baseline |\n|---|---|---|---|---|');
await section(benchEmail);
if (!existsSync('.next/BUILD_ID') || !existsSync(FRONT_DOOR_BUNDLE)) {
  console.log('\n(no production build yet: building it for the page, JavaScript and cold-start figures)');
  await buildApp();
}
console.log('\n## 2. Pages under load (PostgreSQL, 100,000 requests), vs the static 404 page\n');
console.log(PAGES_HEADER);
await section(benchPages);
console.log('\n## 3. JavaScript per page (gzip), vs a page with no component of its own\n');
console.log('| page | JavaScript transferred (gzip) | over the empty page |\n|---|---|---|');
await section(benchJsBytes);
console.log('\n## 5. Cold start (embedded defaults), vs a restart on the same data folder\n');
console.log('| start | to first page | vs baseline |\n|---|---|---|');
await section(benchColdStart);
console.log('\n## 6. Sign-in timing: an address with an account vs one without (the baseline), 20 tries each\n');
console.log('| addresses | tries | median | interquartile range |\n|---|---|---|---|');
await section(benchSignInTiming);
