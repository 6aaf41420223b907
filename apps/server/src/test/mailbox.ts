import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server (smtp-server) for end-to-end tests: the portal sends mail to it over SMTP
 * like to any relay, and every message lands as an .eml file in `dir`, where tests in other
 * worker processes read it with `readMail`.
 */
export async function startMailbox(dir: string, listenPort = 0): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        writeFileSync(join(dir, `${Date.now()}-${String(++n).padStart(4, '0')}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type Mail = { to: string; subject: string; text: string; html: string };

/** Waits (up to timeoutMs) for a message to `to` whose subject matches, received after `since`. */
export async function readMail(dir: string, to: string, subject: RegExp, options: { since?: number; timeoutMs?: number } = {}): Promise<Mail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    for (const file of readdirSync(dir).sort().reverse()) {
      if (options.since && Number(file.split('-')[0]) < options.since) continue;
      const parsed = await PostalMime.parse(readFileSync(join(dir, file)));
      const recipients = (parsed.to ?? []).map((a) => ('address' in a ? a.address : '')?.toLowerCase());
      if (recipients.includes(to.toLowerCase()) && subject.test(parsed.subject ?? '')) {
        return { to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: parsed.html ?? '' };
      }
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject} within ${options.timeoutMs ?? 20_000} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
