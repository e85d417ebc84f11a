import type { Role } from '../../core/roles';
import { HUANGPI_LEADERS, HUANGPI_UNITS } from './huangpi-notice';
import { upperLeaders, upperUnits } from './upper-directory';

/**
 * The demo deployment: 湖北省 → 武汉市 → 新洲区, the district of the seed notice
 * (data/demo/xinzhou-2024-notice.txt), and 黄陂区, a second district of 武汉市 generated so that
 * the city's roll-up compares two districts. 新洲区's unit and leader names are the ones the notice prints;
 * the aliases are spellings the notice itself uses for the same unit. People are invented.
 */
export const DEMO_PASSWORD = 'Duban@2024';

export const DEMO_ORGS = [
  { code: '420000', name: '湖北省', level: 'province', parent: null },
  { code: '420100', name: '武汉市', level: 'city', parent: '420000' },
  { code: '420117', name: '新洲区', level: 'district', parent: '420100' },
  { code: '420116', name: '黄陂区', level: 'district', parent: '420100' },
] as const;

/** The main demo district (the seed notice's); tests and the e2e suite sign in there. */
export const DEMO_DISTRICT = '420117';
export const DEMO_SECOND_DISTRICT = '420116';
export const DEMO_CITY = '420100';
export const DEMO_PROVINCE = '420000';

/** The notice a fresh demo imports into 新洲区: 新政办〔2024〕1号, as extracted from the PDF. */
export const DEMO_NOTICE_FILE = new URL('../../data/demo/xinzhou-2024-notice.txt', import.meta.url);

export const DEMO_UNITS: { name: string; aliases?: string[] }[] = [
  { name: '区发改局' },
  { name: '区财政局' },
  { name: '区交通运输局' },
  { name: '区教育局' },
  { name: '区农业农村局', aliases: ['区乡村振兴局'] },
  { name: '区自然资源和规划局' },
  { name: '区商务局' },
  { name: '区科经局' },
  { name: '区文化和旅游局', aliases: ['区文化和旅游发展局'] },
  { name: '区住房和城乡建设局', aliases: ['区住房保障和城乡建设局'] },
  { name: '区生态环境分局' },
  { name: '区园林和林业局' },
  { name: '区民政局' },
  { name: '区人社局' },
  { name: '区卫生健康局' },
  { name: '区水务和湖泊局' },
  { name: '区供销联社', aliases: ['区供销社'] },
  { name: '区政府办' },
];

export const DEMO_LEADERS = [
  { name: '李先勇', title: '区委副书记、区长' },
  { name: '肖新锋', title: '副区长' },
  { name: '陈曦', title: '副区长' },
  { name: '张晓茵', title: '副区长' },
  { name: '丁力', title: '副区长' },
  { name: '邓辉', title: '副区长' },
  { name: '谢光荣', title: '副区长' },
  // The notice's garbled cells ("邓辉莹 祝力波 丁张") are 邓辉 祝莹 丁力 张波 interleaved by the
  // PDF extraction; 祝莹 and 张波 also appear cleanly, 22 and 7 times.
  { name: '祝莹', title: '副区长' },
  { name: '张波', title: '副区长' },
];

type Directory = { units: { name: string; aliases?: string[] }[]; leaders: { name: string; title: string }[] };

/** Each organisation's units and leaders, created before its notice is imported. */
export const DEMO_DIRECTORIES: Record<string, Directory> = {
  [DEMO_PROVINCE]: { units: upperUnits('province'), leaders: upperLeaders('province') },
  [DEMO_CITY]: { units: upperUnits('city'), leaders: upperLeaders('city') },
  [DEMO_DISTRICT]: { units: DEMO_UNITS, leaders: DEMO_LEADERS },
  [DEMO_SECOND_DISTRICT]: { units: HUANGPI_UNITS, leaders: HUANGPI_LEADERS },
};

