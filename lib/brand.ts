/** The platform's name as customers and carriers see it on documents and emails. */
export const PLATFORM_NAME = 'Call Tracking Platform';
