// The office's indicator corrections in the import preview: applied to the parsed task, recorded as
// repairs, written to the ledger by the import, and refused whole (nothing written) when wrong.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../core/notice';
import { systemActor } from '../audit/actor';
import { AppError } from '../errors/app-error';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg } from '../test/factories';
import { applyCorrections } from './corrections';
import { importNotice } from './notice-import.service';

const seedText = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'), 'utf8');
const upload = { fileName: 'xinzhou-2024-notice.txt', content: Buffer.from(seedText, 'utf8') };
const actor = systemActor('test');

/** 附件3 item 8's indicators as parsed, with the fourth and fifth renamed/retargeted by the office. */
function parkingCorrection() {
  const parsed = parseNoticeText(seedText);
  const task = parsed.annexes[2]!.tasks.find((t) => t.seq === '8')!;
  const indicators = task.indicators.map(({ name, value, unit, qualifier }) => ({ name, value, unit, qualifier }));
  indicators[4] = { name: '停车位考核目标', value: 3200, unit: '个', qualifier: '以上' };
  indicators[6] = { ...indicators[6]!, name: '新增公共停车位数量' };
  return { count: task.indicators.length, correction: { key: '3/8', indicators } };
}

const errorOf = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('indicator corrections in the import preview', () => {
  it('renames and retargets the parsed indicators in order, keeping each printed span, and records repairs', () => {
    const { correction } = parkingCorrection();
    const parsed = applyCorrections(parseNoticeText(seedText), [correction]);
    const task = parsed.annexes[2]!.tasks.find((t) => t.seq === '8')!;
    expect(task.indicators[4]).toEqual({
      name: '停车位考核目标',
      value: 3200,
      unit: '个',
      qualifier: '以上',
      text: '考核目标为3000个',
    });
    expect(task.indicators[6]).toMatchObject({ name: '新增公共停车位数量', value: 750, text: '新增公共停车位750个' });
    const repairs = task.repairs.filter((r) => r.field === 'indicators');
    expect(repairs.map((r) => [r.raw, r.result])).toEqual([
      ['新洲区停车位考核目标 3000个', '停车位考核目标 3200个以上'],
      ['新增公共停车位 750个', '新增公共停车位数量 750个'],
    ]);
  });

  it('names the indicators read from a corrected standard, not the printed one', () => {
    const parsed = applyCorrections(parseNoticeText(seedText), [
      {
        key: '1/(1)',
        standard: '地区生产总值增长6.5%左右，新增市场主体3000户。',
        indicators: [
          { name: '地区生产总值增速', value: 6.5, unit: '%', qualifier: '左右' },
          { name: '新增市场主体', value: 3000, unit: '户', qualifier: null },
        ],
      },
    ]);
    expect(parsed.annexes[0]!.tasks[0]!.indicators.map((i) => [i.name, i.value, i.text])).toEqual([
      ['地区生产总值增速', 6.5, '地区生产总值增长6.5%左右'],
      ['新增市场主体', 3000, '新增市场主体3000户'],
    ]);
  });

  it('refuses a list of another length, an empty or too long name, a long unit and a bad qualifier, naming the task and the indicator', () => {
    const { correction, count } = parkingCorrection();
    const short = errorOf(() =>
      applyCorrections(parseNoticeText(seedText), [{ ...correction, indicators: correction.indicators.slice(1) }]),
    );
    expect(short.code).toBe('VALIDATION_FAILED');
    expect(short.detail?.zh).toContain(`有 ${count - 1} 项，而该事项识别出 ${count} 项指标`);
    const cases: [Partial<(typeof correction.indicators)[number]>, string][] = [
      [{ name: '  ' }, '名称：指标名称不能为空'],
      [{ name: '停'.repeat(61) }, '指标名称不超过 60 个字'],
      [{ unit: '个个个个个个个个个个个' }, '计量单位不超过 10 个字'],
      [{ qualifier: '大约吧' }, '限定词只能是'],
      [{ value: Number.NaN }, '目标值须为数字'],
    ];
    for (const [change, message] of cases) {
      const indicators = correction.indicators.map((i, n) => (n === 4 ? { ...i, ...change } : i));
      const e = errorOf(() => applyCorrections(parseNoticeText(seedText), [{ key: '3/8', indicators }]));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.detail?.zh, JSON.stringify(change)).toContain('事项 3/8 的第 5 项指标（新洲区停车位考核目标）');
      expect(e.detail?.zh, JSON.stringify(change)).toContain(message);
    }
  });
});

describe('an import with indicator corrections', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  const indicatorsOf = async (orgId: number) =>
    t.ctx.db
      .selectFrom('indicators')
      .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select([
        'indicators.name',
        'indicators.target',
        'indicators.unit',
        'indicators.qualifier',
        'tasks.repairs_json',
        'tasks.version',
      ])
      .where('indicators.org_id', '=', orgId)
      .where('annexes.no', '=', 3)
      .where('tasks.seq', '=', '8')
      .orderBy('indicators.position')
      .execute();

  it('stores the office’s names and targets in the ledger, in the task’s first version and repairs', async () => {
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    await importNotice(t.ctx, actor, org.id, upload, { corrections: [parkingCorrection().correction] });
    const rows = await indicatorsOf(org.id);
    expect(rows.map((r) => [r.name, r.target, r.unit, r.qualifier]).slice(3, 7)).toEqual([
      ['新洲区停车位必达目标', 2500, '个', null],
      ['停车位考核目标', 3200, '个', '以上'],
      ['公共停车位占比', 30, '%', '不低于'],
      ['新增公共停车位数量', 750, '个', null],
    ]);
    const repairs = JSON.parse(rows[0]!.repairs_json) as { field: string; result: string }[];
    expect(repairs.filter((r) => r.field === 'indicators').map((r) => r.result)).toEqual([
      '停车位考核目标 3200个以上',
      '新增公共停车位数量 750个',
    ]);
    const first = await t.ctx.db
      .selectFrom('task_versions')
      .innerJoin('tasks', 'tasks.id', 'task_versions.task_id')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select('task_versions.indicators_json')
      .where('task_versions.org_id', '=', org.id)
      .where('annexes.no', '=', 3)
      .where('tasks.seq', '=', '8')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(first.indicators_json) as { name: string }[]).map((i) => i.name)).toContain('停车位考核目标');
  });

  it('writes nothing when one indicator correction is refused', async () => {
    const org = await makeOrg(t.ctx, { name: '黄陂区' });
    const { correction } = parkingCorrection();
    const bad = { ...correction, indicators: correction.indicators.map((i, n) => (n === 0 ? { ...i, name: '' } : i)) };
    await expect(importNotice(t.ctx, actor, org.id, upload, { corrections: [bad] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const tasks = await t.ctx.db.selectFrom('tasks').select('id').where('org_id', '=', org.id).execute();
    expect(tasks).toEqual([]);
  });
});
