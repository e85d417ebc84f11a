/**
 * The directories of the demo's upper levels, 武汉市 and 湖北省: the departments that lead the items
 * the seed's annexes 2–5 cite, and their leaders (people invented). A district unit maps to the
 * department of the same remit one level up (区发改局 → 市发改委 → 省发改委), which is how the
 * upper notices name the lead unit of each item the district was handed.
 */
export type UpperLevel = 'city' | 'province';

type Remit = { district: string[]; city: string; province: string };

/** One line per remit: the district units of the seed, the city and province departments. */
const REMITS: Remit[] = [
  { district: ['区发改局'], city: '市发改委', province: '省发改委' },
  { district: ['区财政局'], city: '市财政局', province: '省财政厅' },
  { district: ['区科经局'], city: '市科技局', province: '省科技厅' },
  { district: ['区商务局'], city: '市商务局', province: '省商务厅' },
  { district: ['区交通运输局'], city: '市交通运输局', province: '省交通运输厅' },
  { district: ['区住房和城乡建设局'], city: '市住房和城乡建设局', province: '省住建厅' },
  { district: ['区农业农村局'], city: '市农业农村局', province: '省农业农村厅' },
  { district: ['区自然资源和规划局'], city: '市自然资源和规划局', province: '省自然资源厅' },
  { district: ['区园林和林业局'], city: '市园林和林业局', province: '省林业局' },
  { district: ['区生态环境分局'], city: '市生态环境局', province: '省生态环境厅' },
  { district: ['区人社局'], city: '市人社局', province: '省人社厅' },
  { district: ['区民政局'], city: '市民政局', province: '省民政厅' },
  { district: ['区教育局'], city: '市教育局', province: '省教育厅' },
  { district: ['区卫生健康局'], city: '市卫生健康委', province: '省卫生健康委' },
  { district: ['区医疗保障局'], city: '市医疗保障局', province: '省医保局' },
  { district: ['区公安分局'], city: '市公安局', province: '省公安厅' },
  { district: ['区市场监管局'], city: '市市场监管局', province: '省市场监管局' },
  { district: ['区城管执法局'], city: '市城管执法委', province: '省住建厅' },
  { district: ['区司法局'], city: '市司法局', province: '省司法厅' },
  { district: ['区统计局'], city: '市统计局', province: '省统计局' },
  { district: ['区金融办'], city: '市委金融办', province: '省委金融办' },
  { district: ['区委宣传部'], city: '市委宣传部', province: '省委宣传部' },
  { district: ['区残联'], city: '市残联', province: '省残联' },
  { district: ['团区委'], city: '团市委', province: '团省委' },
  { district: ['区水务和湖泊局'], city: '市水务局', province: '省水利厅' },
  { district: ['区文化和旅游局'], city: '市文化和旅游局', province: '省文化和旅游厅' },
];

/** The department one level up with the remit of a district unit; the government office when none. */
export function upperUnit(districtUnit: string, level: UpperLevel): string {
  const remit = REMITS.find((r) => r.district.includes(districtUnit));
  if (remit) return remit[level];
  return level === 'city' ? '市政府办公厅' : '省政府办公厅';
}

export function upperUnits(level: UpperLevel): { name: string }[] {
  return [...new Set(REMITS.map((r) => r[level]))].map((name) => ({ name }));
}

type UpperLeader = { name: string; title: string; remit: string[] };

/** Invented people; each leader is in charge of the remits listed (by city department). */
const LEADERS: Record<UpperLevel, UpperLeader[]> = {
  city: [
    { name: '郑国平', title: '市长', remit: ['市发改委', '市统计局', '市财政局'] },
    { name: '何建军', title: '常务副市长', remit: ['市委金融办', '市商务局', '市司法局', '市公安局'] },
    { name: '林涛', title: '副市长', remit: ['市科技局', '市人社局'] },
    {
      name: '罗佳',
      title: '副市长',
      remit: [
        '市教育局',
        '市卫生健康委',
        '市医疗保障局',
        '市民政局',
        '市残联',
        '团市委',
        '市委宣传部',
        '市文化和旅游局',
      ],
    },
    {
      name: '宋志远',
      title: '副市长',
      remit: ['市农业农村局', '市园林和林业局', '市生态环境局', '市水务局', '市自然资源和规划局'],
    },
    { name: '韩雪', title: '副市长', remit: ['市住房和城乡建设局', '市交通运输局', '市城管执法委', '市市场监管局'] },
  ],
  province: [
    { name: '刘振邦', title: '省长', remit: ['市发改委', '市统计局', '市财政局'] },
    { name: '孙伟民', title: '常务副省长', remit: ['市委金融办', '市商务局', '市司法局', '市公安局'] },
    { name: '陈立新', title: '副省长', remit: ['市科技局', '市人社局'] },
    {
      name: '杨晓华',
      title: '副省长',
      remit: [
        '市教育局',
        '市卫生健康委',
        '市医疗保障局',
        '市民政局',
        '市残联',
        '团市委',
        '市委宣传部',
        '市文化和旅游局',
      ],
    },
    {
      name: '高文杰',
      title: '副省长',
      remit: ['市农业农村局', '市园林和林业局', '市生态环境局', '市水务局', '市自然资源和规划局'],
    },
    { name: '徐春梅', title: '副省长', remit: ['市住房和城乡建设局', '市交通运输局', '市城管执法委', '市市场监管局'] },
  ],
};

export function upperLeaders(level: UpperLevel): { name: string; title: string }[] {
  return LEADERS[level].map(({ name, title }) => ({ name, title }));
}

/** The leader in charge of the item's lead district unit, at the given level. */
export function upperLeader(districtUnit: string, level: UpperLevel): string {
  const city = upperUnit(districtUnit, 'city');
  const leaders = LEADERS[level];
  return (leaders.find((l) => l.remit.includes(city)) ?? leaders[0]!).name;
}
