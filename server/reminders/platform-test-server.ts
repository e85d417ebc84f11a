import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server speaking the documented endpoints used for messages to the person, on
 * 127.0.0.1 (a real socket, nothing of the code under test replaced):
 * - WeCom: GET /cgi-bin/gettoken?corpid&corpsecret, POST /cgi-bin/message/send?access_token
 *   (touser "a|b", agentid, msgtype text; unknown users come back in invaliduser, errcode 81013
 *   when none is valid);
 * - DingTalk: GET /gettoken?appkey&appsecret, POST /topapi/message/corpconversation/asyncsend_v2
 *   and /getsendresult (read and unread lists as the test sets them);
 * - the SMS gateway: POST /sms with a bearer token.
 */
export type PlatformCall = { path: string; query: Record<string, string>; body: Record<string, unknown>; auth?: string };

export async function startPlatformServer(creds: {
  corpId: string;
  corpSecret: string;
  agentId: number;
  appKey: string;
  appSecret: string;
  smsToken: string;
  wecomUsers: string[];
  dingtalkUsers: string[];
}) {
  const calls: PlatformCall[] = [];
  const dingtalkRead = new Set<string>();
  const tasks = new Map<number, string[]>();
  let nextTask = 1000;
  const WECOM_TOKEN = 'wecom-token-1';
  const DING_TOKEN = 'ding-token-1';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const query = Object.fromEntries(url.searchParams);
      let body: Record<string, unknown> = {};
      if (chunks.length) {
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          body = { unparsable: true };
        }
      }
      calls.push({ path: url.pathname, query, body, auth: req.headers.authorization });
      const reply = (payload: unknown, status = 200) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      switch (url.pathname) {
        case '/cgi-bin/gettoken':
          if (query.corpid !== creds.corpId || query.corpsecret !== creds.corpSecret)
            return reply({ errcode: 40001, errmsg: 'invalid credential' });
          return reply({ errcode: 0, errmsg: 'ok', access_token: WECOM_TOKEN, expires_in: 7200 });
        case '/cgi-bin/message/send': {
          if (query.access_token !== WECOM_TOKEN) return reply({ errcode: 40014, errmsg: 'invalid access_token' });
          if (body.agentid !== creds.agentId || body.msgtype !== 'text') return reply({ errcode: 40008, errmsg: 'bad message' });
          const to = String(body.touser ?? '').split('|');
          const invalid = to.filter((u) => !creds.wecomUsers.includes(u));
          if (invalid.length === to.length) return reply({ errcode: 81013, errmsg: 'user & party & tag all invalid', invaliduser: invalid.join('|') });
          return reply({ errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), msgid: `msg-${calls.length}` });
        }
        case '/gettoken':
          if (query.appkey !== creds.appKey || query.appsecret !== creds.appSecret) return reply({ errcode: 40089, errmsg: 'invalid appkey' });
          return reply({ errcode: 0, errmsg: 'ok', access_token: DING_TOKEN, expires_in: 7200 });
        case '/topapi/message/corpconversation/asyncsend_v2': {
          if (query.access_token !== DING_TOKEN) return reply({ errcode: 88, errmsg: 'invalid token' });
          if (body.agent_id !== creds.agentId) return reply({ errcode: 400002, errmsg: 'bad agent' });
          const taskId = nextTask++;
          tasks.set(taskId, String(body.userid_list ?? '').split(','));
          return reply({ errcode: 0, errmsg: 'ok', task_id: taskId, request_id: 'r' });
        }
        case '/topapi/message/corpconversation/getsendresult': {
          if (query.access_token !== DING_TOKEN) return reply({ errcode: 88, errmsg: 'invalid token' });
          const users = tasks.get(Number(body.task_id));
          if (!users) return reply({ errcode: 400001, errmsg: 'no task' });
          const valid = users.filter((u) => creds.dingtalkUsers.includes(u));
          return reply({
            errcode: 0,
            errmsg: 'ok',
            send_result: {
              read_user_id_list: valid.filter((u) => dingtalkRead.has(u)),
              unread_user_id_list: valid.filter((u) => !dingtalkRead.has(u)),
              invalid_user_id_list: users.filter((u) => !creds.dingtalkUsers.includes(u)),
              failed_user_id_list: [],
              forbidden_user_id_list: [],
            },
          });
        }
        case '/sms':
          if (req.headers.authorization !== `Bearer ${creds.smsToken}`) return reply({ code: 401, message: 'unauthorised' });
          if (!Array.isArray(body.phones) || !body.templateId || !body.signature) return reply({ code: 400, message: 'bad request' });
          return reply({ code: 0, id: `sms-${calls.length}` });
        default:
          return reply({ errcode: 404 }, 404);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    dingtalkRead,
    env: {
      DUBAN_WECOM_CORP_ID: creds.corpId,
      DUBAN_WECOM_AGENT_ID: String(creds.agentId),
      DUBAN_WECOM_APP_SECRET: creds.corpSecret,
      DUBAN_WECOM_API_BASE: url,
      DUBAN_DINGTALK_APP_KEY: creds.appKey,
      DUBAN_DINGTALK_APP_SECRET: creds.appSecret,
      DUBAN_DINGTALK_AGENT_ID: String(creds.agentId),
      DUBAN_DINGTALK_API_BASE: url,
      DUBAN_SMS_GATEWAY_URL: `${url}/sms`,
      DUBAN_SMS_GATEWAY_TOKEN: creds.smsToken,
      DUBAN_SMS_TEMPLATE_ID: 'SMS_DUBAN_1',
      DUBAN_SMS_SIGNATURE: '区督查室',
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
