import type { ReactNode } from 'react';
import { schemaFields, typeLabel, type JsonSchema, type SchemaField } from '@/lib/api/openapi/describe-schema';

// The API reference, rendered on the server from the OpenAPI document (never written by hand): the
// intro, every operation, the problem types (each `type` URI lands on its own section) and the
// webhooks. Plain HTML and CSS: no client JavaScript.

type Parameter = { in: string; name: string; required?: boolean; description?: string; schema?: JsonSchema };
type MediaType = { schema?: JsonSchema };
type Response = { description?: string; content?: Record<string, MediaType> };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { description?: string; required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, Response>;
};
export type ReferenceDocument = {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, { description?: string }> };
  'x-problem-types'?: Record<string, { type: string; status: number; title: string; description?: string }>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const METHOD_COLOURS: Record<string, string> = {
  get: 'bg-blue-100 text-blue-900',
  post: 'bg-green-100 text-green-900',
  put: 'bg-amber-100 text-amber-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

export const operationAnchor = (operationId: string) => `operation-${operationId}`;
export const webhookAnchor = (type: string) => `webhook-${type.replace(/[^\w-]/g, '-')}`;

/** `code` spans and paragraphs of the document's descriptions (a little of Markdown: enough for ours). */
function Prose({ text, className = '' }: { text?: string; className?: string }) {
  if (!text) return null;
  return (
    <div className={`space-y-2 ${className}`}>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>{inline(paragraph)}</p>
      ))}
    </div>
  );
}

function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

function FieldRows({ fields, prefix = '' }: { fields: SchemaField[]; prefix?: string }): ReactNode {
  return fields.map((field) => (
    <FieldRow key={prefix + field.name} field={field} prefix={prefix} />
  ));
}

function FieldRow({ field, prefix }: { field: SchemaField; prefix: string }) {
  return (
    <>
      <tr className="align-top">
        <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
          {prefix}
          <span className="font-semibold">{field.name}</span>
          {field.required && <span className="ml-1 text-red-700" title="required">*</span>}
        </td>
        <td className="px-3 py-2 font-mono text-xs text-slate-700">{field.type}</td>
        <td className="px-3 py-2 text-slate-700">
          {field.required ? <span className="mr-1 text-xs font-medium text-slate-500">Required.</span> : null}
          {field.description ? inline(field.description) : null}
        </td>
      </tr>
      <FieldRows fields={field.fields} prefix={`${prefix}${field.name}${field.type.startsWith('array') ? '[]' : ''}.`} />
    </>
  );
}

function FieldTable({ fields, caption }: { fields: SchemaField[]; caption: string }) {
  if (fields.length === 0) return null;
  return (
    <div className="mt-2 overflow-x-auto rounded-md ring-1 ring-slate-200">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Field</th>
            <th className="px-3 py-2 font-medium">Type</th>
            <th className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          <FieldRows fields={fields} />
        </tbody>
      </table>
    </div>
  );
}

function Body({ content, components, caption }: { content?: Record<string, MediaType>; components: Record<string, JsonSchema>; caption: string }) {
  if (!content) return null;
  return Object.entries(content).map(([type, media]) => {
    const fields = schemaFields(media.schema, components, 4);
    return (
      <div key={type} className="mt-2">
        <p className="text-xs text-slate-600">
          <code className="font-mono">{type}</code>
          {fields.length === 0 && media.schema ? ` — ${typeLabel(media.schema, components)}` : ''}
          {fields.length === 0 && media.schema && (media.schema as JsonSchema).description ? `: ${(media.schema as JsonSchema).description}` : ''}
        </p>
        <FieldTable fields={fields} caption={`${caption} (${type})`} />
      </div>
    );
  });
}

