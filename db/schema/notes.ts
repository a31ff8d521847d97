import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { portRequests } from './porting';

export const noteVisibility = pgEnum('note_visibility', ['public', 'internal']);

// The notes thread behind the bubble: team updates and customer replies; internal notes are staff-only.
export const portRequestNotes = pgTable(
  'port_request_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    // No author: an update the platform sent by email (approved, port date set, ...), kept in the thread.
    authorUserId: text('author_user_id').references(() => users.id),
    fromTeam: boolean('from_team').notNull(),
    visibility: noteVisibility('visibility').notNull().default('public'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('port_request_notes_request_idx').on(t.portRequestId, t.createdAt)],
);

// When each user last opened a request's notes: what makes the bubble show "unread".
export const portRequestNoteReads = pgTable(
  'port_request_note_reads',
  {
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.portRequestId, t.userId] })],
);

// Extra people who get every update of a request, besides the user who entered it ("Edit Recipient Emails").
export const portRequestRecipients = pgTable(
  'port_request_recipients',
  {
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    addedByUserId: text('added_by_user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.portRequestId, t.userId] })],
);
