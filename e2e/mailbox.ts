/** The test SMTP server and mail reader live with the server's test helpers; e2e uses the same ones. */
export { readMail, startMailbox, type Mail } from '../apps/server/src/test/mailbox.ts';
