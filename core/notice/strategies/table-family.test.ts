// The table family of layouts (issue 16): tab tables with merged cells and letter-spaced headers,
// pipe tables, tables flattened to one cell per line, indicator tables — the tricky cases in focus,
// and the bound that keeps every reading linear.

import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../index';
import { columnRole, readHeader, textToRows } from '../rows';
import { parseTable } from '../table';
import { cellTableStrategy, placeLines, rebuildCellTable } from './cell-table';
import { indicatorSentence, indicatorTableStrategy } from './indicator-table';
import { pipeRows, pipeTableStrategy, splitPipeRow } from './pipe-table';
import type { NoticeRow } from '../types';
import type { SegmentInfo } from './types';

const SEGMENT: SegmentInfo = { kind: 'other', title: '' };
const rows = (text: string) => textToRows(text);
const tab = (...cells: string[]) => cells.join('\t');

describe('header roles', () => {
  it('reads letter-spaced and traditional header words on the squashed cell', () => {
    expect(
      ['序  号', '序　号', '牵 头 单 位', '配 合 单 位', '完 成 时 限', '序號', '協辦單位', '完成期限'].map(columnRole),
    ).toEqual(['seq', 'seq', 'leadUnits', 'coUnits', 'deadline', 'seq', 'coUnits', 'deadline']);
  });

  it('tells the leaders, lead, co-unit and deadline columns of the usual variants apart', () => {
    expect(columnRole('牵头负责领导')).toBe('leaders');
    expect(columnRole('牵头领导')).toBe('leaders');
    expect(columnRole('牵头负责单位')).toBe('leadUnits');
    expect(columnRole('协同责任单位')).toBe('coUnits');
    expect(columnRole('时间节点')).toBe('deadline');
    expect(columnRole('主辦機關')).toBe('leadUnits');
  });

  it('reads a bare 单位 (a measure) and investment or note columns as no one responsible', () => {
    expect(columnRole('单位')).toBe('other');
    expect(columnRole('计量单位')).toBe('other');
    expect(columnRole('年度投资（万元）')).toBe('other');
    expect(columnRole('备注')).toBe('other');
    expect(columnRole('责任单位')).toBe('units');
  });

  it('takes a project column as the task when the table has no other task column', () => {
    const h = readHeader({ line: 1, cells: ['序号', '重点项目', '牵头单位', '完成时限'] });
    expect(h?.roles).toEqual(['seq', 'standard', 'leadUnits', 'deadline']);
    const both = readHeader({ line: 1, cells: ['序号', '实事项目', '目标任务', '牵头单位'] });
    expect(both?.roles).toEqual(['seq', 'category', 'standard', 'leadUnits']);
  });
});

