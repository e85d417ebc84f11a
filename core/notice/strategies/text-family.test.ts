// Notices without a letterhead and the text layouts read by the 'headings' and 'key-value'
// strategies: what is read, which document facts come from a web page, what the office is asked
// for (missingFacts) and what is listed as read as no task (unread) — furniture never, body text always.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanNoticeRows } from '../clean';
import { parseNoticeText } from '../index';
import { textToRows } from '../rows';
import type { ParsedNotice } from '../types';
import { headingsStrategy } from './headings';
import { keyValueStrategy } from './key-value';

const corpus = (name: string): string => readFileSync(new URL(`../fixtures/corpus/${name}.txt`, import.meta.url), 'utf8');
const unreadTexts = (n: ParsedNotice): string[] => (n.unread ?? []).map((u) => u.text);
const segment = { kind: 'other' as const, title: '' };

describe('a government web page (no letterhead, furniture around the notice)', () => {
  const hubei = parseNoticeText(corpus('web-page--hubei-disclosure'));
  const city = parseNoticeText(corpus('web-page--city-news-page'));

  it('reads a disclosure page: 发文字号 and 发文机关 are facts, 成文日期 wins over 发布日期', () => {
    expect(hubei.document).toMatchObject({
      docNumber: '鄂政办发〔2024〕5号',
      title: '省人民政府办公厅关于印发2024年省政府工作报告重点任务分工方案的通知',
      issuer: '湖北省人民政府办公厅',
      issuedDate: '2024-02-20',
      year: 2024,
    });
    expect(hubei.missingFacts).toEqual([]);
  });

  it('reads a news page: the page title, and 发布时间 as the date only because nothing else dates it', () => {
    expect(city.document).toMatchObject({ docNumber: null, title: '2024年宜川市城市更新重点任务分解', issuer: null, issuedDate: '2024-03-05' });
    expect(city.missingFacts).toEqual(['docNumber', 'issuer']);
    expect(city.annexes[0]?.tasks.map((t) => t.unitRefs.find((u) => u.role === 'lead')?.name)).toEqual([
      '市住建局',
      '市城管委',
      '市交通运输局',
      '市园林局',
    ]);
  });

  it('takes the 成文日期 field when the page has no signature, and 发布时间 never over it', () => {
    const n = parseNoticeText(
      [
        '发布时间：2024-05-09 08:00',
        '成文日期：2024年04月28日',
        '发布机构：江城市人民政府办公室',
        '1.新建公园5个。',
        '牵头单位：市园林局',
        '2.改造道路10条。',
        '牵头单位：市交通局',
      ].join('\n'),
    );
    expect(n.document).toMatchObject({ issuedDate: '2024-04-28', issuer: '江城市人民政府办公室', year: 2024 });
  });

  it('lists body text as unread and never the furniture it dropped', () => {
    const all = [...unreadTexts(hubei), ...unreadTexts(city)].join('\n');
    for (const furniture of ['首页', '字体', '打印', '关闭', '扫一扫', 'ICP', '网站标识码', '浏览次数', '来源', '分享到', '上一篇', '版权所有']) {
      expect(all).not.toContain(furniture);
    }
    expect(unreadTexts(hubei)).toContain('各地各部门要加强组织领导，细化工作措施，确保各项任务落到实处。');
    expect(unreadTexts(city)).toEqual([
      '发布时间：2024-03-05 10:21',
      '为加快推进城市更新行动，现将今年重点任务分解如下，请各责任单位抓好落实。',
      '各责任单位每月25日前将进展情况报送市城市更新专班办公室。',
    ]);
  });
});

describe('the body of a Word file (no letterhead, no annex)', () => {
  it('is read, not refused; the facts it lacks are asked for', () => {
    const n = parseNoticeText(corpus('body-only--district-word-body'));
    expect(n.stats.tasks).toBe(5);
    expect(n.document).toMatchObject({ docNumber: null, title: null, issuer: '晋安区人民政府办公室', issuedDate: '2025-03-12' });
    expect(n.missingFacts).toEqual(['docNumber', 'title']);
    expect(unreadTexts(n)[0]).toBe('为认真落实区委经济工作会议部署，确保全年目标任务按期完成，现将2025年重点工作任务分解如下：');
  });

  it('takes a title line and its year when nothing else dates the notice', () => {
    const n = parseNoticeText(corpus('body-only--county-department-points'));
    expect(n.document).toMatchObject({ title: '县住房和城乡建设局2024年重点工作要点分工', year: 2024, issuedDate: null });
    expect(n.missingFacts).toEqual(['docNumber', 'issuer', 'issuedDate']);
    expect(n.annexes[0]?.layout).toBe('headings');
    // The closing instruction is body text, not a task's: it is listed for the office to see; the
    // title line was read (as the title), so it is not.
    expect(unreadTexts(n)).toEqual(['以上任务由局办公室统一调度，每月通报一次进度。']);
  });
});

