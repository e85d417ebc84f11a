import type { AnnexKind, ParsedNotice } from '../../core/notice';
import { renderNotice, reportingParagraph, type NoticeTable } from './notice-text';
import { upperLeader, upperUnit, type UpperLevel } from './upper-directory';
import { EXTRA_ITEMS, type ExtraItem } from './upper-extra-items';

/**
 * The upper levels' own ledgers for the demo, generated from what the seed district notice cites:
 * every item of its annexes 2–5 (upstream number and text) becomes an item of the 武汉市 or 湖北省
 * notice under the same number and the same words, so the district's tasks can be linked to
 * them; a few items no district annex cites are added, as a real upper ledger holds more than any
 * one district is handed. Deterministic: the same seed gives the same text, byte for byte.
 */
export type CitedItem = { kind: AnnexKind; no: number; text: string; districtUnits: string[] };

/** The upstream items the district notice cites, by annex kind, in printed order. */
export function citedItems(seed: ParsedNotice): CitedItem[] {
  const out: CitedItem[] = [];
  for (const annex of seed.annexes) {
    if (annex.kind === 'district-gwr' || annex.kind === 'other') continue;
    for (const t of annex.tasks) {
      if (t.upstreamNo === null || t.upstreamItem === null) continue;
      out.push({ kind: annex.kind, no: t.upstreamNo, text: t.upstreamItem, districtUnits: t.units });
    }
  }
  return out;
}

type Item = { no: number; text: string; districtUnits: string[]; deadline: string };

function annexTable(level: UpperLevel, title: string, itemColumn: string, items: Item[]): NoticeTable {
  const leaderColumn = level === 'city' ? '责任市领导' : '责任省领导';
  const rows = [...items]
    .sort((a, b) => a.no - b.no)
    .map((item) => {
      const units = [...new Set(item.districtUnits.map((u) => upperUnit(u, level)))];
      const lead = units[0] ?? upperUnit('', level);
      return [
        String(item.no),
        item.text,
        upperLeader(item.districtUnits[0] ?? '', level),
        lead,
        units.slice(1).join(' '),
        item.deadline,
      ];
    });
  return { title, header: ['序号', itemColumn, leaderColumn, '牵头单位', '配合单位', '完成时限'], rows };
}

/** Cited items of one kind (each number once: a district may cite an item twice) plus the extras. */
function itemsOf(seed: ParsedNotice, kind: AnnexKind, extras: ExtraItem[]): Item[] {
  const byNo = new Map<number, Item>();
  for (const c of citedItems(seed).filter((c) => c.kind === kind)) {
    if (!byNo.has(c.no)) byNo.set(c.no, { no: c.no, text: c.text, districtUnits: c.districtUnits, deadline: '12月' });
  }
  for (const e of extras) if (!byNo.has(e.no)) byNo.set(e.no, { ...e, districtUnits: e.remit });
  return [...byNo.values()];
}

const CITY_ANNEXES = {
  gwr: '2024年市《政府工作报告》确定的重点工作任务分解表',
  livelihood: '2024年市政府民生实事项目分解表',
};

const PROVINCE_ANNEXES = {
  gwr: '2024年省《政府工作报告》确定的重点工作任务分解表',
  livelihood: '2024年省政府十件民生实事分解表',
};

function body(level: string, office: string): string[] {
  return [
    `经${level}人民政府同意，现将2024年${level === '湖北省' ? '省' : '市'}《政府工作报告》确定的重点工作任务和民生实事责任分工印发给你们，并就有关事项通知如下，请认真贯彻执行。`,
    '一、压实责任，狠抓落实。各牵头单位要按照“一把手”负总责的要求，细化工作措施，明确时间节点，配合单位要主动协同，形成工作合力。',
    '二、上下联动，分级落实。需由下级政府承担的目标任务，各牵头单位要及时分解下达，指导督促抓好落实，确保各项任务一贯到底。',
    `三、强化督办，确保实效。${reportingParagraph(office)}`,
    '各项任务完成情况将纳入年度绩效目标考核，如国家、上级目标任务调整，各牵头单位应相应调整并及时报告。',
  ];
}

/** 武汉市's notice: its Work Report items (annex 1) and livelihood projects (annex 2). */
export function cityNoticeText(seed: ParsedNotice): string {
  return renderNotice({
    docNumber: '武政办〔2024〕12号',
    title: '市人民政府办公厅关于印发2024年市《政府工作报告》确定的重点工作任务和市政府民生实事责任分工方案的通知',
    addressees: '各区人民政府，市人民政府各部门：',
    body: body('武汉市', '市政府督查室'),
    annexes: [
      annexTable('city', CITY_ANNEXES.gwr, '重点工作任务', itemsOf(seed, 'city-gwr', EXTRA_ITEMS['city-gwr'])),
      annexTable(
        'city',
        CITY_ANNEXES.livelihood,
        '民生实事项目',
        itemsOf(seed, 'city-livelihood', EXTRA_ITEMS['city-livelihood']),
      ),
    ],
    issuer: '武汉市人民政府办公厅',
    date: '2024年3月8日',
    cc: '市委各部门，武汉警备区，各人民团体。市人大常委会办公厅，市政协办公厅，市法院，市检察院。',
  });
}

/** 湖北省's notice: its Work Report items (annex 1) and ten livelihood projects (annex 2). */
export function provinceNoticeText(seed: ParsedNotice): string {
  return renderNotice({
    docNumber: '鄂政办发〔2024〕6号',
    title: '省人民政府办公厅关于印发2024年省《政府工作报告》确定的重点工作任务和省政府十件民生实事责任分工方案的通知',
    addressees: '各市、州、县人民政府，省政府各部门：',
    body: body('湖北省', '省政府督查室'),
    annexes: [
      annexTable(
        'province',
        PROVINCE_ANNEXES.gwr,
        '重点工作任务',
        itemsOf(seed, 'province-gwr', EXTRA_ITEMS['province-gwr']),
      ),
      annexTable(
        'province',
        PROVINCE_ANNEXES.livelihood,
        '民生实事项目',
        itemsOf(seed, 'province-livelihood', EXTRA_ITEMS['province-livelihood']),
      ),
    ],
    issuer: '湖北省人民政府办公厅',
    date: '2024年2月20日',
    cc: '省委各部门，省军区，各人民团体。省人大常委会办公厅，省政协办公厅，省法院，省检察院。',
  });
}

export const UPPER_NOTICE_FILES = { city: 'wuhan-2024-notice.txt', province: 'hubei-2024-notice.txt' } as const;
