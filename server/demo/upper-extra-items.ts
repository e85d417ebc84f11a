import type { AnnexKind } from '../../core/notice';

/**
 * Items of the upper levels' ledgers that no district annex of the seed cites: a real Work Report
 * holds far more than one district is handed, and a ledger with only the cited items would hide
 * that hand-down is a choice. Numbers sit next to cited ones so the printed numbering stays
 * mostly continuous. `remit` names the district units whose departments lead the item one level
 * up (see upper-directory.ts); the texts are written in the style of the 2024 reports, not quoted.
 */
export type ExtraItem = { no: number; text: string; remit: string[]; deadline: string };

type UpperKind = Extract<AnnexKind, 'city-gwr' | 'city-livelihood' | 'province-gwr' | 'province-livelihood'>;

export const EXTRA_ITEMS: Record<UpperKind, ExtraItem[]> = {
  'province-gwr': [
    { no: 3, text: '居民消费价格涨幅3%左右。', remit: ['区发改局'], deadline: '12月' },
    { no: 4, text: '城乡居民收入增长与经济增长同步。', remit: ['区发改局', '区人社局'], deadline: '12月' },
    { no: 5, text: '粮食产量稳定在550亿斤以上。', remit: ['区农业农村局'], deadline: '12月' },
    {
      no: 6,
      text: '单位地区生产总值能耗下降2.5%左右，生态环境质量持续改善。',
      remit: ['区发改局', '区生态环境分局'],
      deadline: '12月',
    },
    { no: 8, text: '新增高新技术企业3000家以上，技术合同成交额突破5000亿元。', remit: ['区科经局'], deadline: '12月' },
    {
      no: 28,
      text: '实施制造业重点产业链高质量发展行动，新增国家级专精特新“小巨人”企业100家以上。',
      remit: ['区科经局'],
      deadline: '12月',
    },
    {
      no: 41,
      text: '大力发展县域经济，支持县域特色产业集群做大做强，新增全国百强县3个以上。',
      remit: ['区发改局'],
      deadline: '12月',
    },
    { no: 45, text: '深化“高效办成一件事”改革，新增经营主体100万户以上。', remit: ['区市场监管局'], deadline: '12月' },
    { no: 48, text: '促进民营经济发展壮大，民间投资增长8%以上。', remit: ['区发改局'], deadline: '12月' },
    { no: 69, text: '加快发展现代设施农业，新建设施农业面积30万亩以上。', remit: ['区农业农村局'], deadline: '11月' },
    {
      no: 75,
      text: '深入实施农村人居环境整治提升行动，农村卫生厕所普及率达到90%以上。',
      remit: ['区农业农村局'],
      deadline: '12月',
    },
    {
      no: 94,
      text: '完善多层次社会保障体系，城乡居民基础养老金最低标准提高20元。',
      remit: ['区人社局'],
      deadline: '6月',
    },
    { no: 105, text: '推进紧密型县域医共体建设，县域内就诊率达到90%以上。', remit: ['区卫生健康局'], deadline: '12月' },
    {
      no: 118,
      text: '扎实做好防汛抗旱工作，完成病险水库除险加固100座以上。',
      remit: ['区水务和湖泊局'],
      deadline: '6月',
    },
  ],
  // The ten projects (122–131) are all cited by the seed; there is no eleventh.
  'province-livelihood': [],
  'city-gwr': [
    { no: 18, text: '加快东湖科学城建设，新增高新技术企业1500家以上。', remit: ['区科经局'], deadline: '12月' },
    { no: 20, text: '壮大新能源与智能网联汽车产业，新能源汽车产量突破50万辆。', remit: ['区科经局'], deadline: '12月' },
    {
      no: 137,
      text: '深化新城区强区扩权改革，支持新城区因地制宜发展特色产业。',
      remit: ['区发改局'],
      deadline: '12月',
    },
    { no: 149, text: '新建和改造提升城市绿道200公里。', remit: ['区园林和林业局'], deadline: '12月' },
    { no: 151, text: '完成植树造林1.5万亩，新建口袋公园100个。', remit: ['区园林和林业局'], deadline: '11月' },
    { no: 176, text: '新改建农村公路500公里，提档升级“四好农村路”。', remit: ['区交通运输局'], deadline: '12月' },
    { no: 178, text: '推进农村厕所革命，新改建农村公共厕所300座。', remit: ['区农业农村局'], deadline: '10月' },
    { no: 180, text: '创建市级美丽乡村示范村50个。', remit: ['区农业农村局'], deadline: '12月' },
    { no: 220, text: '推进中小河流综合治理，完成河道治理50公里。', remit: ['区水务和湖泊局'], deadline: '12月' },
    {
      no: 221,
      text: '新建改造城市排水管网300公里，完成40个易渍水点整治。',
      remit: ['区水务和湖泊局'],
      deadline: '5月',
    },
  ],
  'city-livelihood': [
    { no: 41, text: '新改扩建中小学和幼儿园30所，新增学位3万个。', remit: ['区教育局'], deadline: '9月' },
    { no: 42, text: '新建社区养老服务综合体30个，新增老年助餐点200个。', remit: ['区民政局'], deadline: '12月' },
    {
      no: 45,
      text: '新建改造充电桩2万个，新增公共停车位4万个。',
      remit: ['区发改局', '区交通运输局'],
      deadline: '12月',
    },
    { no: 46, text: '新建改造农贸市场20个。', remit: ['区商务局'], deadline: '12月' },
  ],
};
