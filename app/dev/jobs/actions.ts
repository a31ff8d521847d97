'use server';
import { notFound, redirect } from 'next/navigation';
import { mayUseLocalTool } from '@/lib/security/local-tools';
import { runJobsNow } from '@/lib/jobs/job-worker';

/** Local mode only: runs the jobs that would be due at a later time, to see days-later effects now. */
export async function runJobsAsOf(formData: FormData): Promise<void> {
  if (!(await mayUseLocalTool('jobs'))) notFound();
  const asOf = new Date(String(formData.get('asOf') ?? ''));
  const report = await runJobsNow(Number.isNaN(asOf.getTime()) ? new Date() : asOf);
  redirect(`/dev/jobs?done=${report.done}&failed=${report.failed}`);
}
