import type { Channel, ChannelSettings } from '../../core/api/reminders';
import type { MessagingConfig } from '../config/messaging';
import { dingtalkSendResult, sendDingtalkWorkNotice } from './dingtalk-work';
import { sendEmail } from './email';
import type { ChannelHostPolicy } from './outbound-host';
import { sendSms } from './sms-gateway';
import { sendDingtalk, sendWecom, type OutgoingMessage } from './webhooks';
import { sendWecomAppMessage } from './wecom-app';

/**
 * THE list of outgoing channels and how each is sent. The registry's type is a mapped type over
 * core's CHANNELS, so a channel added there without a sender here is a build error (tsc), not a
 * message that goes out through another channel at run time — which is what the old if/else chain
 * in deliver() did for any channel it did not name (it fell through to the DingTalk robot).
 */
export type SendConfig = ChannelHostPolicy & { messaging: MessagingConfig };

/** What a message to the person reports: the platform's id of it and the people it could not take. */
export type SendReceipt = { remoteId: string | null; failed: string[] };

type Common = {
  /** On (office settings or deployment credentials) and complete enough to send. */
  enabled: (s: ChannelSettings, m: MessagingConfig) => boolean;
};

/** A channel to a place: an e-mail list or a group robot. Throws a ChannelError on failure. */
type GroupSender = Common & {
  kind: 'group';
  send: (row: { target: string; msg: OutgoingMessage }, s: ChannelSettings, c: SendConfig) => Promise<void>;
};

/** A channel to named people, addressed by their platform identity or their phone number. */
type PersonalSender = Common & {
  kind: 'personal';
  /** How a person is addressed: their bound identity on a platform, or their account's phone. */
  address: 'wecom' | 'dingtalk' | 'phone';
  /** Planned with every reminder, or only as the fallback for people who have not read it. */
  planned: 'always' | 'fallback';
  send: (externalIds: string[], msg: OutgoingMessage, c: SendConfig) => Promise<SendReceipt>;
  /** Who has read it and who could not get it, where the platform's API tells. */
  readStatus?: (remoteId: string, c: SendConfig) => Promise<{ read: string[]; failed: string[] }>;
};

export type ChannelSender = GroupSender | PersonalSender;
export type ChannelRegistry = { readonly [C in Channel]: ChannelSender };

export const CHANNEL_REGISTRY: ChannelRegistry = {
  email: {
    kind: 'group',
    enabled: (s) => s.email.enabled && !!s.email.host && !!s.email.from,
    send: ({ target, msg }, s, c) => sendEmail(s.email, target.split(', '), msg, c),
  },
  wecom: {
    kind: 'group',
    enabled: (s) => s.wecom.enabled && !!s.wecom.webhookUrl,
    send: ({ msg }, s, c) => sendWecom(s.wecom.webhookUrl, msg, c),
  },
  dingtalk: {
    kind: 'group',
    enabled: (s) => s.dingtalk.enabled && !!s.dingtalk.webhookUrl && !!s.dingtalk.secret,
    send: ({ msg }, s, c) => sendDingtalk(s.dingtalk.webhookUrl, s.dingtalk.secret, msg, c),
  },
  wecom_app: {
    kind: 'personal',
    address: 'wecom',
    planned: 'always',
    enabled: (_s, m) => m.wecomApp !== null,
    send: (ids, msg, c) => sendWecomAppMessage(c.messaging.wecomApp!, ids, msg, c),
  },
  dingtalk_work: {
    kind: 'personal',
    address: 'dingtalk',
    planned: 'always',
    enabled: (_s, m) => m.dingtalkWork !== null,
    send: (ids, msg, c) => sendDingtalkWorkNotice(c.messaging.dingtalkWork!, ids, msg, c),
    readStatus: (taskId, c) => dingtalkSendResult(c.messaging.dingtalkWork!, taskId, c),
  },
  sms: {
    kind: 'personal',
    address: 'phone',
    planned: 'fallback',
    enabled: (_s, m) => m.sms !== null,
    send: (phones, msg, c) => sendSms(c.messaging.sms!, phones, msg, c),
  },
};

/**
 * The sender of a stored channel name, or null: a row whose channel is not registered (written by
 * another version, or by hand) is refused, never sent through some other channel.
 */
export function senderOf(channel: string): ChannelSender | null {
  return Object.hasOwn(CHANNEL_REGISTRY, channel) ? CHANNEL_REGISTRY[channel as Channel] : null;
}
