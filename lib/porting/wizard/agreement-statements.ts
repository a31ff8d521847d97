import { SMS_DELAY } from '../promises';

// Kept apart from the schema so the page's client form does not ship zod.
// Step 6: each statement is its own checkbox and all must be checked.
export const AGREEMENT_STATEMENTS = [
  {
    key: 'authority',
    text: 'I am the account holder named on the bill, or I am authorized to act for them in moving these numbers.',
  },
  {
    key: 'activeService',
    text: 'The numbers are active with the current carrier today, and I will keep that service active until the port is complete, so calls are not interrupted.',
  },
  {
    key: 'matchesBill',
    text: 'The name, account number, PIN and address I entered match the current carrier’s bill exactly.',
  },
  {
    key: 'smsDelay',
    text: `I understand that for numbers that are not mobile, text messaging (SMS) can start ${SMS_DELAY} after calls do.`,
  },
] as const;
