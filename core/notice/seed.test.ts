// The seed notice (data/demo/xinzhou-2024-notice.txt), checked field by field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from './index';
import type { ParsedTask } from './index';

const SEED = new URL('../../data/demo/xinzhou-2024-notice.txt', import.meta.url);
const text = readFileSync(SEED, 'utf8');
const notice = parseNoticeText(text, { fileName: 'xinzhou-2024-notice.txt' });

function task(annexNo: number, seq: string): ParsedTask {
  const t = notice.annexes.find((a) => a.no === annexNo)?.tasks.find((x) => x.seq === seq);
  if (!t) throw new Error(`no task ${annexNo} ${seq}`);
  return t;
}
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('seed notice: document facts', () => {
  it('reads doc number, title, issuer and issue date', () => {
    expect(notice.document.docNumber).toBe('新政办〔2024〕1号');
    expect(notice.document.title).toBe(
      '区人民政府办公室关于做好2024年省、市、区《政府工作报告》确定的主要目标任务责任分解工作的通知',
    );
    expect(notice.document.issuer).toBe('武汉市新洲区人民政府办公室');
    expect(notice.document.issuedDate).toBe('2024-04-02');
    expect(notice.document.year).toBe(2024);
    expect(notice.document.fileName).toBe('xinzhou-2024-notice.txt');
  });

  it('reads the reporting deadlines of point 四 (the year carries over) and the office to report to', () => {
    expect(notice.document.reportingDeadlines).toEqual(['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01']);
    expect(notice.document.reportTo).toBe('区政府督查室');
  });

  it('reads the annex list, joining the title that wraps ("…责任细" + "化分解表")', () => {
    expect(notice.document.annexTitles).toEqual([
      '2024年区《政府工作报告》确定的当年工作任务责任分解表',
      '2024年省《政府工作报告》涉及我区办理事项责任细化分解表',
      '2024年省政府民生实事涉及我区办理事项责任细化分解表',
      '2024年市《政府工作报告》涉及我区办理事项责任细化分解表',
      '2024年市政府民生实事涉及我区办理事项责任细化分解表',
    ]);
    expect(notice.anomalies).toEqual([]);
  });
});

