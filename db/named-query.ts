import { createHash } from 'node:crypto';

/**
 * A query sent as a named prepared statement, named after its text: PostgreSQL then plans it on the
 * first runs on each connection and keeps a generic plan once it is as good (after five), instead of
 * planning it at every request. For the queries whose plan costs more than their run: the Port Numbers
 * list's rows, a dozen correlated subqueries, took 5 ms to plan and 2 ms to run on every page view.
 * A filter or a scope of another size is other text, so it gets a statement of its own.
 */
export function namedQuery<P>(query: { toSQL(): { sql: string }; prepare(name: string): P }): P {
  return query.prepare(`q_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 24)}`);
}
