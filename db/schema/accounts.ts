import { type AnyPgColumn, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

// An account is an agency (no parent) or a sub-account of one; numbers live in exactly one account.
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    parentAccountId: uuid('parent_account_id').references((): AnyPgColumn => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('accounts_parent_idx').on(t.parentAccountId)],
);

export const membershipRole = pgEnum('membership_role', ['admin', 'member']);

// An admin of an agency account also works in its sub-accounts (see lib/auth/actor).
export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.accountId] }), index('memberships_account_idx').on(t.accountId)],
);

export const staffRole = pgEnum('staff_role', ['regulatory']);

// Platform staff is a role apart: staff users hold no account membership, account users no staff row.
export const staffMembers = pgTable('staff_members', {
  userId: text('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  role: staffRole('role').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