function OperationSection({ method, path, operation, components }: { method: string; path: string; operation: Operation; components: Record<string, JsonSchema> }) {
  const id = operation.operationId ?? `${method}-${path}`;
  const params = operation.parameters ?? [];
  const scope = /Scope: `([^`]+)`/.exec(operation.description ?? '')?.[1];
  const description = (operation.description ?? '').replace(/\n*Scope: `[^`]+`\.\s*$/, '');
  return (
    <section id={operationAnchor(id)} aria-labelledby={`${operationAnchor(id)}-title`} className="scroll-mt-4 rounded-lg bg-white p-5 ring-1 ring-slate-200" data-operation={id}>
      <h3 id={`${operationAnchor(id)}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs uppercase ${METHOD_COLOURS[method] ?? 'bg-slate-100'}`}>{method}</span>
        <code className="font-mono text-sm">{path}</code>
        <span className="text-slate-700">— {operation.summary}</span>
      </h3>
      <p className="mt-1 text-xs text-slate-500">
        <code className="font-mono">{id}</code>
        {scope && (
          <>
            {' · '}scope <code className="font-mono">{scope}</code>
          </>
        )}
      </p>
      <Prose text={description} className="mt-3 text-sm text-slate-700" />
      {params.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold">Parameters</h4>
          <FieldTable
            caption={`Parameters of ${id}`}
            fields={params.map((p) => ({
              name: p.name,
              type: `${p.in} · ${typeLabel(p.schema, components)}`,
              required: !!p.required,
              description: p.description ?? (p.schema?.description as string | undefined),
              fields: [],
            }))}
          />
        </>
      )}
      {operation.requestBody && (
        <>
          <h4 className="mt-4 text-sm font-semibold">Request body</h4>
          <Prose text={operation.requestBody.description} className="text-sm text-slate-700" />
          <Body content={operation.requestBody.content} components={components} caption={`Request body of ${id}`} />
        </>
      )}
      <h4 className="mt-4 text-sm font-semibold">Responses</h4>
      <ul className="mt-1 space-y-3 text-sm">
        {Object.entries(operation.responses ?? {}).map(([status, response]) => {
          const problem = Object.keys(response.content ?? {}).some((t) => t === 'application/problem+json');
          return (
            <li key={status}>
              <span className={`mr-2 rounded px-1.5 py-0.5 font-mono text-xs ${Number(status) < 400 ? 'bg-green-100 text-green-900' : 'bg-slate-100 text-slate-800'}`}>{status}</span>
              {response.description}
              {problem ? (
                <span className="text-slate-500">
                  {' '}
                  — a <a href="#problems">problem</a>
                </span>
              ) : (
                <Body content={response.content} components={components} caption={`Response ${status} of ${id}`} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ApiReference({ document }: { document: ReferenceDocument }) {
  const components = document.components?.schemas ?? {};
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method]! })),
  );
  const tags = [...new Set(operations.map((o) => o.operation.tags?.[0] ?? 'Other'))];
  const problems = Object.entries(document['x-problem-types'] ?? {});
  const webhooks = Object.entries(document.webhooks ?? {}).flatMap(([type, item]) => (item.post ? [{ type, operation: item.post }] : []));
  const server = document.servers?.[0]?.url ?? '/api/v1';
  return (
    <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Reference" className="text-sm lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <ul className="space-y-1">
          <li><a href="#introduction">Introduction</a></li>
          <li><a href="#authentication">Authentication</a></li>
          <li><a href="#idempotency">Idempotency</a></li>
          <li><a href="#rate-limits">Rate limits</a></li>
          <li><a href="#errors">Errors</a></li>
          {tags.map((tag) => (
            <li key={tag} className="pt-2">
              <span className="font-medium text-slate-800">{tag}</span>
              <ul className="mt-1 space-y-1 pl-3">
                {operations
                  .filter((o) => (o.operation.tags?.[0] ?? 'Other') === tag)
                  .map((o) => (
                    <li key={`${o.method} ${o.path}`}>
                      <a href={`#${operationAnchor(o.operation.operationId ?? '')}`}>{o.operation.summary}</a>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
          <li className="pt-2"><a href="#problems">Problem types</a></li>
          <li><a href="#webhooks">Webhooks</a></li>
          <li><a href="/api/v1/openapi.json">OpenAPI document (JSON)</a></li>
        </ul>
      </nav>
      <main className="min-w-0 space-y-10">
        <header id="introduction">
          <h1 className="text-3xl font-semibold">{document.info.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            Version <code className="font-mono">{document.info.version}</code> · Base URL <code className="font-mono">{server}</code> ·{' '}
            <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>
          </p>
          <Prose text={document.info.description?.split(/\n{2,}/)[0]} className="mt-4 max-w-3xl text-slate-700" />
        </header>

        <section id="authentication" aria-labelledby="authentication-title" className="max-w-3xl">
          <h2 id="authentication-title" className="text-xl font-semibold">Authentication</h2>
          <div className="mt-2 space-y-2 text-sm text-slate-700">
            <p>
              An admin of your account creates keys under Numbers › Port Numbers › API access. Send the key with every call as{' '}
              <code className="rounded bg-slate-100 px-1 font-mono">Authorization: Bearer pn_live_…</code>. A key acts for its account and, for an
              agency, its sub-accounts, exactly as an admin of that account would; every call it makes is in the request’s history under the key’s
              name. The key is shown once when it is created; we store only its hash. A revoked key is refused (401) from the next call on.
            </p>
            <Prose text={document.components?.securitySchemes?.apiKey?.description} />
            <p>A resource of an account the key does not act for is answered 404, exactly like one that does not exist.</p>
          </div>
        </section>

        <section id="idempotency" aria-labelledby="idempotency-title" className="max-w-3xl">
          <h2 id="idempotency-title" className="text-xl font-semibold">Idempotency</h2>
          <div className="mt-2 space-y-2 text-sm text-slate-700">
            <p>
              Every <code className="font-mono">POST</code> accepts an <code className="font-mono">Idempotency-Key</code> header (1 to 255 characters;
              a UUID is a good choice). For 24 hours, the same key with the same method, path and body returns the first answer — its status and
              body, with <code className="font-mono">Idempotent-Replayed: true</code> — without doing it again; concurrent retries with one key make
              one effect. The same key with another request is refused (<a href="#problem-idempotency-key-reused">idempotency-key-reused</a>). An
              answer of 5xx or 429 is not kept, so a retry after a failure runs again.
            </p>
          </div>
        </section>

        <section id="rate-limits" aria-labelledby="rate-limits-title" className="max-w-3xl">
          <h2 id="rate-limits-title" className="text-xl font-semibold">Rate limits</h2>
          <Prose text={document.info.description?.split(/\n{2,}/).find((p) => p.startsWith('Rate limit'))} className="mt-2 text-sm text-slate-700" />
          <p className="mt-2 text-sm text-slate-700">
            Every answer to a call with a valid key carries <code className="font-mono">RateLimit-Policy: &quot;default&quot;;q=…;w=…</code> (calls
            per window, window in seconds) and <code className="font-mono">RateLimit: &quot;default&quot;;r=…;t=…</code> (calls left, seconds until
            the window frees a call). Calls without a valid key are limited per client address. Over the limit the answer is 429{' '}
            <a href="#problem-rate-limited">rate-limited</a> with <code className="font-mono">Retry-After</code>.
          </p>
        </section>

        <section id="errors" aria-labelledby="errors-title" className="max-w-3xl">
          <h2 id="errors-title" className="text-xl font-semibold">Errors</h2>
          <p className="mt-2 text-sm text-slate-700">
            Errors are <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> problem details, sent as{' '}
            <code className="font-mono">application/problem+json</code>: <code className="font-mono">type</code> (a stable URI naming the problem;
            switch on it), <code className="font-mono">title</code>, <code className="font-mono">status</code>, <code className="font-mono">detail</code>{' '}
            (in the words the portal uses) and, for validation, <code className="font-mono">errors</code> (each field’s messages). The{' '}
            <a href="#problems">problem types</a> are listed below.
          </p>
          <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
            {JSON.stringify(
              { type: problems.find(([slug]) => slug === 'validation')?.[1].type ?? '…#problem-validation', title: 'Some fields are not valid', status: 422, detail: 'Please correct the fields listed in errors.', errors: { losingCarrier: ['Enter the name of the carrier the numbers are with now.'] } },
              null,
              2,
            )}
          </pre>
        </section>

        {tags.map((tag) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
            <h2 id={`tag-${tag}`} className="text-xl font-semibold">{tag}</h2>
            {operations
              .filter((o) => (o.operation.tags?.[0] ?? 'Other') === tag)
              .map((o) => (
                <OperationSection key={`${o.method} ${o.path}`} method={o.method} path={o.path} operation={o.operation} components={components} />
              ))}
          </section>
        ))}

        <section id="problems" aria-labelledby="problems-title" className="max-w-3xl">
          <h2 id="problems-title" className="text-xl font-semibold">Problem types</h2>
          <dl className="mt-3 space-y-3">
            {problems.map(([slug, problem]) => (
              <div key={slug} id={`problem-${slug}`} className="scroll-mt-4 rounded-lg bg-white p-4 ring-1 ring-slate-200" data-problem={slug}>
                <dt className="text-sm font-semibold">
                  <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{problem.status}</span>
                  <code className="font-mono">{slug}</code> — {problem.title}
                </dt>
                <dd className="mt-1 text-sm text-slate-700">
                  {problem.description ? inline(problem.description) : null}
                  <span className="mt-1 block break-all font-mono text-xs text-slate-500">type: {problem.type}</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <section id="webhooks" aria-labelledby="webhooks-title" className="space-y-4">
          <h2 id="webhooks-title" className="text-xl font-semibold">Webhooks</h2>
          <div className="max-w-3xl space-y-2 text-sm text-slate-700">
            <p>
              An admin registers endpoints under Numbers › Port Numbers › API access › Webhooks and chooses the events each receives. Each message is
              a <code className="font-mono">POST</code> of JSON signed per the{' '}
              <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> specification (<code className="font-mono">webhook-id</code>,{' '}
              <code className="font-mono">webhook-timestamp</code>, <code className="font-mono">webhook-signature</code>) with the endpoint’s secret:
              verify it before trusting the body. Answer any 2xx to acknowledge; anything else is retried with exponential backoff, with the same{' '}
              <code className="font-mono">webhook-id</code> (use it to drop duplicates).
            </p>
          </div>
          {webhooks.length === 0 ? (
            <p className="text-sm text-slate-600">No webhook events are published yet.</p>
          ) : (
            webhooks.map(({ type, operation }) => (
              <section key={type} id={webhookAnchor(type)} aria-labelledby={`${webhookAnchor(type)}-title`} className="scroll-mt-4 rounded-lg bg-white p-5 ring-1 ring-slate-200" data-webhook={type}>
                <h3 id={`${webhookAnchor(type)}-title`} className="text-base font-semibold">
                  <code className="font-mono">{type}</code>
                </h3>
                <Prose text={operation.summary} className="mt-1 text-sm text-slate-700" />
                <Prose text={operation.description && operation.description !== operation.summary ? operation.description : undefined} className="mt-1 text-sm text-slate-700" />
                <h4 className="mt-3 text-sm font-semibold">Payload</h4>
                <Body content={operation.requestBody?.content} components={components} caption={`Payload of ${type}`} />
              </section>
            ))
          )}
        </section>
      </main>
    </div>
  );
}
