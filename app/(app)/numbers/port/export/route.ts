import { notFound, redirect } from 'next/navigation';
import { getActor, requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { csvDownload } from '@/lib/csv/csv-download';
import { portRequestCsvLines } from '@/lib/porting/export/port-requests-csv';
import { exportPortRequests } from '@/lib/porting/queries/export-port-requests';
import { parseListFilters } from '@/lib/porting/queries/list-filters';

// "Export CSV" on the Port Numbers list: the requests the list shows with the same filters (all
// pages), one line per number, streamed a batch at a time.
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  // The team has no account list to export (their console has its own).
  if (actor.accounts.length === 0) notFound();
  const { account } = await requireAccountUser();
  const params = new URL(request.url).searchParams;
  const filters = parseListFilters({ status: params.get('status') ?? undefined, number: params.get('number') ?? undefined });
  const db = await getDb();
  return csvDownload(portRequestCsvLines(exportPortRequests(db, actor, account.id, { status: filters.status, number: filters.e164 })), 'port-requests.csv');
}
