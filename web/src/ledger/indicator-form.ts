// The fields of an indicator the office corrects (on the task page and in the import preview): the
// same limits and reasons as the server (core/notice/indicator-fields.ts), said next to the field.
import type { Rule } from 'antd/es/form';
import {
  INDICATOR_NAME_MAX,
  INDICATOR_QUALIFIERS,
  INDICATOR_TARGET_LIMIT,
  INDICATOR_UNIT_MAX,
  POST_QUALIFIERS,
  PRE_QUALIFIERS,
} from '../../../core/notice/indicator-fields';

export { INDICATOR_NAME_MAX, INDICATOR_UNIT_MAX };

/** What the office types: the target as text, so "约30" is refused with a reason instead of read as 30. */
export interface IndicatorFormValues {
  name: string;
  unit: string;
  target: string;
  /** '' for none: a Select cannot hold null as a choosable value. */
  qualifier: string;
}

const FULL_WIDTH = /[０-９．，－]/g;

/**
 * The typed target as a number, or null when it is not one. Thousands separators and full-width
 * digits (as an IME types them) are read; anything else (约, 以上, 万) is not a number.
 */
export function parseTarget(text: string): number | null {
  const plain = text
    .replace(FULL_WIDTH, (c) =>
      c === '．' ? '.' : c === '，' ? ',' : c === '－' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/,/g, '')
    .trim();
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

export const nameRules: Rule[] = [
  { required: true, whitespace: true, message: '请填写指标名称' },
  { max: INDICATOR_NAME_MAX, message: `指标名称不超过 ${INDICATOR_NAME_MAX} 个字` },
];

export const unitRules: Rule[] = [
  { max: INDICATOR_UNIT_MAX, message: `计量单位不超过 ${INDICATOR_UNIT_MAX} 个字，如“个”“万元”“%”` },
  { pattern: /^[^\d]*$/, message: '计量单位不能含数字，数值请填在目标值中' },
];

export const targetRules: Rule[] = [
  { required: true, whitespace: true, message: '请填写目标值' },
  {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return;
      const n = parseTarget(value);
      if (n === null)
        throw new Error(`“${value.trim()}”不是数字：目标值只填数字，如 3000 或 2.5；“约”“以上”等请在限定词中选择`);
      if (Math.abs(n) > INDICATOR_TARGET_LIMIT) throw new Error('目标值超出允许范围');
    },
  },
];

export const qualifierOptions = [
  { value: '', label: '（无）' },
  ...PRE_QUALIFIERS.map((q) => ({ value: q, label: `${q}（写在数值前）` })),
  ...POST_QUALIFIERS.map((q) => ({ value: q, label: `${q}（写在数值后）` })),
];

/** The form's values for an indicator as stored. */
export function toFormValues(i: {
  name: string;
  unit: string;
  target: number;
  qualifier: string | null;
}): IndicatorFormValues {
  return {
    name: i.name,
    unit: i.unit,
    target: String(i.target),
    qualifier:
      i.qualifier !== null && (INDICATOR_QUALIFIERS as readonly string[]).includes(i.qualifier) ? i.qualifier : '',
  };
}

/** The values as the API takes them (the form has validated the target). */
export function fromFormValues(v: IndicatorFormValues): {
  name: string;
  unit: string;
  target: number;
  qualifier: string | null;
} {
  return {
    name: v.name.trim(),
    unit: v.unit.trim(),
    target: parseTarget(v.target) ?? Number.NaN,
    qualifier: v.qualifier || null,
  };
}
