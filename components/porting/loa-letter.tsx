import { formatPhoneNumber } from '@/lib/phone/format';
import { LOA_TITLE, loaFields, loaStatements, type LoaDocument } from '@/lib/porting/wizard/loa/loa-document';

/**
 * The Letter of Authorization as a page, rendered on the server from the request. `headingLevel`:
 * its title's place in the page's outline (under the wizard step's heading, or right under the h1).
 */
export function LoaLetter({ document, headingLevel = 3 }: { document: LoaDocument; headingLevel?: 2 | 3 }) {
  const [Title, Section] = headingLevel === 2 ? (['h2', 'h3'] as const) : (['h3', 'h4'] as const);
  return (
    <article className="rounded-md border border-slate-300 bg-white p-8 font-serif text-[15px] leading-relaxed" aria-label={LOA_TITLE}>
      <Title className="text-center text-xl font-semibold">{LOA_TITLE}</Title>
      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {loaFields(document).map((f) => (
          <div key={f.label} className="contents">
            <dt className="font-semibold">{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <Section className="mt-6 font-semibold">Numbers to port ({document.numbers.length})</Section>
      <ul className="mt-2 grid max-h-64 grid-cols-2 gap-x-6 overflow-y-auto font-mono text-sm sm:grid-cols-3">
        {document.numbers.map((n) => (
          <li key={n.number}>{formatPhoneNumber(n.number)}</li>
        ))}
      </ul>
      <div className="mt-6 space-y-3">
        {loaStatements(document).map((s, i) => (
          <p key={i}>{s}</p>
        ))}
      </div>
    </article>
  );
}