export type DemoAccount = {
  username: string;
  displayName: string;
  role: Role;
  org: string;
  unit?: string;
  leader?: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'duchashi', displayName: '王敏（督查室）', role: 'office', org: DEMO_DISTRICT },
  { username: 'jtj.jingban', displayName: '陈静', role: 'unit_staff', org: DEMO_DISTRICT, unit: '区交通运输局' },
  { username: 'jtj.jingban2', displayName: '刘洋', role: 'unit_staff', org: DEMO_DISTRICT, unit: '区交通运输局' },
  { username: 'jtj.fuzeren', displayName: '周建国', role: 'unit_head', org: DEMO_DISTRICT, unit: '区交通运输局' },
  { username: 'fgj.jingban', displayName: '李娜', role: 'unit_staff', org: DEMO_DISTRICT, unit: '区发改局' },
  { username: 'fgj.fuzeren', displayName: '张伟', role: 'unit_head', org: DEMO_DISTRICT, unit: '区发改局' },
  { username: 'jyj.jingban', displayName: '黄丽', role: 'unit_staff', org: DEMO_DISTRICT, unit: '区教育局' },
  { username: 'jyj.fuzeren', displayName: '吴强', role: 'unit_head', org: DEMO_DISTRICT, unit: '区教育局' },
  { username: 'ylj.jingban', displayName: '何芳', role: 'unit_staff', org: DEMO_DISTRICT, unit: '区园林和林业局' },
  { username: 'ylj.fuzeren', displayName: '郑志刚', role: 'unit_head', org: DEMO_DISTRICT, unit: '区园林和林业局' },
  { username: 'dingli', displayName: '丁力', role: 'leader', org: DEMO_DISTRICT, leader: '丁力' },
  { username: 'lixianyong', displayName: '李先勇', role: 'leader', org: DEMO_DISTRICT, leader: '李先勇' },
  { username: 'fenghuang', displayName: '凤凰镇人民政府', role: 'viewer', org: DEMO_DISTRICT },
  { username: 'xitong', displayName: '系统管理员', role: 'sysadmin', org: DEMO_DISTRICT },
  { username: 'anquan', displayName: '安全管理员', role: 'secadmin', org: DEMO_DISTRICT },
  { username: 'shenji', displayName: '安全审计员', role: 'auditor', org: DEMO_DISTRICT },
  { username: 'wuhan.duchashi', displayName: '武汉市督查室', role: 'office', org: DEMO_CITY },
  { username: 'hubei.duchashi', displayName: '湖北省督查室', role: 'office', org: DEMO_PROVINCE },
  { username: 'wuhan.hanxue', displayName: '韩雪', role: 'leader', org: DEMO_CITY, leader: '韩雪' },
  { username: 'hubei.xuchunmei', displayName: '徐春梅', role: 'leader', org: DEMO_PROVINCE, leader: '徐春梅' },
  { username: 'hp.duchashi', displayName: '赵丽（黄陂区督查室）', role: 'office', org: DEMO_SECOND_DISTRICT },
  { username: 'hp.jtj.jingban', displayName: '孙浩', role: 'unit_staff', org: DEMO_SECOND_DISTRICT, unit: '区交通运输局' },
  { username: 'hp.jtj.fuzeren', displayName: '马国栋', role: 'unit_head', org: DEMO_SECOND_DISTRICT, unit: '区交通运输局' },
  { username: 'hp.fgj.jingban', displayName: '郭婷', role: 'unit_staff', org: DEMO_SECOND_DISTRICT, unit: '区发改局' },
  { username: 'hp.fgj.fuzeren', displayName: '曹建平', role: 'unit_head', org: DEMO_SECOND_DISTRICT, unit: '区发改局' },
  { username: 'hp.chenglifeng', displayName: '程立峰', role: 'leader', org: DEMO_SECOND_DISTRICT, leader: '程立峰' },
  { username: 'hp.qianchuan', displayName: '前川街道办事处', role: 'viewer', org: DEMO_SECOND_DISTRICT },
];
