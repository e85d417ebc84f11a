import nodemailer from 'nodemailer';
import type { ChannelSettings } from '../../core/api/reminders';
import { ChannelError, checkedAddress, UNREACHABLE, type ChannelHostPolicy } from './outbound-host';
import type { OutgoingMessage } from './webhooks';

export const SMTP_TIMEOUT_MS = 15_000;

/**
 * What went wrong in words for the office, by nodemailer's error code and the SMTP reply class;
 * the server's own reply text is never repeated (it could be anything the host answers).
 */
function smtpFailure(e: unknown): ChannelError {
  if (e instanceof ChannelError) return e;
  const err = e as { code?: string; responseCode?: number };
  if (err.code === 'EAUTH') return new ChannelError('邮件服务器拒绝登录，请核对“外发通道”中的用户名和密码');
  if (err.code === 'EENVELOPE')
    return new ChannelError('邮件服务器拒绝了发件人或收件人地址，请核对发件地址和人员的电子邮箱');
  if (typeof err.responseCode === 'number')
    return new ChannelError(`邮件服务器返回错误（SMTP ${Math.floor(err.responseCode / 100)}xx），请检查邮件服务器设置`);
  return new ChannelError(UNREACHABLE);
}

/**
 * One e-mail over the office's SMTP server (nodemailer), with connection and socket timeouts, to a
 * host the deployment allows (outbound-host.ts), connecting to the address that was checked.
 */
export async function sendEmail(
  settings: ChannelSettings['email'],
  to: string[],
  msg: OutgoingMessage,
  policy: ChannelHostPolicy,
) {
  const target = await checkedAddress(settings.host, policy);
  const transport = nodemailer.createTransport({
    host: target.address,
    // TLS (SNI) still names the host the office typed.
    ...(target.host !== target.address ? { servername: target.host } : {}),
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
    if (info.rejected.length > 0)
      throw new ChannelError(`邮件服务器拒绝了 ${info.rejected.length} 个收件人，请核对人员的电子邮箱`);
  } catch (e) {
    throw smtpFailure(e);
  } finally {
    transport.close();
  }
}
