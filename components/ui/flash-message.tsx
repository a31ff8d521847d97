import { readFlash } from '@/lib/forms/flash';

export async function FlashMessage() {
  const flash = await readFlash();
  if (!flash) return null;
  return flash.kind === 'error' ? (
    <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">{flash.message}</p>
  ) : (
    <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">{flash.message}</p>
  );
}
