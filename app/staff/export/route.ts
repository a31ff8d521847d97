import { requireStaff } from '@/lib/auth/session';
import { csvDownload } from '@/lib/csv/csv-download';
import { getDb } from '@/lib/db';
import { parseQueueFilters } from '@/lib/porting/desk/queue-filters';
import { queueCsvLines } from '@/lib/porting/desk/queue-csv';

// The queue as CSV: the same filters and search as the page (its query string), every matching row.
export async function GET(request: Request) {
  const actor = await requireStaff();
  const filters = parseQueueFilters(Object.fromEntries(new URL(request.url).searchParams));
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload(queueCsvLines(await getDb(), actor, filters), `port-request-queue-${day}.csv`);
}
