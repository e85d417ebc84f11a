// Other layouts: labelled lines, trailing role parentheses, traditional characters, rows input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNoticeRows, parseNoticeText } from './index';
import type { NoticeRow } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('labelled lines layout (牵头单位：… under numbered tasks)', () => {
  const n = parseNoticeText(fixture('labelled.txt'));
  const tasks = n.annexes[0]?.tasks ?? [];

  it('reads the document facts', () => {
    expect(n.document).toMatchObject({
      docNumber: '东政办〔2025〕7号',
      title: '东湖区人民政府办公室关于印发2025年重点工作任务分工方案的通知',
      issuer: '东湖区人民政府办公室',
      issuedDate: '2025-03-10',
      reportingDeadlines: ['2025-04-05', '2025-07-05', '2025-10-05'],
      reportTo: '区政府督查室',
    });
  });

  it('finds one annex of four tasks with headings as category and section', () => {
    expect(n.annexes.map((a) => [a.no, a.title, a.layout])).toEqual([[1, '2025年重点工作任务分工方案', 'labelled']]);
    expect(tasks.map((t) => [t.seq, t.category?.no, t.category?.name, t.section])).toEqual([
      ['1.', 1, '稳定经济增长', '扩大有效投资'],
      ['2．', 1, '稳定经济增长', '扩大有效投资'],
      ['3.', 1, '稳定经济增长', '促进消费'],
      ['(1)', 2, '改善民生', null],
    ]);
  });

  it('reads the roles: lead unit first, then 责任单位 and 配合单位', () => {
    expect(tasks[0]).toMatchObject({
      standard: '全年固定资产投资增长8%以上。',
      leaders: ['王建国'],
      units: ['区发改局', '区财政局', '区统计局', '各街道'],
      deadline: '12月',
      dueDate: '2025-12-31',
    });
    expect(tasks[0]?.unitRefs.map((u) => u.role)).toEqual(['lead', 'co', 'co', 'co']);
    expect(tasks[1]?.leaders).toEqual(['王建国', '刘晓梅']);
    expect(tasks[3]?.units).toEqual(['区人社局', '区财政局', '区教育局']);
  });

  it('joins task text that wraps onto the next line and reads its indicators', () => {
    expect(tasks[2]?.standard).toBe('社会消费品零售总额增长6%左右，举办促消费活动不少于20场。');
    expect(tasks[2]?.indicators.map((i) => [i.name, i.value, i.unit, i.qualifier])).toEqual([
      ['社会消费品零售总额增长', 6, '%', '左右'],
      ['举办促消费活动', 20, '场', '不少于'],
    ]);
  });
});

describe('inline layout (roles in a trailing parenthesis)', () => {
  const n = parseNoticeText(fixture('inline.txt'));
  const tasks = n.annexes[0]?.tasks ?? [];

  it('reads document facts with ASCII brackets in the doc number and the title first', () => {
    expect(n.document.docNumber).toBe('西政办发[2025]12号');
    expect(n.document.title).toBe('西山县人民政府办公室关于2025年政府工作报告重点任务责任分工的通知');
    expect(n.document.reportTo).toBe('县政府督查室');
  });

  it('splits the parenthesis off the task text, with full-width or ASCII punctuation', () => {
    expect(n.annexes[0]?.layout).toBe('inline');
    expect(tasks.map((t) => [t.seq, t.standard, t.leaders, t.units])).toEqual([
      ['1.', '推进工业园区扩区提质，新增规上工业企业10家以上。', ['赵明'], ['县工信局', '县发改局', '县自然资源局']],
      ['2.', '建成高标准农田2万亩。', ['孙丽'], ['县农业农村局', '县财政局']],
      ['3.', '新建幼儿园三所，新增学位九百个。', ['孙丽'], ['县教育局']],
    ]);
    expect(tasks.map((t) => t.category?.name)).toEqual(['产业发展', '产业发展', '社会事业']);
  });
});

describe('traditional characters', () => {
  const n = parseNoticeText(fixture('traditional.txt'));
  const tasks = n.annexes[0]?.tasks ?? [];

  it('matches labels through simplified forms but keeps the printed text', () => {
    expect(n.document.docNumber).toBe('南政辦〔2025〕3號');
    expect(n.document.reportingDeadlines).toEqual(['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']);
    expect(n.document.reportTo).toBe('區政府督查室');
    expect(tasks.map((t) => [t.seq, t.standard, t.leaders, t.units])).toEqual([
      ['1．', '地區生產總值增長5%左右。', ['黃國華'], ['區發改局', '區統計局', '區財政局']],
      ['2．', '新增市場主體3000戶以上。', ['黃國華'], ['區市場監管局']],
    ]);
    expect(tasks[1]?.indicators[0]).toMatchObject({ name: '新增市場主體', value: 3000, unit: '户', qualifier: '以上' });
  });
});

