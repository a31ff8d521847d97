// Set when the process has been asked to stop (SIGTERM in a rolling deploy): /readyz answers 503 so
// the load balancer sends nothing new while the requests in flight finish. On globalThis: the front
// door sets it, the Next bundle's /readyz reads it. No server-only import: the server script loads it.
const holder = globalThis as unknown as { __portDraining?: boolean };

export function startDraining(): void {
  holder.__portDraining = true;
}

export function isDraining(): boolean {
  return holder.__portDraining === true;
}
