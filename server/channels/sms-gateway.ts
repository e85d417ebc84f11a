import type { MessagingConfig } from '../config/messaging';
import { requestJson } from './http-json';
import { ChannelError, type ChannelHostPolicy } from './outbound-host';
import type { OutgoingMessage } from './webhooks';

/**
 * The SMS channel (issue 18) through the deployment's HTTP gateway — government deployments run
 * their own (or a carrier's) behind one JSON endpoint, so Duban speaks one generic shape:
 *   POST <DUBAN_SMS_GATEWAY_URL>, Authorization: Bearer <token>
 *   {"phones": ["138…"], "templateId": "…", "signature": "…", "params": {"title": "…", "content": "…"}}
 * and expects HTTP 2xx with {"code": 0} (or {"errcode": 0}); {"failed": ["138…"]} names numbers
 * the gateway could not take. The gateway's host must be listed in DUBAN_CHANNEL_HOSTS.
 */
const LABEL = '短信网关';

export async function sendSms(
  sms: NonNullable<MessagingConfig['sms']>,
  phones: string[],
  msg: OutgoingMessage,
  policy: ChannelHostPolicy,
): Promise<{ remoteId: string | null; failed: string[] }> {
  if (phones.length === 0) throw new ChannelError('没有可发送的手机号码');
  const r = await requestJson(
    sms.url,
    {
      method: 'POST',
      label: LABEL,
      headers: sms.token ? { authorization: `Bearer ${sms.token}` } : {},
      body: {
        phones,
        templateId: sms.templateId,
        signature: sms.signature,
        // An SMS is short: the subject and the first 60 characters of the text.
        params: { title: msg.subject.slice(0, 40), content: msg.text.replace(/\s+/g, ' ').slice(0, 60) },
      },
    },
    policy,
  );
  const code = r.code ?? r.errcode;
  if (code !== 0 && code !== '0') {
    const shown = typeof code === 'number' && Number.isInteger(code) ? `（code ${code}）` : '';
    throw new ChannelError(`短信网关拒绝了请求${shown}，请系统部署人员核对模板、签名和令牌`);
  }
  const failed = Array.isArray(r.failed) ? r.failed.filter((p): p is string => typeof p === 'string' && phones.includes(p)) : [];
  return { remoteId: typeof r.id === 'string' ? r.id : null, failed };
}
