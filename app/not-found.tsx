import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">This page does not exist, or you do not have access to it.</p>
      <p className="mt-6">
        <Link href="/">Go to the start page</Link>
      </p>
    </main>
  );
}
