export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startAppOrExit } = await import('@/lib/app-start');
  await startAppOrExit();
}
