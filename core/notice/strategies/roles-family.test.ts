// The layouts where roles are written in text (issue 16): labelled lines, roles in brackets or in
// words, State-Council style, groups under a leader or a unit, milestones, rule notes, generic endings.
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../index';
import { readLabels, splitTaskText, spacedText } from '../layouts';
import { milestoneDate, readMilestones, withMilestones } from '../milestones';
import { readRolePhrase, rolesToCells } from '../role-phrases';
import { separateGeneric, separateRoleNotes } from '../role-notes';
import { applyRuleNotes, readRuleNote } from '../rule-notes';
import { textToRows } from '../rows';
import { matchView } from '../text';
import { freeTextStrategy } from './free-text';
import { groupedStrategy, readGroupHeader } from './grouped';
import { labelledStrategy } from './existing';
import { rawTask } from './types';

const segment = { kind: 'other' as const, title: '' };
const cells = (text: string) => rolesToCells(readRolePhrase(text) ?? []);

describe('roles in words (role-phrases.ts)', () => {
  it('reads 牵头 / 配合 / 负责 and a deadline in one phrase', () => {
    expect(readRolePhrase('区财政局牵头，区发改局、区税务局配合，2025年6月底前完成')).toEqual([
      { role: 'lead', value: '区财政局' },
      { role: 'co', value: '区发改局、区税务局' },
      { role: 'deadline', value: '2025年6月底前完成' },
    ]);
    expect(cells('由市财政局牵头，市发改委、市税务局配合')).toEqual({ leadersRaw: '', leadUnitsRaw: '市财政局', coUnitsRaw: '市发改委、市税务局' });
    expect(cells('市交通局负责')).toEqual({ leadersRaw: '', leadUnitsRaw: '市交通局', coUnitsRaw: '' });
  });

  it('reads the State Council style: 按职责分工负责 units co-operate with a 牵头 unit, or are all the units', () => {
    expect(cells('工业和信息化部牵头，国家发展改革委等按职责分工负责')).toEqual({
      leadersRaw: '',
      leadUnitsRaw: '工业和信息化部',
      coUnitsRaw: '国家发展改革委等',
    });
    expect(cells('国家发展改革委、财政部按职责分工负责')).toEqual({ leadersRaw: '', leadUnitsRaw: '国家发展改革委、财政部', coUnitsRaw: '' });
  });

  it('is not fooled by sentences that are no roles', () => {
    expect(readRolePhrase('主要领导负责，分管领导具体抓')).toBeNull();
    expect(readRolePhrase('含改扩建')).toBeNull();
    expect(readRolePhrase('2025年6月底前完成')).toBeNull();
    expect(readRolePhrase('2025年6月底前完成', false)).toEqual([{ role: 'deadline', value: '2025年6月底前完成' }]);
  });
});

