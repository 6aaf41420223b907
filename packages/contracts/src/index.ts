/**
 * API contracts shared by the server and the web app.
 * The server validates requests and shapes responses with these schemas;
 * the web app imports the inferred types only (type-only imports add no bytes).
 */
export * from './auth.ts';
export * from './records.ts';
export * from './problem.ts';
export * from './identity.ts';
export * from './staff.ts';
export * from './results.ts';
export * from './notifications.ts';
export * from './prevention.ts';
export * from './vitals.ts';
export * from './visits.ts';
export * from './corrections.ts';
export * from './proxies.ts';
export * from './exports.ts';
export * from './sharing.ts';
export * from './scheduling-admin.ts';
export * from './waitlist.ts';
export * from './reminders.ts';
export * from './echeckin.ts';
export * from './appointments.ts';
export * from './messaging.ts';
export * from './refills.ts';
export * from './billing.ts';
export * from './insurance.ts';
export * from './estimates.ts';
export * from './assistance.ts';
export * from './smart.ts';
