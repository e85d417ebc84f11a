import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { dingtalkSign } from '../channels/webhooks';
import type { AppContext } from '../context';

/**
 * Test helpers for reminders: a minimal notice with tasks, units, leaders and one open period
 * written straight into the tables, a real local SMTP server and a real local HTTP server that
 * plays the WeCom and DingTalk robots (checking payloads and DingTalk signatures).
 */
export async function makeNoticeWithPeriod(
  ctx: AppContext,
  orgId: number,
  input: { tasks: { unitIds: number[]; leaderIds: number[] }[]; deadline: string; label?: string },
) {
  const now = new Date().toISOString();
  const notice = await ctx.db
    .insertInto('notices')
    .values({
      org_id: orgId,
      title: '测试通知',
      year: Number(input.deadline.slice(0, 4)),
      reporting_deadlines_json: '[]',
      anomalies_json: '[]',
      doc_number: null,
      issuer: null,
      issued_date: null,
      report_to: null,
      imported_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const annex = await ctx.db
    .insertInto('annexes')
    .values({ org_id: orgId, notice_id: notice.id, no: 1, title: '附件1', kind: 'district-gwr' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, task] of input.tasks.entries()) {
    const t = await ctx.db
      .insertInto('tasks')
      .values({
        org_id: orgId,
        notice_id: notice.id,
        annex_id: annex.id,
        category_id: null,
        position: i,
        seq: `(${i + 1})`,
        upstream_no: null,
        upstream_item: null,
        standard: `测试任务${i + 1}`,
        deadline: null,
        due_date: null,
        leaders_printed: '',
        units_printed_json: '[]',
        repairs_json: '[]',
        anomalies_json: '[]',
        uncertain: 0,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, unitId] of task.unitIds.entries()) {
      await ctx.db
        .insertInto('task_units')
        .values({
          org_id: orgId,
          task_id: t.id,
          unit_id: unitId,
          role: j === 0 ? 'lead' : 'co',
          printed: '',
          note: null,
          position: j,
        })
        .execute();
    }
    for (const [j, leaderId] of task.leaderIds.entries()) {
      await ctx.db
        .insertInto('task_leaders')
        .values({ org_id: orgId, task_id: t.id, leader_id: leaderId, position: j })
        .execute();
    }
  }
  const period = await ctx.db
    .insertInto('periods')
    .values({
      org_id: orgId,
      notice_id: notice.id,
      position: 1,
      kind: 'q2',
      label: input.label ?? '2024年第二季度',
      deadline: input.deadline,
      status: 'open',
      // Opened by the office: the schedule (core/reporting/period-schedule.ts) leaves it as it is.
      status_set_by: 'office',
      past_at_import: 0,
      opened_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { noticeId: notice.id, periodId: period.id };
}

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; raw: string };

/** Decodes RFC 2047 words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header value. */
function decodeWords(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
    );
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export function parseMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const enc = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text =
    enc === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : enc === 'quoted-printable'
        ? decodeQp(body)
        : body;
  return { subject: decodeWords(headers.get('subject') ?? ''), text };
}

/** A real SMTP server on 127.0.0.1 (no TLS), requiring the given login. */
export async function startSmtpServer(login: { user: string; pass: string }) {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === login.user && auth.password === login.pass) return cb(null, { user: auth.username });
      cb(new Error('bad login'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address).sort(),
          raw,
          ...parseMail(raw),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type RobotCall = {
  path: string;
  query: Record<string, string>;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
};

/**
 * WeCom and DingTalk robots on 127.0.0.1: /wecom (needs ?key=), /dingtalk (needs access_token and
 * a signature it recomputes from timestamp + secret; a wrong one gets errcode 310000), /broken (500).
 */
export async function startRobotServer(dingtalkSecret: string) {
  const accepted: RobotCall[] = [];
  const refused: (RobotCall & { reason: string })[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const query = Object.fromEntries(url.searchParams);
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      let body: RobotCall['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RobotCall['body'];
      } catch {
        return reply(400, { errcode: 40001, errmsg: 'bad json' });
      }
      const call = { path: url.pathname, query, body };
      const refuse = (reason: string, errcode: number) => {
        refused.push({ ...call, reason });
        reply(200, { errcode, errmsg: reason });
      };
      if (req.method !== 'POST' || req.headers['content-type']?.startsWith('application/json') !== true)
        return refuse('not a JSON POST', 40008);
      if (url.pathname === '/broken') {
        refused.push({ ...call, reason: '500' });
        return reply(500, { error: 'internal' });
      }
      if (url.pathname === '/wecom') {
        if (!query.key) return refuse('missing key', 93000);
        if (body.msgtype !== 'markdown' || typeof body.markdown?.content !== 'string' || !body.markdown.content)
          return refuse('bad payload', 40008);
        accepted.push(call);
        return reply(200, { errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === '/dingtalk') {
        if (!query.access_token) return refuse('missing token', 300001);
        const ts = Number(query.timestamp);
        if (!ts || Math.abs(Date.now() - ts) > 3_600_000) return refuse('timestamp out of range', 310000);
        if (query.sign !== dingtalkSign(ts, dingtalkSecret)) return refuse('sign not match', 310000);
        if (body.msgtype !== 'markdown' || !body.markdown?.title || !body.markdown?.text)
          return refuse('bad payload', 40035);
        accepted.push(call);
        return reply(200, { errcode: 0, errmsg: 'ok' });
      }
      reply(404, { errcode: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    accepted,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
