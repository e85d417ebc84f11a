import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractIndicators, parseNoticeText } from './index';

const brief = (text: string): [string, number, string, string | null][] =>
  extractIndicators(text).map((i) => [i.name, i.value, i.unit, i.qualifier]);

describe('extractIndicators', () => {
  it('reads the examples of the brief', () => {
    expect(brief('新改扩建中学、幼儿园4所,新增学位2400个。')).toEqual([
      ['新改扩建中学、幼儿园', 4, '所', null],
      ['新增学位', 2400, '个', null],
    ]);
    expect(brief('地区生产总值增长 6%左右。')).toEqual([['地区生产总值增长', 6, '%', '左右']]);
    expect(brief('力争 5 个项目建成投产，完成产业项目投资 60 亿元以上。')[1]).toEqual([
      '完成产业项目投资',
      60,
      '亿元',
      '以上',
    ]);
    expect(brief('配套充电桩基础设施比例不低于 20% ，新建停车位 3000 个、充电桩 4000 个。')).toEqual([
      ['配套充电桩基础设施比例', 20, '%', '不低于'],
      ['新建停车位', 3000, '个', null],
      ['充电桩', 4000, '个', null],
    ]);
  });

  it('counts Chinese numerals', () => {
    expect(brief('拟建设“基层心脑血管疾病防治站”四家。')).toEqual([['拟建设“基层心脑血管疾病防治站”', 4, '家', null]]);
    expect(brief('新建幼儿园三所，新增学位九百个。')).toEqual([
      ['新建幼儿园', 3, '所', null],
      ['新增学位', 900, '个', null],
    ]);
  });

  it('ignores years, dates, codes, list numbers, versions and quoted names', () => {
    expect(brief('加快G347举水河大桥、S118刘大路改扩建。')).toEqual([]);
    expect(brief('制定《新洲区2024年农业主推技术指南》，结合3·15消费者权益保护日。')).toEqual([]);
    expect(brief('全面落实优化营商环境“47条”，深入推进“323”攻坚行动。')).toEqual([]);
    expect(brief('启动建设汪集4.0版绿色建筑产业园。')).toEqual([]);
    expect(brief('把2024年重大民生实事项目一件件抓落实；圆满完成第五次全国经济普查。')).toEqual([]);
    expect(brief('着力构建522现代产业体系，瞄准三类500强、两类100强企业。')).toEqual([]);
    expect(brief('1.新增城镇职工基本养老保险参保3400人；2.2024年老旧小区改造市级目标开工6个。')).toEqual([
      ['新增城镇职工基本养老保险参保', 3400, '人', null],
      ['2024年老旧小区改造市级目标开工', 6, '个', null],
    ]);
  });

  it('keeps multipliers in the unit and decimals in the value', () => {
    expect(brief('提质改造高标准农田 2.3 万亩。')).toEqual([['提质改造高标准农田', 2.3, '万亩', null]]);
    expect(brief('粮食产量稳定在4.6亿斤（非托管区4.07亿斤）')).toEqual([
      ['粮食产量', 4.6, '亿斤', null],
      ['粮食产量（非托管区）', 4.07, '亿斤', null],
    ]);
  });

  it('shares the name across a list of values and reads the counted noun after the measure word', () => {
    expect(brief('农膜包装废弃物回收处置率分别达到90%、84%。')).toEqual([
      ['农膜包装废弃物回收处置率', 90, '%', null],
      ['农膜包装废弃物回收处置率', 84, '%', null],
    ]);
    expect(brief('完成61个行政村生活污水治理。')).toEqual([['完成行政村生活污水治理', 61, '个', null]]);
    expect(brief('新建100个5G基站')).toEqual([['新建5G基站', 100, '个', null]]);
  });

  // Lines of the demo notice (data/demo/xinzhou-2024-notice.txt, 附件3 item 8): names reached clerks as
  // "即新增公共停车位" and "考核目标" (shown on the report form as "考核目标（目标 3000个）").
  it('drops a leading 即 and gives a bare 考核目标 the subject its sibling named', () => {
    const line =
      '2.根据《武汉市停车场及新能源汽车配套设施建设工作指挥部2024年工作要点》下发的相关任务要求，新洲区停车位必达目标为2500个，考核目标为3000个，公共停车位占比不低于必达目标的30%，即新增公共停车位750个；';
    expect(brief(line)).toEqual([
      ['新洲区停车位必达目标', 2500, '个', null],
      ['新洲区停车位考核目标', 3000, '个', null],
      ['公共停车位占比', 30, '%', '不低于'],
      ['新增公共停车位', 750, '个', null],
    ]);
    expect(brief('1.充电桩建设目标任务（必达目标）1500个；其中，公共充电桩（必达目标）1025个；专用充电桩（必达目标）345个；')).toEqual([
      ['充电桩建设目标任务（必达目标）', 1500, '个', null],
      ['公共充电桩（必达目标）', 1025, '个', null],
      ['专用充电桩（必达目标）', 345, '个', null],
    ]);
    expect(brief('4.新改扩建公办幼儿园4所，其中秋季开园3所，新增公办学位450个。')).toEqual([
      ['新改扩建公办幼儿园', 4, '所', null],
      ['秋季开园', 3, '所', null],
      ['新增公办学位', 450, '个', null],
    ]);
  });

  it('keeps 即 where it starts a word, and a bare 目标 with no sibling to borrow from', () => {
    expect(brief('即时办结率达到95%。')).toEqual([['即时办结率', 95, '%', null]]);
    expect(brief('考核目标为3000个。')).toEqual([['考核目标', 3000, '个', null]]);
    // A sibling in another sentence names another subject: nothing is borrowed across 。 or ；.
    expect(brief('新建停车位必达目标为2500个；考核目标为3000个。')[1]).toEqual(['考核目标', 3000, '个', null]);
  });

  it('keeps ranges that name a class of project out of the values', () => {
    expect(brief('新开工亿元以上项目15个，其中10—50亿元项目2个')).toEqual([
      ['新开工亿元以上项目', 15, '个', null],
      ['10—50亿元项目', 2, '个', null],
    ]);
  });
});

