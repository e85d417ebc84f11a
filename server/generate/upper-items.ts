import type { AnnexKind } from '../../core/notice';
import type { UpperLevel } from '../demo/upper-directory';
import { pick, shuffle, type Dice } from './dice';
import { renderTemplate, TEMPLATES, type Template } from './vocabulary';

/**
 * The items of an upper level's yearly notice (the province's or a city's Work Report tasks and
 * livelihood projects), numbered as printed — the numbers the districts cite in annexes 2–5.
 * Drawn from the vocabulary per organisation and year, at the level's scale.
 */
export type UpperKind = Extract<AnnexKind, 'province-gwr' | 'province-livelihood' | 'city-gwr' | 'city-livelihood'>;

export type UpperItem = { kind: UpperKind; no: number; template: Template; text: string; deadline: string };

/** How many items each annex holds, and how many of them each district is handed. */
export const UPPER_SHAPE: Record<UpperKind, { items: number; cited: number; firstNo: (gwrItems: number) => number }> = {
  'province-gwr': { items: 120, cited: 24, firstNo: () => 1 },
  // The province numbers its livelihood projects after its Work Report items (the seed's 122–131).
  'province-livelihood': { items: 10, cited: 10, firstNo: (gwr) => gwr + 1 },
  'city-gwr': { items: 100, cited: 10, firstNo: () => 1 },
  'city-livelihood': { items: 20, cited: 4, firstNo: () => 1 },
};

/** A city speaks for about ten districts' worth of work, the province for eighty. */
const SCALE: Record<UpperLevel, number> = { city: 10, province: 80 };
const SCOPE: Record<UpperLevel, string> = { city: '全市', province: '全省' };
const DEADLINES = ['6月', '9月', '11月', '12月', '12月', '12月', '12月', '12月'];

export function upperItems(dice: Dice, level: UpperLevel, orgCode: string, year: number): UpperItem[] {
  const gwrKind: UpperKind = level === 'city' ? 'city-gwr' : 'province-gwr';
  const livelihoodKind: UpperKind = level === 'city' ? 'city-livelihood' : 'province-livelihood';
  const candidates = TEMPLATES.filter((t) => !t.local);
  const order = (key: string) => shuffle(candidates, (t) => dice(key, orgCode, year, t.id));
  // Livelihood projects first (they come from fewer templates), then the Work Report items.
  const livelihood = order('upper-livelihood')
    .filter((t) => t.livelihood)
    .slice(0, UPPER_SHAPE[livelihoodKind].items);
  const taken = new Set(livelihood.map((t) => t.id));
  const gwr = order('upper-gwr')
    .filter((t) => !taken.has(t.id))
    .slice(0, UPPER_SHAPE[gwrKind].items);
  const items = (kind: UpperKind, templates: Template[], firstNo: number): UpperItem[] =>
    [...templates]
      .sort((a, b) => a.id - b.id)
      .map((template, i) => ({
        kind,
        no: firstNo + i,
        template,
        text:
          SCOPE[level] +
          renderTemplate(template.text, {
            roll: (slot) => dice('upper-qty', orgCode, year, template.id, slot),
            scale: SCALE[level],
          }),
        deadline: /%/.test(template.text)
          ? '12月'
          : pick(dice('upper-deadline', orgCode, year, template.id), DEADLINES),
      }));
  return [
    ...items(gwrKind, gwr, UPPER_SHAPE[gwrKind].firstNo(0)),
    ...items(livelihoodKind, livelihood, UPPER_SHAPE[livelihoodKind].firstNo(UPPER_SHAPE[gwrKind].items)),
  ];
}

/** The items a district is handed this year: a share of each annex, in printed order. */
export function citedItems(dice: Dice, districtIndex: number, year: number, items: UpperItem[]): UpperItem[] {
  const out: UpperItem[] = [];
  for (const kind of Object.keys(UPPER_SHAPE) as UpperKind[]) {
    const ofKind = items.filter((i) => i.kind === kind);
    if (ofKind.length === 0) continue;
    const chosen = shuffle(ofKind, (i) => dice('cited', districtIndex, year, kind, i.no)).slice(
      0,
      UPPER_SHAPE[kind].cited,
    );
    out.push(...chosen.sort((a, b) => a.no - b.no));
  }
  return out;
}
