// `npm run bench`: every benchmark script, each printing its figures against a baseline from the same run.
import os from 'node:os';
import { benchImport } from './import';

console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('## Import (parse + pre-checks + save into a draft) vs a bare csv-parse + libphonenumber pass\n');
console.log('| engine | lines | parse + check + save | bare parse | ratio |\n|---|---|---|---|---|');
await benchImport();
