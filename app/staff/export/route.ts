import { requireStaff } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { parseQueueFilters } from '@/lib/porting/desk/queue-filters';
import { queueCsvLines } from '@/lib/porting/desk/queue-csv';

// The queue as CSV: the same filters and search as the page (its query string), every matching row.
export async function GET(request: Request) {
  const actor = await requireStaff();
  const filters = parseQueueFilters(Object.fromEntries(new URL(request.url).searchParams));
  const db = await getDb();
  const lines = queueCsvLines(db, actor, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="port-request-queue-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
