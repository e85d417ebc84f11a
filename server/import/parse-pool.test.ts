import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { ParsePool, type ParsePoolOptions } from './parse-pool';

/**
 * The parse pool's limits (issue 16, issue 17 point 1), with the real worker and real notices:
 * a parse over its wall-clock limit is stopped and its worker replaced, a full queue refuses at
 * once, a parse over its memory budget fails alone, and the errors are the user's.
 */
const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));

/** 26,000 table rows: about a second of parsing on an idle machine, whatever the limit allows. */
function heavyNotice(): Buffer {
  const rows = ['新政办〔2024〕9号', '2024年1月5日', '序号\t工作标准\t责任单位\t完成时限'];
  for (let i = 1; i <= 26_000; i++) rows.push(`${i}\t推进第${i}项重点工作，新建停车位${i}个\t区发改局、区财政局\t6月底前`);
  return Buffer.from(rows.join('\n'));
}

const upload = (fileName: string, content: Buffer) => ({ fileName, content, units: [], leaders: [] });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error('expected a refusal'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('the parse pool', () => {
  let pool: ParsePool | undefined;
  const make = (options: Partial<ParsePoolOptions>) =>
    (pool = new ParsePool({ workers: 1, queueLimit: 4, timeoutMs: 30_000, memoryMb: 1024, ...options }));
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('parses the seed in a worker, as the importer did on the main thread', async () => {
    const { format, parsed } = await make({}).parse(upload('seed.txt', seed));
    expect(format).toBe('text');
    expect(parsed.stats.tasks).toBe(242);
    expect(parsed.document.docNumber).toBe('新政办〔2024〕1号');
  }, 60_000);

  it('stops a parse over its wall-clock limit with a clear error, and the next upload gets a new worker', async () => {
    const p = make({ timeoutMs: 300 });
    const started = Date.now();
    const e = await refusal(p.parse(upload('heavy.txt', heavyNotice())));
    expect(e.code).toBe('IMPORT_PARSE_TIMEOUT');
    expect(e.detail?.zh).toBe('“heavy.txt”在 0.3 秒内未解析完');
    expect(Date.now() - started).toBeLessThan(5_000);
    // A new worker (its start-up counts in the limit: give it the time it needs).
    p.options.timeoutMs = 30_000;
    expect((await p.parse(upload('seed.txt', seed))).parsed.stats.tasks).toBe(242);
  }, 60_000);

  it('refuses at once when every worker is busy and the queue is full (503, retry)', async () => {
    const p = make({ queueLimit: 1 });
    const running = p.parse(upload('a.txt', seed));
    const waiting = p.parse(upload('b.txt', seed));
    const e = await refusal(p.parse(upload('c.txt', seed)));
    expect(e.code).toBe('IMPORT_BUSY');
    expect(e.status).toBe(503);
    // The running and the waiting upload are read all the same.
    expect((await running).parsed.stats.tasks).toBe(242);
    expect((await waiting).parsed.stats.tasks).toBe(242);
  }, 60_000);

  it('fails a parse over its memory budget alone; the pool goes on', async () => {
    const p = make({ memoryMb: 16 });
    const e = await refusal(p.parse(upload('heavy.txt', heavyNotice())));
    expect(e.code).toBe('IMPORT_PARSE_OUT_OF_MEMORY');
    expect(e.detail?.zh).toBe('“heavy.txt”解析所需内存超过 16 MB');
    p.options.memoryMb = 1024;
    expect((await p.parse(upload('seed.txt', seed))).parsed.stats.tasks).toBe(242);
  }, 60_000);

  it('passes the reader\'s and the parser\'s refusals through as the user saw them', async () => {
    const p = make({});
    const empty = await refusal(p.parse(upload('empty.txt', Buffer.alloc(0))));
    expect(empty.code).toBe('IMPORT_FILE_EMPTY');
    expect(empty.detail?.zh).toBe('empty.txt：文件为空，请选择含有通知正文的文件');
    const tooMuch = await refusal(p.parse(upload('big.txt', Buffer.from('的'.repeat(2_100_000)))));
    expect(tooMuch.code).toBe('NOTICE_TOO_MUCH_TEXT');
    expect(tooMuch.detail?.zh).toMatch(/^文件文字量超出一份通知的合理范围.*（共 2100000 字，最多 2000000 字）（big\.txt，第1行）$/);
  }, 60_000);
});
