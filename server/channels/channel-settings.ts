import type { z } from 'zod';
import { CHANNELS, type Channel, type ChannelSettings, type channelSettingsBody } from '../../core/api/reminders';
import { hostAllowance, notAllowedMessage, type ChannelHostPolicy } from './outbound-host';
import type { MessagingConfig } from '../config/messaging';
import { CHANNEL_REGISTRY } from './registry';

/** Which channels are on and complete enough to send (each channel's own rule, in the registry). */
export function enabledChannels(s: ChannelSettings, m: MessagingConfig): Channel[] {
  return CHANNELS.filter((c) => CHANNEL_REGISTRY[c].enabled(s, m));
}

/** A webhook URL with its token shown only by its first characters: enough to recognise, not to use. */
export function maskUrl(url: string): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    for (const [k, v] of u.searchParams) u.searchParams.set(k, v.length > 4 ? `${v.slice(0, 4)}****` : '****');
    const path = u.pathname
      .split('/')
      .map((seg) => (seg.length > 16 ? `${seg.slice(0, 4)}****` : seg))
      .join('/');
    return `${u.protocol}//${u.host}${path}${u.search.replaceAll('%2A', '*')}`;
  } catch {
    return '****';
  }
}

export function channelSettingsView(s: ChannelSettings) {
  const { password, ...email } = s.email;
  return {
    email: { ...email, passwordSet: password !== '' },
    wecom: { enabled: s.wecom.enabled, webhookUrl: maskUrl(s.wecom.webhookUrl), webhookSet: s.wecom.webhookUrl !== '' },
    dingtalk: {
      enabled: s.dingtalk.enabled,
      webhookUrl: maskUrl(s.dingtalk.webhookUrl),
      webhookSet: s.dingtalk.webhookUrl !== '',
      secretSet: s.dingtalk.secret !== '',
    },
  };
}

/** A secret left out, or sent back as GET masked it, keeps the stored value. */
function keep(sent: string | undefined, stored: string, masked: string): string {
  if (sent === undefined || (sent !== '' && sent === masked) || (sent !== '' && /^\*+$/.test(sent))) return stored;
  return sent;
}

export function mergeChannelSettings(
  stored: ChannelSettings,
  body: z.infer<typeof channelSettingsBody>,
): ChannelSettings {
  return {
    email: { ...body.email, password: keep(body.email.password, stored.email.password, '') },
    wecom: {
      enabled: body.wecom.enabled,
      webhookUrl: keep(body.wecom.webhookUrl, stored.wecom.webhookUrl, maskUrl(stored.wecom.webhookUrl)),
    },
    dingtalk: {
      enabled: body.dingtalk.enabled,
      webhookUrl: keep(body.dingtalk.webhookUrl, stored.dingtalk.webhookUrl, maskUrl(stored.dingtalk.webhookUrl)),
      secret: keep(body.dingtalk.secret, stored.dingtalk.secret, ''),
    },
  };
}

/**
 * Save-time check of the hosts (outbound-host.ts): each webhook URL and the SMTP host that is
 * filled in must be allowed; one Chinese sentence per refused field, empty when all is well.
 * Resolution and the address check happen again at every send.
 */
export function channelHostProblems(s: ChannelSettings, policy: ChannelHostPolicy): string[] {
  const problems: string[] = [];
  const check = (label: string, host: string | null) => {
    if (host !== null && !hostAllowance(host, policy)) problems.push(`${label}：${notAllowedMessage(host)}`);
  };
  const urlHost = (url: string) => {
    if (!url) return null;
    try {
      return new URL(url).hostname;
    } catch {
      return url;
    }
  };
  check('邮件服务器（SMTP）', s.email.host || null);
  check('企业微信机器人 Webhook', urlHost(s.wecom.webhookUrl));
  check('钉钉机器人 Webhook', urlHost(s.dingtalk.webhookUrl));
  return problems;
}
