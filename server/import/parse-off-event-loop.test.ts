import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, makeUser } from '../test/factories';
import { signInOver, type HttpClient } from '../test/http-client';
import { serverEnv } from '../test/crash-support';
import { startServerProcess, type ServerProcess } from '../test/server-process';

/**
 * Issue 16 / issue 17 point 1: one upload must not freeze the server. A real `duban serve`
 * process gets large notices on POST /api/notices/preview while the test asks GET /api/health every
 * 50 ms; the health check keeps answering quickly because the reading and parsing run in a worker
 * thread (import/parse-pool.ts). On the event loop, this parse blocked every request for its whole
 * duration (the probe saw 21 s for 296 KB, over 12 minutes for 15 MB).
 */

const HEAD = ['新政办〔2024〕9号', '关于印发重点工作责任分解的通知', '2024年1月5日', '序号\t工作标准\t责任单位\t完成时限'];

/** A notice of `n` table rows, each a task with indicators and a duplicated word to report. */
function tableNotice(n: number): string {
  const rows = [...HEAD];
  for (let i = 1; i <= n; i++) {
    rows.push(`${i}\t推进第${i}项重点工作，新建停车位${i}个、充电桩${(i * 7) % 900}个，旅游旅游形象提升${i % 50}%以上\t区发改局、区财政局、区住建局\t${(i % 12) + 1}月底前`);
  }
  return rows.join('\n');
}

type Failure = { error: { code: string; message: string } };

async function preview(client: HttpClient, baseUrl: string, fileName: string, text: string) {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), fileName);
  const res = await fetch(`${baseUrl}/api/notices/preview`, {
    method: 'POST',
    headers: { cookie: `duban_session=${client.token}`, 'x-csrf-token': client.csrfToken },
    body: form,
  });
  // The body is read as text here and parsed by the caller after the health checks: parsing a
  // 16 MB JSON answer would block this test's own event loop and be counted as server latency.
  return { status: res.status, text: await res.text() };
}

/** Asks /api/health every 50 ms until `done` settles; returns each answer's latency in ms. */
async function healthDuring(baseUrl: string, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const latencies: number[] = [];
  while (!finished) {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/health`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return latencies;
}

describe('a large notice is parsed off the event loop', () => {
  let db: TestDb;
  let app: ServerProcess;
  let office: HttpClient;

  beforeAll(async () => {
    db = await createTestDb();
    const org = await makeOrg(db.ctx);
    const user = await makeUser(db.ctx, org.id, 'office');
    app = await startServerProcess(serverEnv(db));
    office = await signInOver(app.url, user.username);
  }, 60_000);
  afterAll(async () => {
    if (process.env.SHOW_SERVER_OUTPUT) console.log(app?.output());
    await app?.stop();
    await db?.close();
  });

  it('keeps /api/health answering while 26,000 table rows (1.9 million characters) are read, then refuses them clearly', async () => {
    const text = tableNotice(26_000);
    expect(text.length).toBeLessThan(2_000_000); // under the text bound: the whole table is parsed
    const started = performance.now();
    const answer = preview(office, app.url, 'rows.txt', text);
    const latencies = await healthDuring(app.url, answer);
    const { status, text: reply } = await answer;
    const seconds = (performance.now() - started) / 1000;
    const { error } = JSON.parse(reply) as Failure;
    expect(status, reply).toBe(422);
    expect(error.code).toBe('NOTICE_TOO_MANY_TASKS');
    expect(error.message).toContain('读出 26000 项，最多 5000 项');
    expect(error.message).toMatch(/rows\.txt，第\d+行/);
    expect(seconds).toBeLessThan(30);
    // Health checks ran all through the parse, and none waited for it.
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies), `health latencies (ms): ${latencies.map((l) => l.toFixed(0)).join(' ')}`).toBeLessThan(1000);
  }, 60_000);

  it('answers the preview of a 3,000-task notice while /api/health keeps answering', async () => {
    const answer = preview(office, app.url, 'large.txt', tableNotice(3_000));
    const latencies = await healthDuring(app.url, answer);
    const { status, text } = await answer;
    expect(status, text.slice(0, 300)).toBe(200);
    const body = JSON.parse(text) as { parsed: { stats: { tasks: number }; annexes: { tasks: { anomalies: string[]; indicators: unknown[] }[] }[] } };
    expect(body.parsed.stats.tasks).toBe(3_000);
    const first = body.parsed.annexes[0]!.tasks[0]!;
    expect(first.indicators).toContainEqual(expect.objectContaining({ name: '新建停车位', value: 1, unit: '个' }));
    expect(first.anomalies).toContain('possible duplicated word "旅游旅游" (kept as printed)');
    expect(Math.max(0, ...latencies), `health latencies (ms): ${latencies.map((l) => l.toFixed(0)).join(' ')}`).toBeLessThan(1000);
  }, 60_000);

  it('refuses a 20 MB run of one character at once, with what, where and how to fix', async () => {
    const started = performance.now();
    const answer = preview(office, app.url, 'run.txt', '的'.repeat(6_900_000));
    const latencies = await healthDuring(app.url, answer);
    const { status, text } = await answer;
    const body = JSON.parse(text) as unknown;
    expect(status).toBe(422);
    const { error } = body as Failure;
    expect(error.code).toBe('NOTICE_TOO_MUCH_TEXT');
    expect(error.message).toContain('最多 2000000 字');
    expect(error.message).toContain('run.txt，第1行');
    expect(error.message).toContain('请确认上传的是责任分解通知本身');
    expect((performance.now() - started) / 1000).toBeLessThan(10);
    expect(Math.max(0, ...latencies)).toBeLessThan(1000);
  }, 60_000);
});
