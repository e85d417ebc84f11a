// What the office may write into an indicator when it corrects one (the import preview, the task
// page): the limits, the qualifiers the parser reads (indicators.ts) and how a target is worded.
// Shared by the API schemas, the server and the web forms, so all three say the same. Pure, tiny:
// the web imports it without the parser.

export const INDICATOR_NAME_MAX = 60;
export const INDICATOR_UNIT_MAX = 10;
/** A target beyond this is a typing slip, not a plan (the largest in the notices are 亿元 counts). */
export const INDICATOR_TARGET_LIMIT = 1e12;

/** Printed before the value: "不低于20%". */
export const PRE_QUALIFIERS = [
  '不低于',
  '不少于',
  '不高于',
  '不超过',
  '超过',
  '高于',
  '低于',
  '至少',
  '约',
  '超',
] as const;
/** Printed after the value: "6%左右", "60亿元以上". */
export const POST_QUALIFIERS = ['及以上', '以上', '以下', '以内', '左右', '上下', '多', '余'] as const;
export const INDICATOR_QUALIFIERS = [...PRE_QUALIFIERS, ...POST_QUALIFIERS] as const;
export type IndicatorQualifier = (typeof INDICATOR_QUALIFIERS)[number];

/** "不低于95%", "6%左右", "2400个以上": the target as the notice words it. */
export function targetWording(i: { target: number; unit: string; qualifier: string | null }): string {
  const q = i.qualifier ?? '';
  const value = `${i.target}${i.unit}`;
  return (PRE_QUALIFIERS as readonly string[]).includes(q) ? `${q}${value}` : `${value}${q}`;
}

export type IndicatorFields = { name: string; unit: string; target: number; qualifier: string | null };

/**
 * Why the office's values cannot be saved, field by field in Chinese (empty when they can). The
 * server answers with these; the forms check the same before sending.
 */
export function indicatorFieldErrors(v: IndicatorFields): Partial<Record<keyof IndicatorFields, string>> {
  const errors: Partial<Record<keyof IndicatorFields, string>> = {};
  const name = v.name.trim();
  if (name === '') errors.name = '指标名称不能为空';
  else if ([...name].length > INDICATOR_NAME_MAX)
    errors.name = `指标名称不超过 ${INDICATOR_NAME_MAX} 个字（现为 ${[...name].length} 个字）`;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  else if (/[\u0000-\u001f\u007f]/.test(name)) errors.name = '指标名称不能含换行或控制字符';
  const unit = v.unit.trim();
  if ([...unit].length > INDICATOR_UNIT_MAX) errors.unit = `计量单位不超过 ${INDICATOR_UNIT_MAX} 个字，如“个”“万元”“%”`;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  else if (/[\u0000-\u001f\u007f\d]/.test(unit)) errors.unit = '计量单位不能含数字或控制字符，数值请填在目标值中';
  if (typeof v.target !== 'number' || !Number.isFinite(v.target)) errors.target = '目标值须为数字，如 3000 或 2.5';
  else if (Math.abs(v.target) > INDICATOR_TARGET_LIMIT) errors.target = '目标值超出允许范围';
  if (v.qualifier !== null && !(INDICATOR_QUALIFIERS as readonly string[]).includes(v.qualifier)) {
    errors.qualifier = `限定词只能是：${INDICATOR_QUALIFIERS.join('、')}，或不填`;
  }
  return errors;
}
