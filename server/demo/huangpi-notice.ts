import type { AnnexKind, ParsedNotice } from '../../core/notice';
import { HUANGPI_OWN_HEADER, huangpiOwnTasks } from './huangpi-gwr';
import { HUANGPI_TARGETS } from './huangpi-targets';
import { renderNotice, reportingParagraph, type NoticeTable } from './notice-text';
import { citedItems } from './upper-ledgers';

/**
 * 黄陂区 (420116), the demo's second district of 武汉市, generated so the city's roll-up compares
 * two districts: its own Work Report tasks (annex 1, from a vocabulary) and the same province and
 * city items as 新洲区 in annexes 2–5 (same upstream numbers and words, its own targets). People
 * are invented.
 */
export const HUANGPI_UNITS: { name: string; aliases?: string[] }[] = [
  { name: '区发改局' },
  { name: '区财政局' },
  { name: '区交通运输局' },
  { name: '区教育局' },
  { name: '区农业农村局' },
  { name: '区科经局' },
  { name: '区商务局' },
  { name: '区文化和旅游局' },
  { name: '区住房和城乡建设局' },
  { name: '区生态环境分局' },
  { name: '区水务和湖泊局' },
  { name: '区民政局' },
  { name: '区人社局' },
  { name: '区卫生健康局' },
  { name: '区应急管理局' },
  { name: '区统计局' },
  { name: '区市场监管局' },
  { name: '区园林和林业局' },
  { name: '区公安分局' },
  { name: '区信访局' },
  { name: '区消防救援大队' },
  { name: '区政府办' },
];

export const HUANGPI_LEADERS = [
  { name: '程立峰', title: '区委副书记、区长' },
  { name: '汪春华', title: '副区长' },
  { name: '彭志刚', title: '副区长' },
  { name: '胡晓玲', title: '副区长' },
  { name: '夏国庆', title: '副区长' },
  { name: '吴永胜', title: '副区长' },
  { name: '刘清泉', title: '副区长' },
];

/** 新洲区's leader of an item → 黄陂区's leader with the same portfolio. */
const LEADER_OF: Record<string, string> = {
  李先勇: '程立峰',
  肖新锋: '汪春华',
  陈曦: '彭志刚',
  张晓茵: '胡晓玲',
  丁力: '夏国庆',
  邓辉: '吴永胜',
  谢光荣: '吴永胜',
  祝莹: '刘清泉',
  张波: '刘清泉',
};

const ANNEXES: { kind: AnnexKind; title: string; upstream: string }[] = [
  {
    kind: 'province-gwr',
    title: '2024年省《政府工作报告》涉及我区办理事项责任细化分解表',
    upstream: '省级下达的责任事项',
  },
  {
    kind: 'province-livelihood',
    title: '2024年省政府民生实事涉及我区办理事项责任细化分解表',
    upstream: '省级下达的责任事项',
  },
  { kind: 'city-gwr', title: '2024年市《政府工作报告》涉及我区办理事项责任细化分解表', upstream: '市级下达的责任事项' },
  {
    kind: 'city-livelihood',
    title: '2024年市政府民生实事涉及我区办理事项责任细化分解表',
    upstream: '市级下达的责任事项',
  },
];

function handedDown(seed: ParsedNotice, kind: AnnexKind, upstream: string, title: string): NoticeTable {
  const rows = citedItems(seed)
    .filter((c) => c.kind === kind)
    .map((c, i) => {
      const seedTask = seed.annexes
        .flatMap((a) => (a.kind === kind ? a.tasks : []))
        .find((t) => t.upstreamNo === c.no)!;
      const leaders = [...new Set(seedTask.leaders.map((l) => LEADER_OF[l] ?? '程立峰'))];
      const target = HUANGPI_TARGETS[`${kind}:${c.no}`] ?? '结合我区实际细化工作措施，按期完成上级下达的目标任务。';
      return [String(i + 1), `${c.no}.${c.text}`, target, '12月', leaders.join(' '), c.districtUnits.join(' ')];
    });
  return { title, header: ['序号', upstream, '黄陂区目标任务', '完成时间', '分管区领导', '责任单位'], rows };
}

export function huangpiNoticeText(seed: ParsedNotice): string {
  return renderNotice({
    docNumber: '黄政办〔2024〕3号',
    title: '区人民政府办公室关于做好2024年省、市、区《政府工作报告》确定的主要目标任务责任分解工作的通知',
    addressees: '各街道办事处、乡镇人民政府，区人民政府各部门：',
    body: [
      '2024年省、市、区《政府工作报告》确定的主要目标任务责任分解已经区人民政府同意，现印发给你们，请认真贯彻执行。',
      '一、提高站位，压实责任。各责任单位主要负责同志要亲自研究、亲自部署，细化工作方案，明确时间节点和责任人。',
      '二、统筹协调，合力推进。牵头单位要加强统筹，配合单位要主动支持，对涉及多个部门的难点问题，及时提请区人民政府分管领导协调解决。',
      `三、强化督查，定期通报。${reportingParagraph('区政府督查室')}`,
      '各责任单位办理情况将作为区级绩效目标考核的重要依据，如上级绩考目标调整，各责任单位应相应调整目标任务和工作措施。',
    ],
    annexes: [
      {
        title: '2024年区《政府工作报告》确定的当年工作任务责任分解表',
        header: HUANGPI_OWN_HEADER,
        rows: huangpiOwnTasks(),
      },
      ...ANNEXES.map((a) => handedDown(seed, a.kind, a.upstream, a.title)),
    ],
    issuer: '武汉市黄陂区人民政府办公室',
    date: '2024年3月28日',
    cc: '区委各部门，区人武部，各人民团体。区人大常委会办公室，区政协办公室，区法院、检察院。',
  });
}

export const HUANGPI_NOTICE_FILE = 'huangpi-2024-notice.txt';