describe('labelled lines and brackets (layouts.ts)', () => {
  const labels = (line: string) => {
    const printed = spacedText(line);
    return readLabels(matchView(printed), printed).map((r) => [r.role, r.value]);
  };

  it('reads labels with full-width, ASCII or no colon, several on a line', () => {
    expect(labels('牵头单位 区发改局 配合单位 区财政局 区统计局 完成时限 9月底前')).toEqual([
      ['lead', '区发改局'],
      ['co', '区财政局 区统计局'],
      ['deadline', '9月底前'],
    ]);
    expect(labels('牵头负责领导：周立新　牵头责任单位：区发改局　协同责任单位：区统计局')).toEqual([
      ['leaders', '周立新'],
      ['lead', '区发改局'],
      ['co', '区统计局'],
    ]);
    expect(labels('责任领导:马文涛;主责单位:市科技局;参与单位:市财政局;时间节点:12月')).toEqual([
      ['leaders', '马文涛'],
      ['lead', '市科技局'],
      ['co', '市财政局'],
      ['deadline', '12月'],
    ]);
  });

  it('reads a label run into its value at the line start, and roles closing the task sentence in words', () => {
    const n = parseNoticeText(
      [
        '桂山区2025年重点任务分解',
        '1.推进城市更新。',
        '牵头单位区住建局',
        '完成时限12月',
        '2.开展安全生产专项整治，由区应急局牵头负责，区公安分局、区市场监管局等有关部门配合，年底前完成。',
      ].join('\n'),
    );
    expect(n.annexes[0]?.tasks.map((t) => [t.standard, t.units, t.deadline, t.notes])).toEqual([
      ['推进城市更新。', ['区住建局'], '12月', undefined],
      ['开展安全生产专项整治。', ['区应急局', '区公安分局', '区市场监管局'], '年底前完成', ['等有关部门']],
    ]);
    expect(n.annexes[0]?.layout).toBe('labelled');
  });

  it('takes trailing brackets of every kind off the task text, labelled or in words', () => {
    const a = splitTaskText('谋划储备专项债券项目40个以上。〔区发改局牵头，区财政局配合〕【完成时限：9月底前】');
    expect(a.text).toBe('谋划储备专项债券项目40个以上。');
    expect(a.roles.map((r) => [r.role, r.value])).toEqual([
      ['lead', '区发改局'],
      ['co', '区财政局'],
      ['deadline', '9月底前'],
    ]);
    expect(splitTaskText('新建社区服务设施10处[区民政局牵头,各街道配合]。').text).toBe('新建社区服务设施10处。');
    // A bracket that holds no roles is the task's own text.
    expect(splitTaskText('新建幼儿园3所（含改扩建）。')).toEqual({ text: '新建幼儿园3所（含改扩建）。', roles: [], inline: false, innerRoles: false });
    // Labels on the task's own line.
    expect(splitTaskText('实际使用外资增长5%。责任领导:何静 牵头单位:市商务局').roles.map((r) => r.value)).toEqual(['何静', '市商务局']);
  });

  it('stops at a role bracket followed by other text, and says when roles are left inside a task', () => {
    const a = splitTaskText('新建社区食堂12个。（牵头单位：县民政局；完成时限：2024年12月底前）请各责任单位按季度报送进展。');
    expect([a.text, a.roles.map((r) => r.value)]).toEqual(['新建社区食堂12个。', ['县民政局', '2024年12月底前']]);
    expect(splitTaskText('推进项目建设。（省发展改革委负责）扎实推进前期工作。（省自然资源厅负责）').innerRoles).toBe(true);
  });

  it('continues a 时间节点 or a unit list that wraps, never onto a signature date', () => {
    const n = parseNoticeText(
      [
        '1.新能源电池项目。',
        '牵头单位：区经信局、',
        '区发改局',
        '时间节点：5月底前摘牌；',
        '8月底前开工',
        '2.养老服务中心4个。',
        '牵头单位：区民政局',
        '完成时限：年内',
        '晋安区人民政府办公室',
        '2025年3月12日',
      ].join('\n'),
    );
    const [t1, t2] = n.annexes[0]?.tasks ?? [];
    expect([t1?.units, t1?.milestones?.map((m) => m.text), t1?.deadline]).toEqual([['区经信局', '区发改局'], ['5月底前摘牌', '8月底前开工'], '8月底前']);
    expect([t2?.deadline, t2?.milestones, t2?.endLine]).toEqual(['年内', undefined, 8]);
  });

  it('ends a task where its lines end, so text after the list is shown as unread', () => {
    const n = parseNoticeText(
      ['一、经济', '1.新增市场主体3000户。', '牵头单位：区市场监管局', '完成时限：12月', '请各单位于每季度末报送进展。'].join('\n'),
    );
    expect(n.annexes[0]?.tasks[0]).toMatchObject({ units: ['区市场监管局'], deadline: '12月', endLine: 4 });
    expect(n.unread).toEqual([{ line: 5, text: '请各单位于每季度末报送进展。' }]);
  });
});

