/**
 * The first thing a keyboard reaches on pages with a header: a way past it to the page's content
 * (WCAG 2.4.1). Hidden until focused. The layout's <main> carries the id and takes the focus.
 */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800 focus:ring-2 focus:ring-blue-700">
      Skip to main content
    </a>
  );
}

export const MAIN_ID = 'main';