describe('merged cells in tab tables', () => {
  const head = tab('序号', '类别', '工作任务', '责任领导', '牵头单位', '配合单位', '完成时限');

  it('reads an empty unit, leader and deadline block as the cell above spanning, without doubt', () => {
    const t = parseTable(
      rows(
        [
          head,
          tab('1', '一、产业', '新增规上企业20家。', '王明', '区经信局', '区统计局', '12月底前'),
          tab('2', '', '新建标准厂房5万平方米。', '', '', '', ''),
        ].join('\n'),
      ),
    );
    const second = t.tasks[1];
    expect(second?.seq).toBe('2');
    expect(second?.categoryPrinted).toBe('产业');
    expect(second?.categoryNo).toBe(1);
    expect([second?.leadersRaw, second?.leadUnitsRaw, second?.coUnitsRaw, second?.deadline]).toEqual([
      '王明',
      '区经信局',
      '区统计局',
      '12月底前',
    ]);
    expect(second?.uncertain).toBe(false);
    expect(second?.repairs.some((r) => r.rule.startsWith('merged-cell'))).toBe(true);
  });

  it('keeps an empty co-unit cell empty when the row prints its own lead unit', () => {
    const t = parseTable(
      rows(
        [
          head,
          tab('1', '产业', '任务一。', '王明', '区经信局', '区统计局', '12月底前'),
          tab('2', '', '任务二。', '王明', '区商务局', '', '9月底前'),
        ].join('\n'),
      ),
    );
    expect(t.tasks[1]?.coUnitsRaw).toBe('');
    expect(t.tasks[1]?.leadUnitsRaw).toBe('区商务局');
  });

  it('marks a span that crosses a category, or a lead left empty beside a printed co-unit, for confirmation', () => {
    const t = parseTable(
      rows(
        [
          head,
          tab('1', '产业', '任务一。', '王明', '区经信局', '区统计局', '12月底前'),
          tab('2', '民生', '任务二。', '', '', '', ''),
          tab('3', '', '任务三。', '李红', '', '区财政局', '6月底前'),
        ].join('\n'),
      ),
    );
    const [, crossing, partial] = t.tasks;
    expect(crossing?.leadUnitsRaw).toBe('区经信局');
    expect(crossing?.uncertain).toBe(true);
    expect(crossing?.uncertainFields).toEqual(expect.arrayContaining(['units', 'leaders', 'deadline']));
    expect(partial?.leadUnitsRaw).toBe('区经信局');
    expect(partial?.coUnitsRaw).toBe('区财政局');
    expect(partial?.uncertain).toBe(true);
    expect(partial?.uncertainFields).toEqual(['units']);
  });

  it('completes a header printed over two rows (责任单位 merged over 牵头单位 | 配合单位), page-break repeats included', () => {
    const head1 = tab('序号', '工作任务', '责任单位', '', '完成时限');
    const head2 = tab('', '', '牵头单位', '配合单位', '');
    const t = parseTable(
      rows(
        [
          head1,
          head2,
          tab('1', '任务一。', '区发改局', '区财政局', '6月底前'),
          head1,
          head2,
          tab('2', '任务二。', '区商务局', '', '9月底前'),
        ].join('\n'),
      ),
    );
    expect(t.anomalies).toEqual([]);
    expect(t.headerLines).toEqual([1, 2, 4, 5]);
    expect(t.tasks.map((x) => [x.seq, x.leadUnitsRaw, x.coUnitsRaw, x.deadline])).toEqual([
      ['1', '区发改局', '区财政局', '6月底前'],
      ['2', '区商务局', '', '9月底前'],
    ]);
  });

  it('still numbers categories from 序号 when the task number is printed in the task cell (annex-1 style)', () => {
    const t = parseTable(
      rows(
        [
          tab('序号', '目标名称', '工作标准', '分管区领导', '责任单位'),
          tab('3', '城市建设', '（7）建成公园2个。', '张三', '区园林局'),
          tab('', '', '（8）新增绿地10公顷。', '张三', '区园林局'),
        ].join('\n'),
      ),
    );
    expect(t.tasks.map((x) => [x.seq, x.categoryNo, x.categoryPrinted])).toEqual([
      ['（7）', 3, '城市建设'],
      ['（8）', 3, '城市建设'],
    ]);
  });
});

describe('pipe tables', () => {
  it('splits rows with and without outer pipes, full-width pipes too', () => {
    expect(splitPipeRow('| 1 | 任务 | 市财政局 |')).toEqual(['1', '任务', '市财政局']);
    expect(splitPipeRow('1 | 任务 | 市财政局')).toEqual(['1', '任务', '市财政局']);
    expect(splitPipeRow('｜1｜任务｜市财政局｜')).toEqual(['1', '任务', '市财政局']);
    expect(splitPipeRow('只有一个 | 竖线')).toBeNull();
    // Without outer pipes, a leading pipe is an empty first cell (a continuation row).
    expect(splitPipeRow('| 续写的文字 |  | ', false)).toEqual(['', '续写的文字', '', '']);
  });

  it('drops separator lines (|---|, :--:, full-width dashes) and keeps them explained', () => {
    const r = pipeRows(
      rows(
        [
          '| 序号 | 工作任务 | 牵头单位 |',
          '|:---:|------|---|',
          '｜－－｜－－－｜－－｜',
          '| 1 | 任务 | 市财政局 |',
        ].join('\n'),
      ),
    );
    expect(r.separators).toEqual([2, 3]);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['序号', '工作任务', '牵头单位'],
      ['1', '任务', '市财政局'],
    ]);
  });

  it('reads a pipe table without outer pipes, a wrapped cell continuing the task', () => {
    const text = [
      '序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限',
      '---|---|---|---|---',
      '1 | 设立转贷资金2亿元， | 市财政局 | 市金融办 | 9月底前',
      '  | 降低企业续贷成本。 |  |  | ',
      '2 | 推动个转企500户。 | 市市场监管局 |  | 12月底前',
      '',
      '以上任务请于年底前报送完成情况。',
    ].join('\n');
    const r = pipeTableStrategy(rows(text), SEGMENT);
    expect(r?.layout).toBe('pipe-table');
    expect(r?.tasks.map((t) => [t.seq, t.standard, t.leadUnitsRaw, t.coUnitsRaw, t.deadline])).toEqual([
      ['1', '设立转贷资金2亿元，降低企业续贷成本。', '市财政局', '市金融办', '9月底前'],
      ['2', '推动个转企500户。', '市市场监管局', '', '12月底前'],
    ]);
    // The note after the table is not part of the last task: it shows as unread text.
    expect(r?.tasks[1]?.endLine).toBe(5);
  });

  it('does not read a tab table as a pipe table', () => {
    expect(
      pipeTableStrategy(rows([tab('序号', '工作任务', '牵头单位'), tab('1', '任务', '市财政局')].join('\n')), SEGMENT),
    ).toBeNull();
  });
});