describe('headings strategy', () => {
  it('reads the heading itself as the task, its roles and deadline taken out of the text', () => {
    const n = parseNoticeText(corpus('headings--city-renewal-three-levels'));
    const t = n.annexes[0]?.tasks ?? [];
    expect(n.annexes[0]?.layout).toBe('headings');
    expect(t.map((x) => [x.seq, x.category?.name, x.section])).toEqual([
      ['1.', '完善城市功能', '老旧片区更新'],
      ['2.', '完善城市功能', '老旧片区更新'],
      ['3.', '完善城市功能', '基础设施补短板'],
      ['4.', '完善城市功能', '基础设施补短板'],
      ['5.', '提升城市品质', '公园城市建设'],
      ['6.', '提升城市品质', '公园城市建设'],
    ]);
    expect(t[0]).toMatchObject({ standard: '启动城中村改造项目6个，完成征收面积45万平方米。', deadline: '2025年12月底前完成', dueDate: '2025-12-31' });
    expect(t[3]?.standard).toBe('建成地下综合管廊12公里。');
    // Roles on the line after the heading; the sentence after them is not the task's.
    expect(t[5]?.unitsPrinted).toEqual(['市文旅局', '市住建局', '市自然资源局']);
    expect(unreadTexts(n)).toEqual(['以上任务完成情况纳入年度绩效考核。']);
  });

  it('picks the task level by its roles: (一) under 一、, with ① points kept in the task', () => {
    const t = parseNoticeText(corpus('headings--province-circled')).annexes[0]?.tasks ?? [];
    expect(t.map((x) => [x.seq, x.category?.name, x.section])).toEqual([
      ['（一）', '就业和社会保障', null],
      ['（二）', '就业和社会保障', null],
      ['（三）', '教育和健康', null],
      ['（四）', '教育和健康', null],
    ]);
    expect(t[0]?.standard).toBe('城镇新增就业60万人以上①开展职业技能培训40万人次；②新建零工市场30个。');
  });

  it('reads ASCII levels 1. / 1.1 / 1) with 1.1 as the task', () => {
    const t = parseNoticeText(corpus('headings--ascii-decimal')).annexes[0]?.tasks ?? [];
    expect(t.map((x) => [x.seq, x.category?.no, x.category?.name])).toEqual([
      ['1.1', 1, '政务服务提质'],
      ['1.2', 1, '政务服务提质'],
      ['2.1', 2, '要素保障'],
      ['2.2', 2, '要素保障'],
    ]);
  });

  it('reads nothing from a table, nor from headings that carry no roles', () => {
    const table = textToRows('序号\t任务\t牵头单位\n1\t新建公园\t市园林局\n2\t改造道路\t市交通局');
    expect(headingsStrategy(table, segment)).toBeNull();
    const outline = textToRows('一、总体要求\n（一）指导思想\n（二）工作目标\n二、保障措施');
    expect(headingsStrategy(outline, segment)).toBeNull();
  });
});

describe('key-value strategy', () => {
  it('separates blocks by blank lines and joins a wrapped value', () => {
    const n = parseNoticeText(corpus('key-value--livelihood-blocks'));
    const t = n.annexes[0]?.tasks ?? [];
    expect(n.annexes[0]?.layout).toBe('key-value');
    expect(t.map((x) => x.seq)).toEqual(['1', '2', '3', '4']);
    expect(t[1]?.standard).toBe('社区助餐服务：新建社区老年食堂（助餐点）20个，为80岁以上老人提供助餐服务。');
    expect(t[3]?.unitRefs.map((u) => [u.name, u.role])).toEqual([
      ['区城管局', 'lead'],
      ['区自然资源局', 'co'],
    ]);
    // The contact line after the last block is no task's.
    expect(unreadTexts(n)).toEqual(['联系人：区政府办 王敏 85551234']);
  });

  it('starts a block when the first key comes again; 所属领域 is the category, 时间节点 the milestones', () => {
    const t = parseNoticeText(corpus('key-value--repeat-first-key')).annexes[0]?.tasks ?? [];
    expect(t.map((x) => [x.category?.no, x.category?.name, x.leaders])).toEqual([
      [1, '政务服务', ['陈建华']],
      [1, '政务服务', ['陈建华']],
      [2, '要素保障', ['刘芳']],
      [2, '要素保障', ['刘芳']],
    ]);
    expect(t[0]?.milestones).toEqual([
      { text: '3月底前完成系统对接', dueDate: '2024-03-31' },
      { text: '6月底前实现全流程网办', dueDate: '2024-06-30' },
    ]);
    expect(t[0]?.deadline).toBeNull();
  });

  it('needs two blocks with units: a lone 联系人：… line or one block is not this layout', () => {
    expect(keyValueStrategy(textToRows('任务名称：新建公园\n牵头单位：市园林局'), segment)).toBeNull();
    expect(keyValueStrategy(textToRows('联系人：王敏\n联系电话：85551234'), segment)).toBeNull();
  });
});

