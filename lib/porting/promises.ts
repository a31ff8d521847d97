// What we promise customers about time, worded once: the status explanations, the agreement, the
// emails and the pages all read these. The help article makes the same promises.

/** Carriers take 2-3 business days to update SMS routing after a port; the activation job runs after 3. */
export const SMS_ACTIVATION_BUSINESS_DAYS = 3;
export const SMS_DELAY = '2-3 business days';

/** How soon the team first looks at a submitted request. */
export const REVIEW_WITHIN = 'one business day';

/** US ports take 2-4 weeks, Canadian ports up to 6 weeks (the help article's words). */
export const PORT_WINDOWS = {
  us: { fromDays: 14, toDays: 28, label: '2-4 weeks' },
  ca: { fromDays: 14, toDays: 42, label: 'up to 6 weeks' },
} as const;
