/** The thing does not exist, or the actor may not see it: the two look the same from outside. */
export class NotFoundError extends Error {
  constructor(what = 'That item') {
    super(`${what} was not found.`);
    this.name = 'NotFoundError';
  }
}

/** The action does not fit the current state (e.g. editing a submitted request); the message is for users. */
export class StateError extends Error {
  /** `fields`: a message per field the state concerns (by the form's field name), shown beside it. */
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'StateError';
  }
}

/** Too many of something in a window (emails sent for signature, ...); the message says when to try again. */
export class RateLimitedError extends StateError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}
