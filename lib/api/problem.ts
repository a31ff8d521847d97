import 'server-only';
import { getEnv } from '@/lib/config/env';

// RFC 9457 problem details. Each problem has a stable slug; its `type` URI points at the problem's
// section of the API reference (on APP_URL), so a client can switch on `type` and a person can read it.

export const PROBLEM_TYPES = {
  unauthorized: { status: 401, title: 'Missing or invalid API key', advice: 'Send a key of your account as `Authorization: Bearer pn_live_…`. An unknown or revoked key gets the same answer. Calls without a valid key are limited per address.' },
  forbidden: { status: 403, title: 'The API key lacks the scope this call needs', advice: 'The key is valid but read only. Create a key with "Read and write" access for calls that change something.' },
  'not-found': { status: 404, title: 'Not found', advice: 'No such resource, a malformed id, or a resource of an account the key does not act for: the answers are the same, so nothing about other accounts can be learnt.' },
  'method-not-allowed': { status: 405, title: 'Method not allowed', advice: 'The path exists with other methods; the `Allow` header lists them.' },
  conflict: { status: 409, title: 'The request is not in a state that allows this', advice: 'The port request is not in a state that allows this (for example it was already submitted), or it changed meanwhile. `detail` says why, in the words the portal uses; read the request again before retrying.' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still being processed', advice: 'A call with the same Idempotency-Key is still running. Retry after `Retry-After` seconds to get its answer.' },
  'payload-too-large': { status: 413, title: 'The body is too large', advice: 'JSON bodies are at most 1 MB; uploads at most the proof step’s limit.' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type', advice: 'Send `application/json` (or, where documented, `text/csv`, `text/plain` or `multipart/form-data`).' },
  validation: { status: 422, title: 'Some fields are not valid', advice: '`errors` maps each field (by its path, e.g. `address.postalCode`) to its messages, the same ones the wizard shows. Correct them and send again.' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used with a different request', advice: 'Within 24 hours an Idempotency-Key stands for one method, path and body. Use a new key for a new request.' },
  'rate-limited': { status: 429, title: 'Too many requests', advice: 'Wait the `Retry-After` seconds. The `RateLimit` and `RateLimit-Policy` headers of every answer say how many calls are left.' },
  unavailable: { status: 503, title: 'The service could not complete the call; retry it', advice: 'Nothing was changed. Retry later; for a POST, with the same Idempotency-Key.' },
} as const satisfies Record<string, { status: number; title: string; advice: string }>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** For validation problems: each field's messages, keyed by the field's path ("address.postalCode"). */
  errors?: Record<string, string[]>;
};

export function problemTypeUri(slug: ProblemSlug): string {
  return `${getEnv().appUrl}/api/v1/docs#problem-${slug}`;
}

/** Thrown by the door or an endpoint; the door answers it as `application/problem+json`. */
export class ApiProblem extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly detail?: string,
    readonly extra: { errors?: Record<string, string[]>; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? PROBLEM_TYPES[slug].title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return PROBLEM_TYPES[this.slug].status;
  }

  body(): ProblemBody {
    const { status, title } = PROBLEM_TYPES[this.slug];
    return { type: problemTypeUri(this.slug), title, status, ...(this.detail ? { detail: this.detail } : {}), ...(this.extra.errors ? { errors: this.extra.errors } : {}) };
  }
}
