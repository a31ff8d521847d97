'use server';
import { notFound, redirect } from 'next/navigation';
import { getCarrierSandbox } from '@/lib/carrier/get-carrier';
import { mayUseLocalTool } from '@/lib/security/local-tools';

const HOUR = 60 * 60 * 1000;
/** How long a click waits for the webhooks to reach the app before the page shows again. */
const DELIVERY_WAIT_MS = 15_000;

async function sandboxOr404() {
  if (!(await mayUseLocalTool('carrier'))) notFound();
  const sandbox = await getCarrierSandbox();
  if (!sandbox) notFound();
  return sandbox;
}

async function deliver(sandbox: NonNullable<Awaited<ReturnType<typeof getCarrierSandbox>>>) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([sandbox.flushWebhooks(), new Promise<void>((resolve) => (timer = setTimeout(resolve, DELIVERY_WAIT_MS)))]);
  clearTimeout(timer);
}

/** Local mode only: moves the sandbox carrier's clock, so a port's days pass in a click. */
export async function advanceCarrierClock(formData: FormData): Promise<void> {
  const sandbox = await sandboxOr404();
  const hours = Number(formData.get('hours'));
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 60) redirect('/dev/carrier?refused=hours');
  sandbox.advance(hours * HOUR);
  // The webhooks of what fell due reach the app before the page shows, so its effects are visible.
  await deliver(sandbox);
  redirect(`/dev/carrier?advanced=${hours}`);
}

export async function deliverCarrierWebhooks(): Promise<void> {
  const sandbox = await sandboxOr404();
  await deliver(sandbox);
  redirect('/dev/carrier?delivered=1');
}