describe('table variants (CRLF, full-width numbers, wrapped rows, traditional header)', () => {
  const n = parseNoticeText(fixture('table-variants.txt'));
  const annex = n.annexes[0];
  const tasks = annex?.tasks ?? [];

  it('finds the annex by its listed title and marker', () => {
    expect(n.annexes.map((a) => [a.no, a.kind, a.layout, a.tasks.length])).toEqual([[1, 'district-gwr', 'table', 4]]);
    expect(annex?.categories.map((c) => [c.no, c.name])).toEqual([
      [1, '经济发展'],
      [2, '民生保障'],
    ]);
  });

  it('reads full-width sequence numbers and joins a row without a number to the task above', () => {
    expect(tasks.map((t) => [t.seq, t.seqNo, t.category?.no])).toEqual([
      ['（1）', 1, 1],
      ['（2）', 2, 1],
      ['（3）', 3, 2],
      ['（5）', 5, 2],
    ]);
    expect(tasks[1]).toMatchObject({
      standard: '新增市场主体3000户以上，培育“小进规”企业20家。',
      leaders: ['王建国', '刘晓梅'],
      units: ['区市场监管局', '区科经局'],
      deadline: '2025年6月底',
      dueDate: '2025-06-30',
    });
    expect(tasks[1]?.anomalies).toEqual(['line 18: row without a number read as the continuation of （2）']);
    expect(tasks[3]?.anomalies).toEqual(['printed numbering jumps from （3） to （5） (1 number(s) missing)']);
  });

  it('keeps a full-width parenthesised note with its unit', () => {
    expect(tasks[2]?.unitRefs).toEqual([
      { name: '区教育局', printed: '区教育局 （区语委办）', note: '区语委办', role: 'lead' },
    ]);
    expect(tasks[3]?.indicators.map((i) => [i.name, i.value, i.unit])).toEqual([['建成社区食堂', 10, '个']]);
  });
});

describe('parseNoticeRows (rows from a docx/xlsx reader)', () => {
  it('parses table rows given directly as cells', () => {
    const rows: NoticeRow[] = [
      { line: 1, cells: ['北湖区人民政府办公室关于做好2025年重点任务分解的通知'] },
      { line: 2, cells: ['北政办〔2025〕2号'] },
      { line: 3, cells: ['序号', '工作任务', '完成时限', '责任领导', '牵头单位', '配合单位'] },
      { line: 4, cells: ['1', '新增学位2400个。', '6月', '张三', '区教育局', '区财政局、区住建局'] },
      { line: 5, cells: ['2', '建成口袋公园5个。', '12月', '李四', '区园林局', ''] },
    ];
    const n = parseNoticeRows(rows);
    expect(n.document.docNumber).toBe('北政办〔2025〕2号');
    const tasks = n.annexes[0]?.tasks ?? [];
    expect(tasks.map((t) => [t.seq, t.standard, t.deadline, t.dueDate, t.leaders, t.units])).toEqual([
      ['1', '新增学位2400个。', '6月', '2025-06-30', ['张三'], ['区教育局', '区财政局', '区住建局']],
      ['2', '建成口袋公园5个。', '12月', '2025-12-31', ['李四'], ['区园林局']],
    ]);
    expect(tasks[0]?.unitRefs.map((u) => u.role)).toEqual(['lead', 'co', 'co']);
  });

  it('reads 责任单位 as co-operating units when a 牵头单位 column exists', () => {
    const n = parseNoticeRows([
      { line: 1, cells: ['序号', '工作任务', '牵头单位', '责任单位'] },
      { line: 2, cells: ['1', '建成口袋公园5个。', '区园林局', '区财政局 区城管局'] },
    ]);
    expect(n.annexes[0]?.tasks[0]?.unitRefs.map((u) => [u.name, u.role])).toEqual([
      ['区园林局', 'lead'],
      ['区财政局', 'co'],
      ['区城管局', 'co'],
    ]);
  });
});
