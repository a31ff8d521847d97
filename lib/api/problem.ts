import 'server-only';
import { getEnv } from '@/lib/config/env';

// RFC 9457 problem details. Each problem has a stable slug; its `type` URI points at the problem's
// section of the API reference (on APP_URL), so a client can switch on `type` and a person can read it.

export const PROBLEM_TYPES = {
  unauthorized: { status: 401, title: 'Missing or invalid API key' },
  forbidden: { status: 403, title: 'The API key lacks the scope this call needs' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request is not in a state that allows this' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  validation: { status: 422, title: 'Some fields are not valid' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used with a different request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'The service could not complete the call; retry it' },
} as const;

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