describe('seed notice: annexes and tasks', () => {
  it('finds five annexes with their kinds and 242 tasks (199 + 24 + 10 + 7 + 2)', () => {
    expect(notice.annexes.map((a) => [a.no, a.kind, a.layout, a.tasks.length])).toEqual([
      [1, 'district-gwr', 'table', 199],
      [2, 'province-gwr', 'table', 24],
      [3, 'province-livelihood', 'table', 10],
      [4, 'city-gwr', 'table', 7],
      [5, 'city-livelihood', 'table', 2],
    ]);
    expect(notice.stats.tasks).toBe(242);
  });

  it('keeps printed sequence numbers in printed order, gaps included', () => {
    const seqs = (no: number): string[] => notice.annexes[no - 1]?.tasks.map((t) => t.seq) ?? [];
    expect(seqs(1)).toEqual(range(1, 199).map((n) => `(${n})`));
    expect(seqs(2)).toEqual([...range(1, 21), 24, 25, 26].map(String));
    expect(seqs(3)).toEqual(range(1, 10).map(String));
    expect(seqs(4)).toEqual(range(1, 7).map(String));
    expect(seqs(5)).toEqual(['1', '2']);
  });

  it('reports the numbering gap in annex 2 as an anomaly on the task and the annex', () => {
    expect(task(2, '24').anomalies).toContain('printed numbering jumps from 21 to 24 (2 number(s) missing)');
    expect(notice.annexes[1]?.anomalies).toContain(
      'annex 2: printed numbering jumps from 21 to 24 (2 number(s) missing)',
    );
    expect(task(2, '21').anomalies).toEqual([]);
  });

  it('reads upstream numbers and items (annexes 2–5) and the printed deadline', () => {
    const upstream = (no: number): (number | null)[] => notice.annexes[no - 1]?.tasks.map((t) => t.upstreamNo) ?? [];
    expect(upstream(2)).toEqual([
      1, 2, 7, 29, 30, 40, 46, 47, 64, 65, 66, 67, 68, 70, 74, 76, 93, 95, 96, 104, 106, 119, 120, 121,
    ]);
    expect(upstream(3)).toEqual(range(122, 131));
    expect(upstream(4)).toEqual([19, 138, 150, 177, 179, 219, 222]);
    expect(upstream(5)).toEqual([43, 44]);
    expect(task(2, '8').upstreamItem).toBe('新增上市公司20家以上。');
    expect(task(5, '2').upstreamItem).toBe('完成183个行政村生活污水治理。');
    for (const a of notice.annexes.slice(1)) {
      for (const t of a.tasks) {
        expect(t.deadline).toBe('12月');
        expect(t.dueDate).toBe('2024-12-31');
      }
    }
    expect(task(1, '(1)').upstreamNo).toBeNull();
    expect(task(1, '(1)').upstreamItem).toBeNull();
    expect(task(1, '(1)').deadline).toBeNull();
    // 附件1 prints no deadline column: the year's own tasks are due by the notice year's end.
    for (const t of notice.annexes[0]!.tasks) expect([t.dueDate, t.dueDateSource]).toEqual(['2024-12-31', 'annual']);
    expect(task(2, '1').dueDateSource).toBe('printed');
  });

  it('normalises the standard text: wrap spaces gone, markup removed, sequence prefix stripped', () => {
    expect(task(1, '(1)').standard).toBe('地区生产总值增长6%左右。');
    expect(task(1, '(10)').standard).toContain('更好推动GEP向GDP转化');
    expect(task(1, '(31)').standard).toBe(
      '加快G347举水河大桥、新港高速双柳长江大桥及接线工程建设，打造长江经济带区域协同发展核心枢纽。',
    );
    const a3 = task(3, '1');
    expect(a3.standard).not.toMatch(/<\/?p>/);
    expect(a3.upstreamItem).not.toMatch(/<\/?p>/);
    expect(a3.standard.startsWith('1.免费开展新生儿先天性甲状腺减低症')).toBe(true);
    expect(a3.upstreamItem?.startsWith('着力实现婴幼儿有善育。')).toBe(true);
    expect(task(5, '1').standard).toBe('建成“村增万树”示范村3个、标准村26个。');
    for (const a of notice.annexes)
      for (const t of a.tasks) expect(t.standard).not.toMatch(/^\(\d+\)|\s[\u4e00-\u9fff]|[\u4e00-\u9fff]\s/u);
  });

  it('reports words printed twice and the annex 3 header that says 市级 for a province list', () => {
    expect(task(1, '(130)').anomalies).toContain('possible duplicated word "旅游旅游" (kept as printed)');
    expect(task(1, '(19)').anomalies).toContain('possible duplicated word "郝城、郝城" (kept as printed)');
    expect(task(2, '4').anomalies).toContain('possible duplicated word "运力运力" (kept as printed)');
    expect(task(1, '(130)').standard).toContain('全域旅游旅游形象');
    expect(notice.annexes[2]?.anomalies).toEqual([
      'the upstream column is headed "市级下达的责任事项" but the annex title says 省',
    ]);
    expect(notice.annexes[3]?.anomalies).toEqual([]);
  });

  it('realigns the rows the extractor shifted left, recording the repair', () => {
    for (const seq of ['(26)', '(130)']) {
      const t = task(1, seq);
      expect(t.repairs.some((r) => r.field === 'row' && r.raw.startsWith(seq))).toBe(true);
      expect(t.category?.no).toBe(seq === '(26)' ? 7 : 19);
    }
    expect(task(1, '(26)').leaders).toEqual(['李先勇', '肖新锋']);
    expect(task(1, '(130)').units).toEqual(['区文化和旅游局']);
  });
});

