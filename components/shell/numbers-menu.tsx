'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The Numbers menu: a <details> so it opens without JavaScript; keyed by path so it closes after navigating. */
export function NumbersMenu() {
  const pathname = usePathname();
  // A link to the page already shown does not change the path: close the menu on any choice.
  const close = (event: React.MouseEvent<HTMLAnchorElement>) => event.currentTarget.closest('details')?.removeAttribute('open');
  return (
    <details key={pathname} className="group relative">
      <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">Numbers ▾</summary>
      <ul className="absolute z-10 mt-1 w-48 rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
        <li>
          <Link className="block px-4 py-2 text-slate-800 no-underline hover:bg-slate-100" href="/numbers/tracking" onClick={close}>
            Tracking Numbers
          </Link>
        </li>
        <li>
          <Link className="block px-4 py-2 text-slate-800 no-underline hover:bg-slate-100" href="/numbers/port" onClick={close}>
            Port Numbers
          </Link>
        </li>
      </ul>
    </details>
  );
}
