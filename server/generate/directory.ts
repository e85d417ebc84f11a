import { upperUnits, type UpperLevel } from '../demo/upper-directory';
import { makeDice, type Dice } from './dice';
import { districtNames, personNames, streetsAndTowns } from './names';

/**
 * The directory of a generated district: ~60 units (the usual 区 departments, a few that only some
 * districts list, its streets and towns) and 8 leaders, each with a portfolio — the departments
 * the leader is in charge of, which is how a task's leader follows from its lead unit. Pure: the
 * same seed and district number give the same directory, so accounts can be found without the
 * database (see generatedAccounts).
 */
export type Portfolio = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The development zone's management committee, named after the district (e.g. 青山经开区管委会). */
export const PARK_UNIT = 'PARK';

// prettier-ignore
const CORE: [string, Portfolio][] = [
  ['区政府办', 0], ['区发改局', 0], ['区统计局', 0], ['区委宣传部', 0], ['区财政局', 1], ['区审计局', 1], ['区金融办', 1], ['区税务局', 1],
  ['区投资促进局', 1], ['区商务局', 1], ['区市场监管局', 1], ['区科经局', 2], [PARK_UNIT, 2], ['区政务服务和大数据管理局', 2], ['区行政审批局', 2],
  ['区农业农村局', 3], ['区水务和湖泊局', 3], ['区园林和林业局', 3], ['区生态环境分局', 3], ['区供销社', 3], ['区住房和城乡建设局', 4], ['区交通运输局', 4],
  ['区自然资源和规划局', 4], ['区城管执法局', 4], ['区房管局', 4], ['区供电公司', 4], ['区城投集团', 4], ['区教育局', 5], ['区卫生健康局', 5],
  ['区文化和旅游局', 5], ['区医疗保障局', 5], ['区融媒体中心', 5], ['区公安分局', 6], ['区司法局', 6], ['区应急管理局', 6], ['区信访局', 6],
  ['区消防救援大队', 6], ['区民政局', 7], ['区人社局', 7], ['区退役军人事务局', 7], ['区残联', 7], ['团区委', 7],
];

/** Listed by some districts only (the notice names them when they have tasks). */
// prettier-ignore
const OPTIONAL: [string, Portfolio][] = [
  ['区气象局', 3], ['区人防办', 4], ['区档案馆', 0], ['区科协', 2], ['区妇联', 7], ['区总工会', 7], ['区机关事务服务中心', 1], ['区委网信办', 5],
  ['区国资局', 1],
];

/** The department names the vocabulary may use: every district has them. */
export const CORE_UNITS: ReadonlySet<string> = new Set(CORE.map(([name]) => name));

// prettier-ignore
const LEADER_TITLES = [
  '区委副书记、区长', '区委常委、常务副区长', '副区长', '副区长', '副区长', '副区长', '副区长、区公安分局局长', '副区长',
];

export type GeneratedUnit = { name: string; portfolio: Portfolio; street: boolean };
export type GeneratedLeader = { name: string; title: string; portfolio: Portfolio };

export type DistrictDirectory = {
  /** 1-based, the number in the usernames (g001…). */
  index: number;
  /** 1-based city number. */
  cityIndex: number;
  code: string;
  /** e.g. 青山区 */
  name: string;
  /** e.g. 青山 */
  stem: string;
  /** 青山经开区 */
  park: string;
  units: GeneratedUnit[];
  leaders: GeneratedLeader[];
  streets: string[];
};

/** Districts per city: one city holds all of them up to the city scale (15), else about 8 each. */
export function cityCount(districts: number): number {
  return districts <= 15 ? 1 : Math.ceil(districts / 8);
}

/** Which city a district belongs to and its place in it (both 1-based), districts spread evenly. */
export function cityOf(district: number, districts: number): { cityIndex: number; position: number } {
  const cities = cityCount(districts);
  const per = Math.ceil(districts / cities);
  return { cityIndex: Math.floor((district - 1) / per) + 1, position: ((district - 1) % per) + 1 };
}

export const cityCode = (cityIndex: number) => `91${String(cityIndex).padStart(2, '0')}00`;

const namesBySeed = new Map<string, string[]>();

export function districtDirectory(seed: string, index: number, districts: number): DistrictDirectory {
  const dice = makeDice(seed);
  if (!namesBySeed.has(seed)) namesBySeed.set(seed, districtNames(dice));
  const stem = namesBySeed.get(seed)![index - 1]!;
  const { cityIndex, position } = cityOf(index, districts);
  const park = `${stem}经开区`;
  const streets = streetsAndTowns(dice, index);
  const units: GeneratedUnit[] = [
    ...CORE.map(([name, portfolio]) => ({
      name: name === PARK_UNIT ? `${park}管委会` : name,
      portfolio,
      street: false,
    })),
    ...OPTIONAL.filter(([name]) => dice('optional-unit', index, name) < 0.55).map(([name, portfolio]) => ({
      name,
      portfolio,
      street: false,
    })),
    ...streets.map((name) => ({ name, portfolio: 3 as Portfolio, street: true })),
  ];
  const leaders = personNames(dice, `leaders:${index}`, LEADER_TITLES.length, { distinctSurnames: true }).map(
    (name, i) => ({
      name,
      title: LEADER_TITLES[i]!,
      portfolio: i as Portfolio,
    }),
  );
  return {
    index,
    cityIndex,
    code: `91${String(cityIndex).padStart(2, '0')}${String(position).padStart(2, '0')}`,
    name: `${stem}区`,
    stem,
    park,
    units,
    leaders,
    streets,
  };
}

/** A vocabulary unit name as this district spells it (PARK → 青山经开区管委会). */
export function unitName(directory: Pick<DistrictDirectory, 'park'>, name: string): string {
  return name === PARK_UNIT ? `${directory.park}管委会` : name;
}

/** The leader in charge of a unit: the one holding its portfolio. */
export function portfolioOf(name: string): Portfolio {
  if (name === PARK_UNIT || name.endsWith('经开区管委会')) return 2;
  return (CORE.find(([n]) => n === name) ?? OPTIONAL.find(([n]) => n === name))?.[1] ?? 3;
}

export type UpperDirectory = {
  level: UpperLevel;
  code: string;
  /** 楚川省, 云泽市 */
  name: string;
  units: string[];
  leaders: GeneratedLeader[];
  /** The government office: lead unit of items no department's remit covers. */
  generalOffice: string;
};

const UPPER_TITLES: Record<UpperLevel, string[]> = {
  province: ['省长', '常务副省长', '副省长', '副省长', '副省长', '副省长', '副省长、省公安厅厅长', '副省长'],
  city: ['市长', '常务副市长', '副市长', '副市长', '副市长', '副市长', '副市长、市公安局局长', '副市长'],
};

/** The province's or a city's directory: the demo's upper departments (upper-directory.ts) and 8 leaders. */
export function upperDirectory(seed: string, level: UpperLevel, code: string, name: string): UpperDirectory {
  const dice: Dice = makeDice(seed);
  const generalOffice = level === 'city' ? '市政府办公厅' : '省政府办公厅';
  return {
    level,
    code,
    name,
    units: [...upperUnits(level).map((u) => u.name), generalOffice],
    leaders: personNames(dice, `leaders:${code}`, 8, { distinctSurnames: true }).map((n, i) => ({
      name: n,
      title: UPPER_TITLES[level][i]!,
      portfolio: i as Portfolio,
    })),
    generalOffice,
  };
}