describe('tables flattened to one cell per line', () => {
  const header = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];

  it('rebuilds rows from the header column count, wrapped task text and wrapped unit names included', () => {
    const text = [
      ...header,
      '1',
      '实施数字产业集群培育行动，集成电',
      '路产业规模突破600亿元。',
      '市工信局',
      '市发改委',
      '市商务局',
      '12月底前',
      '2',
      '新建5G基站2000个。',
      '市通信管理办',
      '市住房和',
      '城乡建设局',
      '11月底前',
      '3',
      '开放公共数据集120个。',
      '市数据局',
      '9月底前',
    ].join('\n');
    const r = cellTableStrategy(rows(text), SEGMENT);
    expect(r?.layout).toBe('cell-table');
    expect(r?.tasks.map((t) => [t.seq, t.standard, t.leadUnitsRaw, t.coUnitsRaw, t.deadline])).toEqual([
      ['1', '实施数字产业集群培育行动，集成电路产业规模突破600亿元。', '市工信局', '市发改委 市商务局', '12月底前'],
      ['2', '新建5G基站2000个。', '市通信管理办', '市住房和 城乡建设局', '11月底前'],
      // An empty co-unit cell prints no line at all: the deadline still finds its column.
      ['3', '开放公共数据集120个。', '市数据局', '', '9月底前'],
    ]);
    expect(r?.tasks.map((t) => t.endLine)).toEqual([12, 18, 22]);
    // Where the lead ends among three unit lines is a guess: asked for.
    expect(r?.tasks[0]?.uncertainFields).toEqual(['units']);
    expect(r?.tasks[2]?.uncertain).toBe(false);
  });

  it('skips a repeated header and a page number, stops at 抄送, and leaves text after the last row unread', () => {
    const text = [
      ...header,
      '1',
      '建设城市运行管理服务平台。',
      '市城管局',
      '市数据局',
      '10月底前',
      '- 2 -',
      ...header,
      '2',
      '培育工业互联网平台5个。',
      '市工信局',
      '12月底前',
      '以上任务纳入年度绩效考核，请各单位按季度报送进展。',
      '抄送：市委办公室。',
    ].join('\n');
    const rebuilt = rebuildCellTable(rows(text));
    expect(rebuilt?.rows.map((r) => r.cells)).toEqual([
      header,
      ['1', '建设城市运行管理服务平台。', '市城管局', '市数据局', '10月底前'],
      ['2', '培育工业互联网平台5个。', '市工信局', '', '12月底前'],
    ]);
    expect(rebuilt?.explained).toEqual(expect.arrayContaining([11, 12, 13, 14, 15, 16]));
    const notice = parseNoticeText(text);
    expect(notice.annexes[0]?.layout).toBe('cell-table');
    expect(notice.unread?.map((u) => u.text)).toContain('以上任务纳入年度绩效考核，请各单位按季度报送进展。');
  });

  it('does not start a row at a number that is a value in an indicator column', () => {
    const text = [
      '序号',
      '指标名称',
      '目标值',
      '责任单位',
      '1',
      '新增规上企业',
      '2',
      '区经信局',
      '2',
      '新增市场主体',
      '3000',
      '区市场监管局',
    ].join('\n');
    const rebuilt = rebuildCellTable(rows(text));
    expect(rebuilt?.rows.slice(1).map((r) => r.cells)).toEqual([
      ['1', '新增规上企业', '2', '区经信局'],
      ['2', '新增市场主体', '3000', '区市场监管局'],
    ]);
  });

  it('places lines by how they fit their columns', () => {
    const roles = ['standard', 'leadUnits', 'coUnits', 'deadline'] as const;
    expect(placeLines(['任务文字很长的一句话。', '区发改局', '6月底前'], [...roles], false).cells).toEqual([
      ['任务文字很长的一句话。'],
      ['区发改局'],
      [],
      ['6月底前'],
    ]);
    const withTail = placeLines(
      ['任务文字很长的一句话。', '区发改局', '区财政局', '6月底前', '本通知自印发之日起施行，请各单位认真遵照执行。'],
      [...roles],
      true,
    );
    expect(withTail.cells).toEqual([['任务文字很长的一句话。'], ['区发改局'], ['区财政局'], ['6月底前']]);
    expect(withTail.tail).toBe(1);
  });
});

