import { renderNotice, reportingParagraph, type NoticeTable } from '../demo/notice-text';
import { upperUnit, type UpperLevel } from '../demo/upper-directory';
import type { Dice } from './dice';
import type { UpperDirectory } from './directory';
import type { UpperItem } from './upper-items';
import { CATEGORIES } from './vocabulary';

/**
 * The province's or a city's yearly notice: its Work Report items (annex 1) and livelihood
 * projects (annex 2), each led by the department one level up with the remit of the district
 * units the vocabulary names (区发改局 → 市发改委 → 省发改委, upper-directory.ts).
 */
export type UpperNotice = { docNumber: string; fileName: string; issuedDate: string; text: string };

function table(dir: UpperDirectory, title: string, itemColumn: string, items: UpperItem[]): NoticeTable {
  const rows = items.map((item) => {
    const units = [...new Set(item.template.units.map((u) => upperUnit(u, dir.level)))];
    const leader = dir.leaders[CATEGORIES[item.template.category]!.portfolio]!.name;
    return [String(item.no), item.text, leader, units[0]!, units.slice(1).join(' '), item.deadline];
  });
  const leaderColumn = dir.level === 'city' ? '责任市领导' : '责任省领导';
  return { title, header: ['序号', itemColumn, leaderColumn, '牵头单位', '配合单位', '完成时限'], rows };
}

const WORDS: Record<
  UpperLevel,
  { short: string; office: string; addressees: string; issuerSuffix: string; month: number; cc: string }
> = {
  province: {
    short: '省',
    office: '省政府督查室',
    addressees: '各市、州、县人民政府，省政府各部门：',
    issuerSuffix: '人民政府办公厅',
    month: 2,
    cc: '省委各部门，省军区，各人民团体。省人大常委会办公厅，省政协办公厅，省法院，省检察院。',
  },
  city: {
    short: '市',
    office: '市政府督查室',
    addressees: '各区人民政府，市人民政府各部门：',
    issuerSuffix: '人民政府办公厅',
    month: 3,
    cc: '市委各部门，市警备区，各人民团体。市人大常委会办公厅，市政协办公厅，市法院，市检察院。',
  },
};

export function upperNotice(
  dice: Dice,
  dir: UpperDirectory,
  docPrefix: string,
  year: number,
  items: UpperItem[],
): UpperNotice {
  const w = WORDS[dir.level];
  // Upper notices come out before the districts' (February for the province, early March for cities).
  const day =
    dir.level === 'province'
      ? 15 + Math.floor(dice('issued', dir.code, year) * 10)
      : 1 + Math.floor(dice('issued', dir.code, year) * 8);
  const docNumber = `${docPrefix}〔${year}〕${3 + Math.floor(dice('doc-no', dir.code, year) * 12)}号`;
  const gwr = items.filter((i) => i.kind.endsWith('gwr'));
  const livelihood = items.filter((i) => i.kind.endsWith('livelihood'));
  const text = renderNotice({
    docNumber,
    title: `${w.short}人民政府办公厅关于印发${year}年${w.short}《政府工作报告》确定的重点工作任务和${w.short}政府民生实事责任分工方案的通知`,
    addressees: w.addressees,
    body: [
      `经${dir.name}人民政府同意，现将${year}年${w.short}《政府工作报告》确定的重点工作任务和民生实事责任分工印发给你们，并就有关事项通知如下，请认真贯彻执行。`,
      '一、压实责任，狠抓落实。各牵头单位要按照“一把手”负总责的要求，细化工作措施，明确时间节点，配合单位要主动协同，形成工作合力。',
      '二、上下联动，分级落实。需由下级政府承担的目标任务，各牵头单位要及时分解下达，指导督促抓好落实，确保各项任务一贯到底。',
      `三、强化督办，确保实效。${reportingParagraph(w.office, year)}`,
      '各项任务完成情况将纳入年度绩效目标考核，如国家、上级目标任务调整，各牵头单位应相应调整并及时报告。',
    ],
    annexes: [
      table(dir, `${year}年${w.short}《政府工作报告》确定的重点工作任务分解表`, '重点工作任务', gwr),
      table(dir, `${year}年${w.short}政府民生实事项目分解表`, '民生实事项目', livelihood),
    ],
    issuer: `${dir.name}${w.issuerSuffix}`,
    date: `${year}年${w.month}月${day}日`,
    cc: w.cc,
  });
  const issuedDate = `${year}-${String(w.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { docNumber, fileName: `${dir.code}-${year}-notice.txt`, issuedDate, text };
}
