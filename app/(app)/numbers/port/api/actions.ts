'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createApiKeySchema } from '@/lib/api/keys/api-key-schema';
import { createApiKey, revokeApiKey } from '@/lib/api/keys/manage-api-keys';
import { requireAccountAdmin } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { setFlash } from '@/lib/forms/flash';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';

const API_ACCESS_PATH = '/numbers/port/api';

/** What the "Create key" form gets back: on success the secret, in this one answer and nowhere else. */
export type CreateKeyState = FormState<{ created?: { id: string; name: string; prefix: string; secret: string; scopes: string[] } }>;

/**
 * Creates a key of the current account. The secret comes back in the form's state, so it is shown
 * in the page that answers this post (with JavaScript on or off) and is never put in a URL, a cookie
 * or the database; reloading the page does not show it again.
 */
export async function createApiKeyAction(_prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const { actor, account } = await requireAccountAdmin();
  const values = formValues(formData);
  const parsed = createApiKeySchema.safeParse({ name: String(formData.get('name') ?? ''), scopes: formData.getAll('scopes').map(String) });
  if (!parsed.success) {
    const failure = invalid(parsed.error, values);
    // "scopes.0" (a value that is not a scope) is the scope choice's message.
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(failure.fieldErrors)) (fieldErrors[field.split('.')[0]] ??= []).push(...messages);
    return { ...failure, fieldErrors };
  }
  const result = await runService(async () => createApiKey(await getDb(), actor, account.id, parsed.data), values);
  if (!result.ok) return result;
  revalidatePath(API_ACCESS_PATH);
  const { id, secret, prefix, scopes } = result.value;
  return { ok: true, message: `The key "${parsed.data.name}" was created.`, created: { id, name: parsed.data.name, prefix, secret, scopes } };
}

/** Revokes a key of the current account (the confirmation step posts here); at once, for good. */
export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, account } = await requireAccountAdmin();
  const keyId = String(formData.get('keyId') ?? '');
  const values = formValues(formData);
  const result = await runService(async () => revokeApiKey(await getDb(), actor, account.id, keyId), values);
  if (!result.ok) return result;
  revalidatePath(API_ACCESS_PATH);
  await setFlash('ok', 'The key was revoked. Calls made with it are refused from now on.', API_ACCESS_PATH);
  redirect(API_ACCESS_PATH);
}