describe('indicator tables', () => {
  it('writes the indicator as a sentence the indicator extraction reads', () => {
    expect(indicatorSentence('地区生产总值增速', '%', '6左右')).toBe('地区生产总值增速6%左右');
    expect(indicatorSentence('城镇调查失业率', '%', '控制在5.5以内')).toBe('城镇调查失业率控制在5.5%以内');
    expect(indicatorSentence('空气质量优良天数比率', '%', '≥88')).toBe('空气质量优良天数比率不低于88%');
    expect(indicatorSentence('粮食总产量', '万吨', '18.6万吨以上')).toBe('粮食总产量18.6万吨以上');
    expect(indicatorSentence('居民收入增速', '%', '与经济增长同步')).toBe('居民收入增速与经济增长同步');
    expect(indicatorSentence('能耗降低', '—', '完成省下达任务')).toBe('能耗降低完成省下达任务');
  });

  it('reads an indicator table as tasks with their indicators, and outscores the plain table reading', () => {
    const text = [
      '附件',
      '2024年主要预期指标责任分解表',
      tab('序号', '指标名称', '单位', '目标值', '责任单位', '备注'),
      tab('1', '地区生产总值增速', '%', '6左右', '区发改局', '预期性'),
      tab('2', '城镇新增就业', '万人', '1.1', '区人社局', ''),
    ].join('\n');
    const r = indicatorTableStrategy(rows(text), SEGMENT);
    expect(r?.tasks.map((t) => [t.seq, t.standard, t.leadUnitsRaw])).toEqual([
      ['1', '地区生产总值增速6%左右', '区发改局'],
      ['2', '城镇新增就业1.1万人', '区人社局'],
    ]);
    const notice = parseNoticeText(text);
    const annex = notice.annexes[0];
    expect(annex?.layout).toBe('indicator-table');
    expect(annex?.tasks[0]?.indicators.map((i) => [i.name, i.value, i.unit, i.qualifier])).toEqual([
      ['地区生产总值增速', 6, '%', '左右'],
    ]);
    expect(annex?.tasks[1]?.units).toEqual(['区人社局']);
  });

  it('is no indicator table without a name and a target column', () => {
    expect(indicatorTableStrategy(rows(tab('序号', '工作任务', '单位', '责任单位')), SEGMENT)).toBeNull();
  });
});

describe('linear time', () => {
  // Wall-clock bounds are loose (the machine is shared); linearity is asserted as a ratio: ten times
  // the lines must cost about ten times as much (a quadratic reading would cost a hundred times).
  const timed = (f: () => unknown): number => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const flattened = (count: number): NoticeRow[] => {
    const lines: string[] = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];
    for (let i = 1; lines.length < count; i++)
      lines.push(String(i), `推进第${i}项重点工作，`, '年底前完成。', '区发改局', '区财政局', '12月底前');
    return rows(lines.join('\n'));
  };

  it('reads a flattened table of 100,000 lines in linear time', () => {
    const small = flattened(10_000);
    const large = flattened(100_000);
    cellTableStrategy(small, SEGMENT);
    const tSmall = Math.max(
      timed(() => cellTableStrategy(small, SEGMENT)),
      1,
    );
    let read: ReturnType<typeof cellTableStrategy> = null;
    const tLarge = timed(() => (read = cellTableStrategy(large, SEGMENT)));
    expect(read!.tasks.length).toBe(16_666);
    expect(read!.tasks[16_665]?.seq).toBe('16666');
    expect(tLarge / tSmall).toBeLessThan(30);
    expect(tLarge).toBeLessThan(3000);
  });

  it('reads 100,000 lines with no row numbers after a header (one hostile row) in linear time', () => {
    const lines = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限', '1'];
    for (let i = 0; lines.length < 100_000; i++)
      lines.push(i % 2 === 0 ? '区发改局' : '的的的的的的的的的的的的的的的的的的的的的');
    const input = rows(lines.join('\n'));
    expect(timed(() => cellTableStrategy(input, SEGMENT))).toBeLessThan(3000);
  });

  it('reads 100,000 pipe rows and a 50,000-dash separator-like line in linear time', () => {
    const piped = (count: number): NoticeRow[] => {
      const input: NoticeRow[] = [
        { line: 1, cells: ['| 序号 | 工作任务 | 牵头单位 | 完成时限 |'] },
        { line: 2, cells: [`|${'-'.repeat(count / 2)}x|`] },
      ];
      for (let i = 1; input.length < count; i++)
        input.push({ line: i + 2, cells: [`| ${i} | 推进第${i}项工作。 | 区发改局 | 12月底前 |`] });
      return input;
    };
    const readBoth = (input: NoticeRow[]) => {
      const read = pipeTableStrategy(input, SEGMENT);
      expect(indicatorTableStrategy(input, SEGMENT)).toBeNull();
      return read;
    };
    const small = piped(10_000);
    const large = piped(100_000);
    readBoth(small);
    const tSmall = Math.max(
      timed(() => readBoth(small)),
      1,
    );
    let read: ReturnType<typeof pipeTableStrategy> = null;
    const tLarge = timed(() => (read = readBoth(large)));
    expect(read!.tasks.length).toBe(99_998);
    expect(tLarge / tSmall).toBeLessThan(30);
    expect(tLarge).toBeLessThan(15_000);
  });
});
