import { shuffle, type Dice } from './dice';

/**
 * Invented place and person names for the synthetic province. None is a demo organisation
 * (湖北省, 武汉市, 新洲区, 黄陂区) and the codes are in the 9xxxxx range, which no real
 * administrative division uses, so a generated world never collides with the demo's.
 */
export const PROVINCE = { name: '楚川省', short: '川', code: '910000' } as const;

// prettier-ignore
const CITY_NAMES = [
  '云泽', '临川', '青阳', '石城', '安远', '兴平', '嘉禾', '永宁', '长乐', '平湖', '宁远', '清河', '丰城', '瑞安', '泰和', '广陵', '江陵', '宜川', '定远',
  '崇安', '新宁', '东阳', '武陵', '南岳', '北宁', '西平', '金华', '玉山', '龙泉', '凤翔', '鹤庆', '桃源', '柳城', '梅江', '兰溪', '松滋', '桂阳', '荷塘',
  '枫林', '竹山',
];

// prettier-ignore
const DISTRICT_FIRST = [
  '东', '西', '南', '青', '白', '金', '石', '云', '松', '桃', '柳', '梅', '兰', '长', '高', '平', '安', '永', '清', '明', '龙', '凤', '鹤',
  '玉',
];
// prettier-ignore
const DISTRICT_SECOND = [
  '湖', '山', '溪', '江', '河', '城', '坪', '岭', '阳', '林', '桥', '泉', '港', '塘', '川', '原', '湾', '源', '岗', '沙',
];

/** The city's name (without 市) and code: 9101xx… one city per block of districts. */
export function cityName(cityIndex: number): string {
  const base = CITY_NAMES[(cityIndex - 1) % CITY_NAMES.length]!;
  // Beyond the list (more than 40 cities, 300+ districts) a numeral keeps names unique.
  return cityIndex > CITY_NAMES.length ? `${base}${Math.ceil(cityIndex / CITY_NAMES.length)}` : base;
}

const cityStems = new Set(CITY_NAMES);

/** All two-character district names, in an order fixed by the seed; none equals a city's. */
export function districtNames(dice: Dice): string[] {
  const all: string[] = [];
  for (const a of DISTRICT_FIRST) for (const b of DISTRICT_SECOND) if (!cityStems.has(a + b)) all.push(a + b);
  return shuffle(all, (name) => dice('district-name', name));
}

// prettier-ignore
const STREET_STEMS = [
  '前进', '和平', '人民', '胜利', '新华', '建设', '解放', '光明', '朝阳', '红星', '文昌', '凤凰', '柏林', '太平', '永安', '长岭', '双桥', '十里', '北塘',
  '五里', '白鹭', '三元', '老街', '东岳', '青石', '南门', '西湖', '古楼', '新港', '凤岗', '花园', '友谊', '民主', '公园', '滨江', '沿河', '书院', '学府',
  '金桥', '银湖', '翠屏', '望江',
];
// prettier-ignore
const TOWN_STEMS = [
  '大潭', '马集', '石桥', '柳河', '杨店', '高庙', '祁家', '罗汉', '塔耳', '蔡榨', '王家', '刘店', '周铺', '郑湾', '何岗', '胡集', '夏店', '黄花', '梅林',
  '桂花', '荷叶', '松林', '竹园', '茶店', '枣林', '李店', '姚集', '谢湾',
];

/** A district's streets (街道) and towns (镇), e.g. 前进街道, 大潭镇: units of its directory. */
export function streetsAndTowns(dice: Dice, district: number): string[] {
  const streets = shuffle(STREET_STEMS, (s) => dice('street', district, s)).slice(
    0,
    5 + Math.floor(dice('streets', district) * 4),
  );
  const towns = shuffle(TOWN_STEMS, (s) => dice('town', district, s)).slice(
    0,
    4 + Math.floor(dice('towns', district) * 4),
  );
  return [...streets.map((s) => `${s}街道`), ...towns.map((t) => `${t}镇`)];
}

// prettier-ignore
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢',
  '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '魏', '苏', '吕',
  '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石',
];
// prettier-ignore
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华',
  '文', '华', '建国', '建军', '志强', '国庆', '海燕', '春梅', '晓东', '晓燕', '红梅', '立新', '卫东', '志刚', '振华', '雪梅', '玉兰', '宏伟', '永红',
  '海涛', '德明', '学军', '新民', '光辉', '国华', '亚军', '凤英', '慧敏', '思远', '子涵', '雨桐', '浩然', '欣怡', '宇航', '梓萱', '俊杰', '诗琪', '嘉怡',
  '博文', '佳琪', '一鸣', '晨阳', '书瑶',
];

/**
 * `count` distinct person names for one organisation. Leaders (`distinctSurnames`) share neither
 * a surname nor a given name: the notice prints several in one cell and the parser repairs a
 * name one character away from a directory name (潘书瑶 → 黄书瑶), as PDF extraction garbles them.
 */
export function personNames(
  dice: Dice,
  key: string,
  count: number,
  opts: { distinctSurnames?: boolean } = {},
): string[] {
  const out: string[] = [];
  const used = new Set<string>();
  const parts = new Set<string>();
  for (let i = 0; out.length < count; i++) {
    const surname = SURNAMES[Math.floor(dice('surname', key, i) * SURNAMES.length)]!;
    const given = GIVEN[Math.floor(dice('given', key, i) * GIVEN.length)]!;
    const name = surname + given;
    if (used.has(name) || (opts.distinctSurnames && (parts.has(surname) || parts.has(given)))) continue;
    used.add(name);
    parts.add(surname);
    parts.add(given);
    out.push(name);
  }
  return out;
}
