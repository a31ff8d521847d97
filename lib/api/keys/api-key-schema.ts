import { z } from 'zod';
import { API_SCOPE_NAMES } from './scopes';

// Client-safe: the "Create key" form and its action share it.
export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the key after what will use it, e.g. "CRM sync".')
    .max(60, 'Keep the name under 60 characters.')
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'Use a single line of plain text.'),
  scopes: z
    .array(z.enum(API_SCOPE_NAMES as [string, ...string[]], { message: 'Choose what the key may do: read, or read and write.' }), { message: 'Choose what the key may do.' })
    .min(1, 'Choose what the key may do: read, or read and write.'),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
