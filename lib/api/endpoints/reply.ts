import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import type { ApiReply } from '../endpoint';
import { API_BASE_PATH } from '../handle-api-request';
import { ApiProblem } from '../problem';
import { toPortRequestResource } from '../resources/port-request-resource';
import type { z } from 'zod';
import { validationProblem } from '../handle-api-request';

/** The request as GET /port-requests/{id} answers it, after a change. */
export async function portRequestReply(db: Database, actor: Actor, requestId: string, status = 200, headers?: Record<string, string>): Promise<ApiReply> {
  return { status, json: toPortRequestResource(await getPortRequestDetail(db, actor, requestId)), headers };
}

/** Where a resource lives, on APP_URL (never the Host the call came with). */
export function resourceUrl(path: string): string {
  return `${getEnv().appUrl}${API_BASE_PATH}${path}`;
}

/** A step service's own check (zod) failed: 422 with its messages by field, as the form shows them. */
export function throwIfInvalid(error: z.ZodError | null): void {
  if (error) throw validationProblem(error);
}

/** One field's refusal as a 422, keyed like the form's field. */
export function fieldProblem(field: string, message: string, detail?: string): ApiProblem {
  return new ApiProblem('validation', detail ?? message, { errors: { [field]: [message] } });
}