describe('generic endings (role-notes.ts)', () => {
  it('keeps 等有关部门, 各有关单位 and lower governments named collectively as notes', () => {
    expect(separateGeneric('市公安局、市税务局等有关部门')).toEqual({ cell: '市公安局、市税务局', notes: ['等有关部门'] });
    expect(separateGeneric('财政部等')).toEqual({ cell: '财政部', notes: ['等'] });
    expect(separateGeneric('县财政局、各有关单位')).toEqual({ cell: '县财政局', notes: ['各有关单位'] });
    expect(separateGeneric('各县（市、区）政府')).toEqual({ cell: '', notes: ['各县（市、区）政府'] });
    expect(separateGeneric('市级各有关部门及各县市区政府')).toEqual({ cell: '', notes: ['市级各有关部门', '各县市区政府'] });
  });

  it('keeps streets and towns as units (the seed reads 各街道 as a co-unit)', () => {
    for (const cell of ['各街道', '各乡镇', '各街道（乡镇）', '区财政局 各镇（街道）', '区住房和 城乡建设局']) {
      expect(separateGeneric(cell)).toEqual({ cell, notes: [] });
    }
    const t = separateRoleNotes(rawTask(1, { leadUnitsRaw: '区发改局', coUnitsRaw: '区财政局、各街道等相关单位' }));
    expect([t.coUnitsRaw, t.notes]).toEqual(['区财政局、各街道', ['等相关单位']]);
  });
});

describe('milestones (milestones.ts)', () => {
  it('reads two or more dated steps, in order', () => {
    expect(readMilestones('3月底前完成立项；6月底前开工建设；12月底前主体完工')).toEqual([
      '3月底前完成立项',
      '6月底前开工建设',
      '12月底前主体完工',
    ]);
    expect(readMilestones('2024年底前完成改造')).toBeNull();
    expect(milestoneDate('二季度末完成设计招标')).toBe('二季度末');
  });

  it('takes the deadline from the last step only when no 完成时限 is printed', () => {
    const t = withMilestones(rawTask(1, { standard: '改扩建医院，二季度末完成设计，年底前完成主体工程。' }), []);
    expect([t.milestones, t.deadline]).toEqual([['二季度末完成设计', '年底前完成主体工程'], '年底前']);
    const u = withMilestones(rawTask(1, { standard: '电池材料项目。' }), ['5月底前摘牌；8月底前开工', '2026年6月底前']);
    expect([u.milestones, u.deadline]).toEqual([['5月底前摘牌', '8月底前开工'], '2026年6月底前']);
  });

  it('dates each step in the notice year', () => {
    const n = parseNoticeText('青石县2024年民生实事项目任务分解\n1.新建第三小学。（县教育局牵头；4月底前完成招标，12月底前投入使用）');
    expect(n.annexes[0]?.tasks[0]).toMatchObject({
      deadline: '12月底前',
      dueDate: '2024-12-31',
      milestones: [
        { text: '4月底前完成招标', dueDate: '2024-04-30' },
        { text: '12月底前投入使用', dueDate: '2024-12-31' },
      ],
    });
  });
});

describe('rule notes (rule-notes.ts)', () => {
  it('reads both wordings and their scope', () => {
    expect(readRuleNote(matchView('以下各项均由各街道（乡镇）配合，不再单独列出。'), 3, '以下各项均由各街道（乡镇）配合，不再单独列出。')).toEqual({
      scope: 'after',
      role: 'co',
      units: '各街道（乡镇）',
      line: 3,
    });
    expect(readRuleNote(matchView('以上任务，区财政局均为配合单位。'), 9)).toMatchObject({ scope: 'before', units: '区财政局' });
    expect(readRuleNote(matchView('以上任务请各单位认真落实。'), 9)).toBeNull();
  });

  it('covers the tasks of its heading when it sits right under one', () => {
    const tasks = [1, 2, 3].map((i) => rawTask(i, { leadUnitsRaw: '区发改局' }));
    applyRuleNotes(tasks, [1, 2, 2], [{ scope: 'after', role: 'co', units: '各街道', line: 5, at: 1, block: 2, headsBlock: true }]);
    expect(tasks.map((t) => t.coUnitsRaw)).toEqual(['', '各街道', '各街道']);
  });

  it('counts the note line as explained, not as unread text', () => {
    const n = parseNoticeText('以下各项均由各街道配合，不再单独列出。\n1.改造小区20个。\n牵头单位：区住建局\n2.新增泊位500个。\n牵头单位：区城管局');
    expect(n.annexes[0]?.tasks.map((t) => t.units)).toEqual([
      ['区住建局', '各街道'],
      ['区城管局', '各街道'],
    ]);
    expect(n.unread).toEqual([]);
  });
});