describe('seed notice: categories of annex 1', () => {
  const names = [
    '全年主要预期目标',
    '中华航天城',
    '建设千古问津地',
    '建设武汉东花园',
    '建设沿江开放极',
    '建设和幸福区',
    '融入武汉市全方位融入',
    '构建外联内畅交通网络',
    '挺起工业发展脊梁',
    '秦响现代服务业',
    '筑牢经济发展保障',
    '积极扩大有效投资',
    '着力释放消费潜能',
    '突破性建设双柳新城',
    '高标准建设天津新城',
    '宜居智慧韧性城市',
    '激发农业大区新活力',
    '和美乡村新画卷',
    '探索全域旅游新赛道',
    '深化重点领域改革',
    '深化要素配置改革',
    '深化人才队伍建设',
    '坚决守住生态安全底线',
    '强化生态修复保护',
    '推动绿色低碳发展',
    '把实事办得更',
    '让治理更有温度',
  ];
  // First task of each category as printed (the label row).
  const starts = [
    1, 6, 7, 8, 13, 15, 16, 27, 36, 46, 53, 61, 63, 76, 86, 92, 101, 113, 120, 131, 133, 142, 150, 160, 164, 170, 189,
  ];

  it('keeps one canonical name per number (wrap spaces removed, variants resolved)', () => {
    expect(notice.annexes[0]?.categories.map((c) => [c.no, c.name])).toEqual(names.map((n, i) => [i + 1, n]));
    const c14 = notice.annexes[0]?.categories.find((c) => c.no === 14);
    expect(c14?.printed.map((p) => p.name)).toEqual(['突破双柳新城建设', '突破性建设双柳新城']);
    const c1 = notice.annexes[0]?.categories.find((c) => c.no === 1);
    expect(c1?.printed).toEqual([{ name: '全年主要 预期目标', line: 40 }]);
  });

  it('gives every task of annex 1 its category; annexes 2–5 have none', () => {
    for (const t of notice.annexes[0]?.tasks ?? []) {
      const no = starts.filter((s) => s <= (t.seqNo ?? 0)).length;
      expect(t.category).toEqual({ no, name: names[no - 1] });
    }
    for (const a of notice.annexes.slice(1)) for (const t of a.tasks) expect(t.category).toBeNull();
  });

  it('flags the label printed twice on one page (21 at (133) and (139)) for confirmation', () => {
    for (const n of range(133, 138)) {
      const t = task(1, `(${n})`);
      expect(t.uncertain).toBe(true);
      expect(t.anomalies.some((a) => a.includes('may belong to category 20'))).toBe(true);
    }
    expect(task(1, '(139)').anomalies).toEqual([]);
  });

  it('records the renaming of a category variant as a repair', () => {
    const r = task(1, '(76)').repairs.find((x) => x.field === 'category');
    expect(r).toMatchObject({ raw: '14 突破双柳新城建设', result: '14 突破性建设双柳新城' });
  });
});

describe('seed notice: links between annexes', () => {
  it('proposes the city Work Report and livelihood items handed down twice as linked', () => {
    expect(task(4, '5').links).toEqual([
      { annexNo: 5, seq: '1', reason: 'same upstream item and district target handed down twice', similarity: 1 },
    ]);
    expect(task(5, '1').links[0]).toMatchObject({ annexNo: 4, seq: '5' });
    expect(task(4, '4').links[0]).toMatchObject({ annexNo: 5, seq: '2' });
    expect(task(5, '2').links[0]).toMatchObject({ annexNo: 4, seq: '4' });
  });

  it('also proposes district targets repeated in the province annex', () => {
    expect(task(1, '(1)').links.map((l) => [l.annexNo, l.seq])).toEqual([[2, '1']]);
    expect(task(1, '(60)').links.map((l) => [l.annexNo, l.seq])).toEqual([[2, '7']]);
    expect(task(1, '(2)').links).toEqual([]);
  });
});

describe('seed notice: speed', () => {
  it('parses the seed well within budget', () => {
    for (let i = 0; i < 3; i++) parseNoticeText(text);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      parseNoticeText(text);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    // Measured ≈9 ms median on the dev box; the bound is loose to keep CI stable.
    expect(times[7]).toBeLessThan(100);
  });
});

describe('seed notice: robustness to small variations', () => {
  const summary = (t: string): string[] =>
    parseNoticeText(t).annexes.flatMap((a) =>
      a.tasks.map((x) => `${a.no}|${x.seqNo}|${x.leaders.join()}|${x.units.join()}`),
    );
  const base = summary(text);

  it('gives the same ledger with CRLF line endings', () => {
    expect(summary(text.replace(/\n/g, '\r\n'))).toEqual(base);
  });

  it('finds an annex whose body title differs slightly from the annex list', () => {
    const changed = text.replace(
      '2024 年市《政府工作报告》涉及我区办理事项责任细化分解表',
      '2024年市政府工作报告涉及我区办理事项责任细化分解表',
    );
    expect(changed).not.toBe(text);
    expect(parseNoticeText(changed).annexes.map((a) => a.tasks.length)).toEqual([199, 24, 10, 7, 2]);
  });

  it('reads full-width task numbers （1） like (1)', () => {
    const fullWidth = text.replace(/\((\d+)\)/g, '（$1）');
    expect(summary(fullWidth)).toEqual(base);
  });
});