describe('indicators on the seed', () => {
  const notice = parseNoticeText(
    readFileSync(new URL('../../data/demo/xinzhou-2024-notice.txt', import.meta.url), 'utf8'),
  );
  const find = (annexNo: number, seq: string): [string, number, string, string | null][] =>
    (notice.annexes[annexNo - 1]?.tasks.find((t) => t.seq === seq)?.indicators ?? []).map((i) => [
      i.name,
      i.value,
      i.unit,
      i.qualifier,
    ]);

  it('extracts the targets of annex 1', () => {
    expect(find(1, '(1)')).toEqual([['地区生产总值增长', 6, '%', '左右']]);
    expect(find(1, '(44)')).toEqual([
      ['净增高新技术企业', 8, '家', '以上'],
      ['入库科技型中小企业', 60, '家', '以上'],
      ['完成技术合同成交额', 15, '亿元', '以上'],
    ]);
    expect(find(1, '(183)')[1]).toEqual(['新增学位', 2400, '个', null]);
    expect(find(1, '(31)')).toEqual([]);
    expect(find(1, '(3)')).toEqual([]);
  });

  it('names the parking targets of 附件3 item 8 as the office would', () => {
    expect(find(3, '8').slice(3, 7)).toEqual([
      ['新洲区停车位必达目标', 2500, '个', null],
      ['新洲区停车位考核目标', 3000, '个', null],
      ['公共停车位占比', 30, '%', '不低于'],
      ['新增公共停车位', 750, '个', null],
    ]);
  });

  it('extracts targets from annexes 2–5', () => {
    expect(find(2, '20')).toEqual([['拟建设“基层心脑血管疾病防治站”', 4, '家', null]]);
    expect(find(4, '3')).toEqual([['启动建设国家储备林', 4, '万亩', null]]);
    expect(find(5, '1')).toEqual([
      ['建成“村增万树”示范村', 3, '个', null],
      ['标准村', 26, '个', null],
    ]);
  });

  it('finds indicators in a fair share of tasks', () => {
    const count = notice.annexes.flatMap((a) => a.tasks).filter((t) => t.indicators.length > 0).length;
    expect(count).toBeGreaterThan(60);
  });
});