describe('free-text strategy', () => {
  it('splits a State-Council paragraph into one task per role bracket', () => {
    const r = freeTextStrategy(
      textToRows('一、扩大内需\n（一）稳定大宗消费。（商务部牵头，财政部等按职责分工负责）培育新型消费。（商务部、工业和信息化部按职责分工负责）'),
      segment,
    );
    expect(r?.tasks.map((t) => [t.seq, t.categoryPrinted, t.standard, t.leadUnitsRaw, t.coUnitsRaw])).toEqual([
      ['（一）-1', '扩大内需', '稳定大宗消费。', '商务部', '财政部等'],
      ['（一）-2', '扩大内需', '培育新型消费。', '商务部、工业和信息化部', ''],
    ]);
  });

  it('reads roles at the end of a sentence and on a line of their own', () => {
    const r = freeTextStrategy(
      textToRows('1.完善奖补政策，由市财政局牵头，市发改委配合。压减开办时间，市市场监管局负责。\n2.开展涉企收费清理。\n由市发改委牵头，市财政局配合。'),
      segment,
    );
    expect(r?.tasks.map((t) => [t.seq, t.standard, t.leadUnitsRaw, t.coUnitsRaw, t.line, t.endLine])).toEqual([
      ['1-1', '完善奖补政策。', '市财政局', '市发改委', 1, 1],
      ['1-2', '压减开办时间。', '市市场监管局', '', 1, 1],
      ['2.', '开展涉企收费清理。', '市发改委', '市财政局', 2, 3],
    ]);
  });
});

describe('grouped strategy', () => {
  it('recognises leader and unit group headers, not categories', () => {
    expect(readGroupHeader(matchView('一、王海涛同志负责(3项):'))).toEqual({ leader: '王海涛', unit: '' });
    expect(readGroupHeader(matchView('区委常委、副区长孙凯同志分管:'))).toEqual({ leader: '孙凯', unit: '' });
    expect(readGroupHeader(matchView('分管副市长唐晓燕牵头负责以下工作:'))).toEqual({ leader: '唐晓燕', unit: '' });
    expect(readGroupHeader(matchView('区住房和城乡建设局牵头的工作(2项):'))).toEqual({ leader: '', unit: '区住房和城乡建设局' });
    expect(readGroupHeader(matchView('一、稳定经济增长:'))).toBeNull();
    expect(readGroupHeader(matchView('各街道办事处,区政府各部门:'))).toBeNull();
  });

  it('gives the group to its tasks; a task that prints its own 牵头 unit leads', () => {
    const r = groupedStrategy(textToRows('区教育局：\n1.新增学位600个。\n2.改造食堂10所。（区市场监管局牵头）\n张明同志负责：\n3.新建书房5个。（区文旅局负责）'), segment);
    expect(r?.tasks.map((t) => [t.seq, t.leadersRaw, t.leadUnitsRaw, t.coUnitsRaw])).toEqual([
      ['1.', '', '区教育局', ''],
      ['2.', '', '区市场监管局', '区教育局'],
      ['3.', '张明', '区文旅局', ''],
    ]);
    expect(r?.explainedLines).toEqual([1, 4]);
  });
});

describe('linear in hostile input', () => {
  it('reads 200,000 characters of brackets, labels and role words quickly', () => {
    const hostile = [
      `1.${'（'.repeat(100_000)}`,
      `2.${'（区财政局牵头'.repeat(5_000)}`,
      `${'牵头单位 '.repeat(10_000)}`,
      `${'以上任务，区财政局均为配合单位。\n'.repeat(2_000)}`,
      `${'张明同志负责：\n1.任务。\n'.repeat(2_000)}`,
      `3.${'6月底前完成，'.repeat(10_000)}`,
    ].join('\n');
    const rows = textToRows(hostile);
    for (const strategy of [labelledStrategy, freeTextStrategy, groupedStrategy]) {
      const start = performance.now();
      strategy(rows, segment);
      expect(performance.now() - start).toBeLessThan(3000);
    }
  });
});
