import { z } from 'zod';

/**
 * Messages to the person (issue 18): the deployment's app credentials for WeCom 应用消息 and
 * DingTalk 工作通知 and the SMS gateway. They are deployment settings (environment), not office
 * settings: an app secret is the organisation's key to its platform, kept by whoever runs the
 * server. A channel is on when its credentials are all set. The API bases default to the official
 * hosts and are configurable so a test (or a private-cloud platform) can point elsewhere; any
 * host other than the official ones must also be listed in DUBAN_CHANNEL_HOSTS (outbound-host.ts).
 */
const httpBase = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'an http(s) base URL without query, e.g. https://qyapi.weixin.qq.com')
  .transform((v) => v.replace(/\/+$/, ''));

export const messagingEnvSchema = z.object({
  DUBAN_WECOM_CORP_ID: z.string().max(200).optional(),
  DUBAN_WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
  DUBAN_WECOM_APP_SECRET: z.string().max(500).optional(),
  DUBAN_WECOM_API_BASE: httpBase.default('https://qyapi.weixin.qq.com'),
  DUBAN_DINGTALK_APP_KEY: z.string().max(200).optional(),
  DUBAN_DINGTALK_APP_SECRET: z.string().max(500).optional(),
  DUBAN_DINGTALK_AGENT_ID: z.coerce.number().int().positive().optional(),
  DUBAN_DINGTALK_API_BASE: httpBase.default('https://oapi.dingtalk.com'),
  /** The SMS gateway: one JSON POST per message (sms-gateway.ts). */
  DUBAN_SMS_GATEWAY_URL: z.string().regex(/^https?:\/\/\S+$/, 'an http(s) URL').optional(),
  DUBAN_SMS_GATEWAY_TOKEN: z.string().max(500).optional(),
  DUBAN_SMS_TEMPLATE_ID: z.string().max(200).optional(),
  DUBAN_SMS_SIGNATURE: z.string().max(50).optional(),
  /**
   * Minutes a message to the person may stay unread before the SMS goes out. Tenths of a minute are
   * accepted so that tests need not wait whole minutes; a deployment sets hours.
   */
  DUBAN_SMS_UNREAD_MINUTES: z.coerce.number().min(0.1).max(7 * 24 * 60).default(120),
});

export type MessagingConfig = {
  wecomApp: { apiBase: string; corpId: string; agentId: number; secret: string } | null;
  dingtalkWork: { apiBase: string; appKey: string; appSecret: string; agentId: number } | null;
  sms: { url: string; token: string; templateId: string; signature: string; unreadMinutes: number } | null;
};

export function messagingConfig(e: z.infer<typeof messagingEnvSchema>): MessagingConfig {
  return {
    wecomApp:
      e.DUBAN_WECOM_CORP_ID && e.DUBAN_WECOM_AGENT_ID && e.DUBAN_WECOM_APP_SECRET
        ? { apiBase: e.DUBAN_WECOM_API_BASE, corpId: e.DUBAN_WECOM_CORP_ID, agentId: e.DUBAN_WECOM_AGENT_ID, secret: e.DUBAN_WECOM_APP_SECRET }
        : null,
    dingtalkWork:
      e.DUBAN_DINGTALK_APP_KEY && e.DUBAN_DINGTALK_APP_SECRET && e.DUBAN_DINGTALK_AGENT_ID
        ? {
            apiBase: e.DUBAN_DINGTALK_API_BASE,
            appKey: e.DUBAN_DINGTALK_APP_KEY,
            appSecret: e.DUBAN_DINGTALK_APP_SECRET,
            agentId: e.DUBAN_DINGTALK_AGENT_ID,
          }
        : null,
    sms:
      e.DUBAN_SMS_GATEWAY_URL && e.DUBAN_SMS_TEMPLATE_ID && e.DUBAN_SMS_SIGNATURE
        ? {
            url: e.DUBAN_SMS_GATEWAY_URL,
            token: e.DUBAN_SMS_GATEWAY_TOKEN ?? '',
            templateId: e.DUBAN_SMS_TEMPLATE_ID,
            signature: e.DUBAN_SMS_SIGNATURE,
            unreadMinutes: e.DUBAN_SMS_UNREAD_MINUTES,
          }
        : null,
  };
}
