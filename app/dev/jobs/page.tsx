import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { mayUseLocalTool } from '@/lib/security/local-tools';
import { getDb } from '@/lib/db';
import { listJobs } from '@/lib/jobs/list-jobs';
import { addDays, isoDate } from '@/lib/porting/business-days';
import { runJobsAsOf } from './actions';

export const metadata: Metadata = { title: 'Scheduled jobs' };
export const dynamic = 'force-dynamic';

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ done?: string; failed?: string }> }) {
  // Like the mailbox: a tool of the local mode only.
  if (!(await mayUseLocalTool('jobs'))) notFound();
  const { done, failed } = await searchParams;
  const jobs = await listJobs(await getDb());
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Scheduled jobs (local mode)</h1>
      <p className="mt-1 text-sm text-slate-600">Jobs run by themselves when due. To see what happens days later, run them as of a later time.</p>
      {done !== undefined && <p role="status" className="mt-3 text-sm text-green-700">Ran {done} job(s); {failed} failed.</p>}
      <form action={runJobsAsOf} className="mt-4 flex items-end gap-3 text-sm">
        <label className="font-medium">Run due jobs as of
          <input name="asOf" type="date" defaultValue={isoDate(addDays(new Date(), 7))} className="mt-1 block rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300">Run jobs</button>
      </form>
      <table className="mt-6 min-w-full text-sm">
        <thead className="text-left text-slate-500"><tr><th>Kind</th><th>Run at</th><th>Status</th><th>Attempts</th><th>Last error</th></tr></thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} className="border-t border-slate-100" data-testid="job">
              <td className="py-1">{j.kind}</td><td>{j.runAt.toISOString().slice(0, 16).replace('T', ' ')}</td><td>{j.status}</td><td>{j.attempts}</td><td>{j.lastError}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
