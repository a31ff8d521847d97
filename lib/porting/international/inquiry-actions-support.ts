import { z } from 'zod';

export const inquiryReplySchema = z.object({
  inquiryId: z.string(),
  body: z.string().trim().min(1, 'Write a message before sending.').max(5000, 'Keep a message under 5,000 characters.'),
});
