import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local HTTP servers speaking the WeCom and DingTalk endpoints the in-app sign-in (免登) uses, as
 * documented: WeCom GET /cgi-bin/gettoken?corpid&corpsecret, GET /cgi-bin/auth/getuserinfo?access_token&code
 * (→ userid, or openid for a non-member) and the web authorisation page /connect/oauth2/authorize
 * (redirects back with ?code&state); DingTalk GET /gettoken?appkey&appsecret and
 * POST /topapi/v2/user/getuserinfo?access_token {code} (→ result.userid). Codes are one-time.
 */
export type LocalPlatform = {
  base: string;
  codes: Map<string, string>;
  nextUser: string | null;
  calls: string[];
  close: () => Promise<void>;
};

async function listen(
  handler: (
    req: import('node:http').IncomingMessage,
    url: URL,
    body: string,
  ) => { status?: number; json?: unknown; location?: string },
) {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const out = handler(req, url, body);
      if (out.location) {
        res.writeHead(302, { location: out.location }).end();
        return;
      }
      res.writeHead(out.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(out.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function startWecom(corpId: string, secret: string): Promise<LocalPlatform> {
  const token = `wecom-token-${Math.random().toString(16).slice(2)}`;
  const state = { codes: new Map<string, string>(), nextUser: null as string | null, calls: [] as string[] };
  const { server, base } = await listen((_req, url) => {
    state.calls.push(url.pathname);
    if (url.pathname === '/cgi-bin/gettoken') {
      if (url.searchParams.get('corpid') !== corpId || url.searchParams.get('corpsecret') !== secret)
        return { json: { errcode: 40001, errmsg: 'invalid credential' } };
      return { json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 } };
    }
    if (url.pathname === '/cgi-bin/auth/getuserinfo') {
      if (url.searchParams.get('access_token') !== token)
        return { json: { errcode: 40014, errmsg: 'invalid access_token' } };
      const code = url.searchParams.get('code') ?? '';
      const who = state.codes.get(code);
      state.codes.delete(code);
      if (!who) return { json: { errcode: 40029, errmsg: 'invalid code' } };
      if (who.startsWith('openid:'))
        return { json: { errcode: 0, errmsg: 'ok', openid: who.slice(7), external_userid: '' } };
      return { json: { errcode: 0, errmsg: 'ok', userid: who, user_ticket: 'ticket' } };
    }
    if (url.pathname === '/connect/oauth2/authorize') {
      // The person opened the app inside WeCom: WeCom sends them back with a one-time code.
      if (url.searchParams.get('appid') !== corpId || !state.nextUser)
        return { status: 400, json: { errmsg: 'no user' } };
      const code = `code-${Math.random().toString(16).slice(2)}`;
      state.codes.set(code, state.nextUser);
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return { location: back.toString() };
    }
    return { status: 404, json: { errcode: 404 } };
  });
  return Object.assign(state, { base, close: () => new Promise<void>((r) => server.close(() => r())) });
}

export async function startDingtalk(appKey: string, appSecret: string): Promise<LocalPlatform> {
  const token = `ding-token-${Math.random().toString(16).slice(2)}`;
  const state = { codes: new Map<string, string>(), nextUser: null as string | null, calls: [] as string[] };
  const { server, base } = await listen((req, url, body) => {
    state.calls.push(url.pathname);
    if (url.pathname === '/gettoken' && req.method === 'GET') {
      if (url.searchParams.get('appkey') !== appKey || url.searchParams.get('appsecret') !== appSecret)
        return { json: { errcode: 40089, errmsg: '不合法的corpid或corpsecret' } };
      return { json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 } };
    }
    if (url.pathname === '/topapi/v2/user/getuserinfo' && req.method === 'POST') {
      if (url.searchParams.get('access_token') !== token) return { json: { errcode: 88, errmsg: '鉴权异常' } };
      const code = (JSON.parse(body || '{}') as { code?: string }).code ?? '';
      const who = state.codes.get(code);
      state.codes.delete(code);
      if (!who) return { json: { errcode: 40078, errmsg: '不存在的临时授权码' } };
      return {
        json: {
          errcode: 0,
          errmsg: 'ok',
          result: {
            userid: who,
            device_id: 'd',
            sys: false,
            sys_level: 0,
            associated_unionid: '',
            unionid: `u-${who}`,
            name: who,
          },
        },
      };
    }
    return { status: 404, json: { errcode: 404 } };
  });
  return Object.assign(state, { base, close: () => new Promise<void>((r) => server.close(() => r())) });
}
