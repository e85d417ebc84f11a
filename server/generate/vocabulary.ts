import { PARK_UNIT, type Portfolio } from './directory';
import { ECONOMY } from './vocabulary-economy';
import { SOCIETY } from './vocabulary-society';

/**
 * The vocabulary every generated notice is written from: categories of a Work Report (the
 * category cell of annex 1), each with phrases carrying quantities and measures without any.
 * A template is one phrase or measure; the upper levels' items and the districts' own tasks are
 * both drawn from the templates, so an upper item and the district target that cites it say the
 * same thing at two scales ("全省新建充电桩30000个" → "新建充电桩500个").
 */
export type Phrase = { t: string; u?: string[] };

export type Category = {
  name: string;
  /** The leader in charge of the category (see directory.ts). */
  portfolio: Portfolio;
  /** Lead unit first, then co-operating units, unless a phrase names its own. */
  units: string[];
  phrases: Phrase[];
  measures: string[];
};

export type Template = {
  id: number;
  category: number;
  text: string;
  units: string[];
  /** Names a street, the development zone or its committee: a district's own task, never an upper item. */
  local: boolean;
  /** Livelihood (民生) templates are what upper levels' livelihood projects are drawn from. */
  livelihood: boolean;
};

export const CATEGORIES: Category[] = [...ECONOMY, ...SOCIETY];

const LIVELIHOOD_CATEGORIES = new Set(['城市建设和管理', '教育事业', '卫生健康', '文化旅游', '民生保障']);

export const TEMPLATES: Template[] = CATEGORIES.flatMap((c, category) =>
  [...c.phrases, ...c.measures.map((t): Phrase => ({ t }))].map((p) => ({
    category,
    text: p.t,
    units: p.u ?? c.units,
  })),
).map((t, id) => ({
  ...t,
  id,
  local: /\{place\}|\{park\}/.test(t.text) || t.units.includes(PARK_UNIT),
  livelihood: LIVELIHOOD_CATEGORIES.has(CATEGORIES[t.category]!.name) && /\{\d/.test(t.text),
}));

const SLOT = /\{(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?\}/g;

/** Quantities that do not grow with the level: rates, limits in days or concentrations. */
const INTENSIVE = /^(%|个工作日|微克)/;

export type RenderInput = {
  /** The roll of the n-th quantity of the text. */
  roll: (slot: number) => number;
  /** How many districts' worth the text speaks for: 1 for a district, more for a city or the province. */
  scale: number;
  place?: string;
  park?: string;
};

function roundTo(value: number, decimals: number): string {
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals).replace(/\.?0+$/, '');
}

/** Two significant digits: a province's target reads 3000, not 2973. */
function roundScaled(value: number): string {
  if (value < 100) return String(Math.round(value));
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return String(Math.round(value / magnitude) * magnitude);
}

/** The template's text with its quantities drawn and its places named. */
export function renderTemplate(text: string, input: RenderInput): string {
  let slot = 0;
  return text
    .replace(SLOT, (_m, a: string, b: string, s: string | undefined, offset: number, whole: string) => {
      const min = Number(a);
      const max = Number(b);
      const step = Number(s ?? 1);
      const decimals = (s ?? a).includes('.') ? (s ?? a).split('.')[1]!.length : 0;
      const steps = Math.round((max - min) / step);
      const value = min + Math.floor(input.roll(slot++) * (steps + 1)) * step;
      const after = whole.slice(offset + _m.length);
      if (input.scale === 1 || INTENSIVE.test(after)) return roundTo(value, decimals);
      return roundScaled(value * input.scale);
    })
    .replaceAll('{place}', input.place ?? '')
    .replaceAll('{park}', input.park ?? '');
}
