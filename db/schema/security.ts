import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Hits counted per bucket ("sign-in:email:...", "sign-in:ip:...") in a sliding window, shared by
// every app instance through the database.
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bucket: text('bucket').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_hits_bucket_idx').on(t.bucket, t.at)],
);
