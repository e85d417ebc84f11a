import { describe, expect, it } from 'vitest';
import { fromFormValues, parseTarget, targetRules, toFormValues } from './indicator-form';

const validate = async (value: string) => {
  const rule = targetRules[1] as { validator: (r: unknown, v: string) => Promise<void> };
  try {
    await rule.validator(null, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('the indicator form', () => {
  it('reads a typed target only when it is a number: separators and full-width digits yes, 约 or 万 no', () => {
    expect(parseTarget('3000')).toBe(3000);
    expect(parseTarget(' 3,000 ')).toBe(3000);
    expect(parseTarget('２．５')).toBe(2.5);
    expect(parseTarget('-1.5')).toBe(-1.5);
    for (const text of ['约30', '30以上', '3万', '1e3', '', '3.', 'Infinity'])
      expect(parseTarget(text), text).toBeNull();
  });

  it('says why a target is refused, in Chinese, naming what was typed', async () => {
    expect(await validate('约30')).toBe('“约30”不是数字：目标值只填数字，如 3000 或 2.5；“约”“以上”等请在限定词中选择');
    expect(await validate('1'.repeat(14))).toBe('目标值超出允许范围');
    expect(await validate('3200')).toBeNull();
  });

  it('round-trips an indicator, with no qualifier as an empty choice', () => {
    const stored = { name: '新增公共停车位', unit: '个', target: 750, qualifier: null };
    expect(toFormValues(stored)).toEqual({ name: '新增公共停车位', unit: '个', target: '750', qualifier: '' });
    expect(fromFormValues({ name: ' 新增公共停车位 ', unit: '个', target: '800', qualifier: '以上' })).toEqual({
      ...stored,
      target: 800,
      qualifier: '以上',
    });
  });
});
