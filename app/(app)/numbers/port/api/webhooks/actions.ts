'use server';
import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { requireAccountAdmin } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { setFlash } from '@/lib/forms/flash';
import { formValues, invalid, INVALID_FORM_MESSAGE, type FormFailure, type FormState } from '@/lib/forms/form-state';
import { orNotFound } from '@/lib/forms/or-not-found';
import { runService } from '@/lib/forms/run-service';
import { createWebhookEndpoint } from '@/lib/webhooks/create-endpoint';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-endpoint';
import { endpointUrlProblem, webhookEndpointSchema, type WebhookEndpointInput } from '@/lib/webhooks/endpoint-input';
import { getWebhookEndpoint } from '@/lib/webhooks/get-endpoint';
import { redeliverWebhook } from '@/lib/webhooks/redeliver-webhook';
import { rotateWebhookSecret } from '@/lib/webhooks/rotate-endpoint-secret';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-endpoint-enabled';
import { updateWebhookEndpoint } from '@/lib/webhooks/update-endpoint';

const WEBHOOKS_PATH = '/numbers/port/api/webhooks';
const endpointPath = (id: string) => `${WEBHOOKS_PATH}/${id}`;

/** What "Add endpoint" gets back: on success the signing secret, in this one answer and nowhere else. */
export type CreateEndpointState = FormState<{ created?: { id: string; url: string; secret: string } }>;
/** What "Rotate secret" gets back: the new secret, once. */
export type RotateSecretState = FormState<{ rotated?: { secret: string; previousExpiresAt: string } }>;

/** The endpoint form read and checked: the URL's field message names what is wrong with it. */
async function readEndpointForm(formData: FormData): Promise<{ ok: true; input: WebhookEndpointInput; values: Record<string, string> } | FormFailure> {
  const eventTypes = formData.getAll('eventTypes').map(String);
  // The ticked boxes come back as one value, so the form keeps them on an error.
  const values = { ...formValues(formData), eventTypes: eventTypes.join(',') };
  const parsed = webhookEndpointSchema.safeParse({ url: String(formData.get('url') ?? ''), description: String(formData.get('description') ?? ''), eventTypes });
  if (!parsed.success) {
    const failure = invalid(parsed.error, values);
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(failure.fieldErrors)) (fieldErrors[field.split('.')[0]] ??= []).push(...messages);
    return { ...failure, fieldErrors };
  }
  const problem = await endpointUrlProblem(parsed.data.url);
  if (problem) return { ok: false, fieldErrors: { url: [problem] }, formError: INVALID_FORM_MESSAGE, values };
  return { ok: true, input: parsed.data, values };
}

/** The endpoint named by the form, if it is of the account the admin is working in; the 404 otherwise. */
async function endpointOfCurrentAccount(formData: FormData) {
  const { actor, account } = await requireAccountAdmin();
  const endpointId = String(formData.get('endpointId') ?? '');
  const endpoint = await orNotFound(getWebhookEndpoint(await getDb(), actor, endpointId));
  if (endpoint.accountId !== account.id) notFound();
  return { actor, endpoint };
}

export async function createEndpointAction(_prev: CreateEndpointState, formData: FormData): Promise<CreateEndpointState> {
  const { actor, account } = await requireAccountAdmin();
  const form = await readEndpointForm(formData);
  if (!form.ok) return form;
  // Every ticked box comes back if the service refuses (formValues would keep only the last).
  const result = await runService(async () => createWebhookEndpoint(await getDb(), actor, account.id, form.input), form.values);
  if (!result.ok) return result;
  revalidatePath(WEBHOOKS_PATH);
  return { ok: true, message: 'The endpoint was added.', created: { id: result.value.id, url: form.input.url, secret: result.value.secret } };
}

export async function updateEndpointAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, endpoint } = await endpointOfCurrentAccount(formData);
  const form = await readEndpointForm(formData);
  if (!form.ok) return form;
  const result = await runService(async () => updateWebhookEndpoint(await getDb(), actor, endpoint.id, form.input), form.values);
  if (!result.ok) return result;
  revalidatePath(endpointPath(endpoint.id));
  return { ok: true, message: 'Saved.' };
}

export async function rotateSecretAction(_prev: RotateSecretState, formData: FormData): Promise<RotateSecretState> {
  const { actor, endpoint } = await endpointOfCurrentAccount(formData);
  const result = await runService(async () => rotateWebhookSecret(await getDb(), actor, endpoint.id));
  if (!result.ok) return result;
  revalidatePath(endpointPath(endpoint.id));
  return { ok: true, rotated: { secret: result.value.secret, previousExpiresAt: result.value.previousExpiresAt.toISOString() } };
}

export async function setEndpointEnabledAction(formData: FormData): Promise<void> {
  const { actor, endpoint } = await endpointOfCurrentAccount(formData);
  const enabled = formData.get('enabled') === 'true';
  const result = await runService(async () => setWebhookEndpointEnabled(await getDb(), actor, endpoint.id, enabled));
  await setFlash(result.ok ? 'ok' : 'error', result.ok ? (enabled ? 'The endpoint is enabled; events waiting for it go out in order.' : 'The endpoint is disabled; its events wait until you enable it.') : (result.formError ?? 'Please try again.'), endpointPath(endpoint.id));
  redirect(endpointPath(endpoint.id));
}

export async function deleteEndpointAction(formData: FormData): Promise<void> {
  const { actor, endpoint } = await endpointOfCurrentAccount(formData);
  const result = await runService(async () => deleteWebhookEndpoint(await getDb(), actor, endpoint.id));
  if (!result.ok) {
    await setFlash('error', result.formError ?? 'Please try again.', endpointPath(endpoint.id));
    redirect(endpointPath(endpoint.id));
  }
  await setFlash('ok', `The endpoint ${endpoint.url} was deleted.`, WEBHOOKS_PATH);
  redirect(WEBHOOKS_PATH);
}

export async function redeliverAction(formData: FormData): Promise<void> {
  const { actor, endpoint } = await endpointOfCurrentAccount(formData);
  const deliveryId = String(formData.get('deliveryId') ?? '');
  const result = await runService(async () => redeliverWebhook(await getDb(), actor, endpoint.id, deliveryId));
  if (!result.ok) await setFlash('error', result.formError ?? 'Please try again.', endpointPath(endpoint.id));
  else if (result.value.ok) await setFlash('ok', `Redelivered: the endpoint answered ${result.value.statusCode} in ${result.value.latencyMs} ms.`, endpointPath(endpoint.id));
  else await setFlash('error', `Redelivery failed: ${result.value.error ?? `HTTP ${result.value.statusCode}`}.`, endpointPath(endpoint.id));
  redirect(endpointPath(endpoint.id));
}
