export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startApp } = await import('@/lib/app-start');
  try {
    await startApp();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // A server that cannot reach its parts must not pretend to serve.
    process.exit(1);
  }
}
