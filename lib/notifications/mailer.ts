// The SMTP connection e-mails leave by, or none: without SMTP_URL they stay in the outbox
// (the administrator reads them at /outbox). Free of Next imports: the job queue uses it.
import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

/** What the outbox needs of a transport: nodemailer's `sendMail`. */
export type MailTransport = {
  sendMail(message: {
    from: string; to: string; subject: string; text: string; headers: Record<string, string>;
  }): Promise<{ messageId?: string }>;
  close?(): void;
};

/**
 * Time limits unless the URL sets its own (?socketTimeout=…): a send must end well within the
 * outbox's lease (10 minutes), after which an unfinished one is given up as "maybe delivered".
 */
const TIMEOUTS = { connectionTimeout: '30000', greetingTimeout: '30000', socketTimeout: '60000' };

/** A transport for `smtpUrl` (SMTP_URL by default), or null when none is configured. */
export function createMailTransport(smtpUrl: string | undefined = env().SMTP_URL): MailTransport | null {
  if (!smtpUrl) return null;
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(TIMEOUTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return nodemailer.createTransport(url.toString());
}

/** Whether e-mails are sent at all (an SMTP server is configured), for the outbox page and the log. */
export function smtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}
