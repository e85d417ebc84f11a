import { roll } from './demo-roll';

/**
 * Annex 1 of 黄陂区's generated notice: its own Work Report tasks, drawn deterministically from a
 * vocabulary of work phrases. Each phrase carries one quantity whose value is picked from a range
 * by hash, so the tasks carry indicators the dashboard can measure ("新建充电桩300个") and the
 * demo stays the same from one start to the next.
 */
type Phrase = { text: string; min: number; max: number; step: number; units?: string[] };

/** `units`: the lead unit first; a phrase may name its own. */
type Category = { name: string; leader: string; units: string[]; phrases: Phrase[] };

const p = (text: string, min: number, max: number, step = 1, units?: string[]): Phrase => ({
  text,
  min,
  max,
  step,
  ...(units ? { units } : {}),
});

/** `{n}` is the quantity. Five phrases per category; the categories follow 黄陂's report. */
const CATEGORIES: Category[] = [
  {
    name: '全年主要预期目标',
    leader: '程立峰',
    units: ['区发改局', '区统计局'],
    phrases: [
      p('规模以上工业增加值增长{n}%左右。', 7, 10),
      p('固定资产投资增长{n}%以上。', 8, 12, 1, ['区发改局', '区统计局']),
      p('地方一般公共预算收入增长{n}%左右。', 4, 7, 1, ['区财政局']),
      p('招商引资实际到位资金{n}亿元以上。', 600, 900, 50, ['区商务局', '区发改局']),
      p('新增市场主体{n}户以上。', 12000, 18000, 1000, ['区市场监管局']),
    ],
  },
  {
    name: '临空经济区建设',
    leader: '彭志刚',
    units: ['区商务局'],
    phrases: [
      p('引进航空物流、跨境电商项目{n}个。', 8, 15),
      p('武汉天河国际机场周边新建标准厂房{n}万平方米。', 20, 40, 5, ['区科经局', '区住房和城乡建设局']),
      p('新增外贸进出口实绩企业{n}家，外贸进出口总额增长{n}%以上。', 10, 20),
      p('建成临空经济区企业服务中心{n}个。', 1, 2, 1, ['区科经局']),
      p('培育临空产业链规模以上企业{n}家。', 10, 20, 1, ['区科经局', '区商务局']),
    ],
  },
  {
    name: '乡村振兴',
    leader: '汪春华',
    units: ['区农业农村局'],
    phrases: [
      p('建设高标准农田{n}万亩。', 1, 3),
      p('创建市级以上农业产业化重点龙头企业{n}家。', 2, 5),
      p('建成和美乡村示范村{n}个。', 8, 15),
      p('新改建农村公共厕所{n}座。', 30, 60, 5),
      p('培育家庭农场和农民合作社{n}家。', 40, 80, 10),
    ],
  },
  {
    name: '文旅融合发展',
    leader: '胡晓玲',
    units: ['区文化和旅游局'],
    phrases: [
      p('木兰文化生态旅游区全年接待游客{n}万人次。', 1500, 2000, 100),
      p('举办木兰文化节等节会活动{n}场。', 10, 20),
      p('新增A级旅游景区{n}家、星级农家乐{n}家。', 2, 4),
      p('提档升级乡村民宿{n}家。', 20, 40, 5),
      p('开展文化惠民演出{n}场次。', 300, 500, 50),
    ],
  },
  {
    name: '城市功能品质提升',
    leader: '吴永胜',
    units: ['区住房和城乡建设局', '区交通运输局'],
    phrases: [
      p('新建充电桩{n}个。', 200, 400, 50),
      p('改造老旧小区{n}个，加装电梯{n}台。', 10, 20, 1, ['区住房和城乡建设局']),
      p('新增公共停车泊位{n}个。', 1000, 2000, 100, ['区交通运输局', '区公安分局']),
      p('新改建城市道路{n}公里。', 10, 20, 1, ['区交通运输局']),
      p('新建口袋公园{n}个。', 5, 10, 1, ['区园林和林业局']),
    ],
  },
  {
    name: '生态环境保护',
    leader: '汪春华',
    units: ['区生态环境分局', '区水务和湖泊局'],
    phrases: [
      p('空气质量优良天数比例达到{n}%以上。', 78, 84),
      p('完成造林绿化{n}亩。', 3000, 6000, 500, ['区园林和林业局']),
      p('整治入河排污口{n}个。', 20, 40, 5, ['区生态环境分局', '区水务和湖泊局']),
      p('新建改造雨污管网{n}公里。', 15, 30, 1, ['区水务和湖泊局']),
      p('地表水国考、省考断面水质达标率{n}%。', 100, 100),
    ],
  },
  {
    name: '民生保障',
    leader: '胡晓玲',
    units: ['区教育局'],
    phrases: [
      p('新增义务教育学位{n}个。', 2000, 4000, 100),
      p('新建社区老年助餐点{n}个。', 20, 40, 1, ['区民政局']),
      p('家庭医生签约服务覆盖率达到{n}%以上。', 45, 55, 1, ['区卫生健康局']),
      p('新增婴幼儿托位{n}个。', 400, 800, 50, ['区卫生健康局', '区民政局']),
      p('城镇新增就业{n}人以上。', 15000, 18000, 500, ['区人社局']),
    ],
  },
  {
    name: '安全发展',
    leader: '刘清泉',
    units: ['区应急管理局'],
    phrases: [
      p('生产安全事故起数和死亡人数同比下降{n}%以上。', 5, 10),
      p('完成街道（乡镇）小型消防站建设{n}个。', 3, 6, 1, ['区消防救援大队', '区应急管理局']),
      p('排查整治燃气安全隐患{n}处。', 300, 600, 50, ['区住房和城乡建设局', '区应急管理局']),
      p('电信网络诈骗案件发案数同比下降{n}%。', 10, 20, 1, ['区公安分局']),
      p('化解信访积案{n}件。', 50, 100, 10, ['区信访局']),
    ],
  },
];

const DEADLINES = ['6月', '9月', '10月', '11月', '12月', '12月', '12月', '12月'];

function quantity(phrase: Phrase, key: string): string {
  const steps = Math.floor((phrase.max - phrase.min) / phrase.step);
  return String(phrase.min + Math.floor(roll('huangpi-qty', key) * (steps + 1)) * phrase.step);
}

export const HUANGPI_OWN_HEADER = ['序号', '目标名称', '工作标准', '完成时限', '分管区领导', '责任单位'];

/** Rows of annex 1 in the seed's layout, with a deadline column: see HUANGPI_OWN_HEADER. */
export function huangpiOwnTasks(): string[][] {
  const rows: string[][] = [];
  let seq = 0;
  CATEGORIES.forEach((category, c) => {
    category.phrases.forEach((phrase, i) => {
      seq++;
      const key = `${c}:${i}`;
      let slot = 0;
      const text = phrase.text.replaceAll('{n}', () => quantity(phrase, `${key}:${slot++}`));
      const units = phrase.units ?? category.units;
      // Rates and growth are measured over the whole year; works can be due earlier.
      const deadline = phrase.text.includes('%')
        ? '12月'
        : DEADLINES[Math.floor(roll('huangpi-deadline', key) * DEADLINES.length)]!;
      rows.push([
        i === 0 ? String(c + 1) : '',
        i === 0 ? category.name : '',
        `(${seq}) ${text}`,
        deadline,
        category.leader,
        units.join(' '),
      ]);
    });
  });
  return rows;
}