describe('pinyin, one-line notices and traditional text', () => {
  it('reads a reposted page with its pinyin removed', () => {
    const n = parseNoticeText(corpus('pinyin--reposted-headings'));
    expect(n.document.title).toBe('石泉区2024年城区治理重点任务清单');
    expect(n.annexes[0]?.tasks.map((t) => t.unitsPrinted[0])).toEqual(['区城管局', '区城管局', '区公安分局交警大队', '区交通运输局']);
  });

  it('reads a notice that lost its line breaks, with its facts', () => {
    const n = parseNoticeText(corpus('one-line--key-value-copied'));
    expect(n.document.title).toBe('关于2025年城区民生实事项目的分工');
    expect(n.annexes[0]?.tasks.map((t) => t.unitsPrinted)).toEqual([
      ['区住建局', '区燃气办', '区财政局'],
      ['区卫健局', '区教育局'],
      ['区发改局', '区城管局', '国网城区供电公司'],
      ['区城管局'],
    ]);
    const county = parseNoticeText(corpus('one-line--county-inline'));
    expect(county.document).toMatchObject({ issuer: '东阳县人民政府办公室', issuedDate: '2024-03-08' });
    expect(county.stats.tasks).toBe(5);
  });

  it('reads Taiwan wording (主辦機關/協辦機關/辦理期限, 民国 year) and keeps the printed characters', () => {
    const n = parseNoticeText(corpus('traditional-text--taiwan-style'));
    expect(n.document).toMatchObject({ title: '臺東縣政府113年度施政重點工作分工表', year: 2024 });
    const t = n.annexes[0]?.tasks ?? [];
    expect(t[1]).toMatchObject({ standard: '辦理觀光行銷活動12場，提升國內旅客人次10%。', deadline: '2024年10月底前' });
    expect(t[1]?.unitsPrinted).toEqual(['觀光發展處', '文化處', '交通及觀光發展處']);
    expect(t[0]?.category?.name).toBe('推動地方產業發展');
  });

  it('reads traditional headings with 牽頭/配合 clauses in the heading itself', () => {
    const rows = cleanNoticeRows(textToRows(corpus('traditional-text--hk-style-headings')));
    const reading = headingsStrategy(rows, segment);
    expect(reading?.tasks.map((t) => [t.seq, t.leadUnitsRaw, t.coUnitsRaw])).toEqual([
      ['（一）', '區發展改革局', '區統計局'],
      ['（二）', '區經濟和資訊化局', '各街道'],
      ['（三）', '區教育局', '區財政局、區住房和城鄉建設局'],
      ['（四）', '區城市管理局', ''],
      ['（五）', '區人力資源和社會保障局', ''],
    ]);
  });
});

describe('linear time on hostile input', () => {
  it('reads 30,000 short headings or key lines, and one long clause, within seconds (quadratic work would take minutes)', () => {
    const inputs = [
      Array.from({ length: 30_000 }, (_, i) => (i % 2 === 0 ? `（${'一'}）区住建局牵头` : '牵头单位：区财政局')).join('\n'),
      Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? '任务名称：改造' : '牵头单位：区住建局')).join('\n'),
      `1.${'区'.repeat(200_000)}牵头，${'（'.repeat(100_000)}${'【牵头单位：'.repeat(20_000)}`,
    ];
    for (const text of inputs) {
      const rows = textToRows(text);
      const started = performance.now();
      headingsStrategy(rows, segment);
      keyValueStrategy(rows, segment);
      expect(performance.now() - started).toBeLessThan(8000);
    }
  });
});
