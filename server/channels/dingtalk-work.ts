import type { MessagingConfig } from '../config/messaging';
import { refusedBy, requestJson } from './http-json';
import { ChannelError, type ChannelHostPolicy } from './outbound-host';
import { cachedToken, dropToken } from './platform-token';
import type { OutgoingMessage } from './webhooks';

/**
 * DingTalk 工作通知 (issue 18), as documented: GET /gettoken?appkey&appsecret → access_token;
 * POST /topapi/message/corpconversation/asyncsend_v2 {agent_id, userid_list "a,b", msg} → task_id;
 * POST /topapi/message/corpconversation/getsendresult {agent_id, task_id} → send_result with
 * read_user_id_list, unread_user_id_list and the failed/invalid/forbidden lists, which is what the
 * office sees per person.
 */
const LABEL = '钉钉工作通知接口';
const TOKEN_ERRORS = new Set([40014, 42001, 88]);

type DingtalkApp = NonNullable<MessagingConfig['dingtalkWork']>;

function tokenKey(app: DingtalkApp) {
  return `dingtalk:${app.apiBase}:${app.appKey}`;
}

async function accessToken(app: DingtalkApp, policy: ChannelHostPolicy): Promise<string> {
  return cachedToken(tokenKey(app), async () => {
    const url = `${app.apiBase}/gettoken?appkey=${encodeURIComponent(app.appKey)}&appsecret=${encodeURIComponent(app.appSecret)}`;
    const r = await requestJson(url, { method: 'GET', label: LABEL }, policy);
    if (r.errcode !== 0 || typeof r.access_token !== 'string') throw refusedBy(LABEL, r.errcode);
    return { token: r.access_token, expiresIn: typeof r.expires_in === 'number' ? r.expires_in : 7200 };
  });
}

async function call(app: DingtalkApp, path: string, body: unknown, policy: ChannelHostPolicy) {
  const token = await accessToken(app, policy);
  const r = await requestJson(`${app.apiBase}${path}?access_token=${encodeURIComponent(token)}`, { method: 'POST', label: LABEL, body }, policy);
  if (typeof r.errcode === 'number' && TOKEN_ERRORS.has(r.errcode)) dropToken(tokenKey(app));
  if (r.errcode !== 0) throw refusedBy(LABEL, r.errcode);
  return r;
}

export async function sendDingtalkWorkNotice(
  app: DingtalkApp,
  userIds: string[],
  msg: OutgoingMessage,
  policy: ChannelHostPolicy,
): Promise<{ remoteId: string | null; failed: string[] }> {
  if (userIds.length === 0) throw new ChannelError('没有可发送的钉钉用户');
  const r = await call(
    app,
    '/topapi/message/corpconversation/asyncsend_v2',
    { agent_id: app.agentId, userid_list: userIds.join(','), msg: { msgtype: 'text', text: { content: `${msg.subject}\n${msg.text}` } } },
    policy,
  );
  const taskId = typeof r.task_id === 'number' || typeof r.task_id === 'string' ? String(r.task_id) : null;
  return { remoteId: taskId, failed: [] };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Who has read the notice and who could not get it, as getsendresult tells. */
export async function dingtalkSendResult(
  app: DingtalkApp,
  taskId: string,
  policy: ChannelHostPolicy,
): Promise<{ read: string[]; failed: string[] }> {
  const r = await call(app, '/topapi/message/corpconversation/getsendresult', { agent_id: app.agentId, task_id: Number(taskId) }, policy);
  const s = (r.send_result ?? {}) as Record<string, unknown>;
  return {
    read: strings(s.read_user_id_list),
    failed: [...strings(s.failed_user_id_list), ...strings(s.invalid_user_id_list), ...strings(s.forbidden_user_id_list)],
  };
}
