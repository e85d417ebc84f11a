import nodemailer from 'nodemailer';
import type { ChannelSettings } from '../../core/api/reminders';
import type { OutgoingMessage } from './webhooks';

export const SMTP_TIMEOUT_MS = 15_000;

/** One e-mail over the office's SMTP server (nodemailer), with connection and socket timeouts. */
export async function sendEmail(settings: ChannelSettings['email'], to: string[], msg: OutgoingMessage) {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.username ? { auth: { user: settings.username, pass: settings.password } } : {}),
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    // Intranet mail servers often carry certificates of the government's own CA.
    tls: { rejectUnauthorized: false },
  });
  try {
    const info = await transport.sendMail({ from: settings.from, to, subject: msg.subject, text: msg.text });
    if (info.rejected.length > 0) throw new Error(`rejected: ${info.rejected.map(String).join(', ')}`);
  } finally {
    transport.close();
  }
}
