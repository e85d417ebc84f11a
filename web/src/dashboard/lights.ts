import { LIGHT_LABELS, type Light } from '../../../core/supervision/lights';
import type { LightCounts } from './api';

export { LIGHT_LABELS };

/** Worst first: the order of cards, legends and stacks. */
export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'green', 'blue', 'grey'];

export const LIGHT_COLORS: Record<Light, string> = {
  red: '#cf1322',
  yellow: '#faad14',
  green: '#389e0d',
  blue: '#1677ff',
  grey: '#8c8c8c',
};

/** antd Tag colours matching the lights. */
export const LIGHT_TAG_COLORS: Record<Light, string> = {
  red: 'error',
  yellow: 'warning',
  green: 'success',
  blue: 'processing',
  grey: 'default',
};

export const LIGHT_HINTS: Record<Light, string> = {
  red: '逾期未报、单位报告滞后或落后序时进度较多',
  yellow: '单位报告存在风险或略落后序时进度',
  green: '按序时进度推进',
  blue: '已完成并经督查室审核通过',
  grey: '尚无报送记录，暂未评价',
};

export const share = (n: number, total: number) => (total > 0 ? n / total : 0);
export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Tasks with a light other than grey: reports have come in for them. */
export const evaluated = (c: LightCounts) => c.red + c.yellow + c.green + c.blue;
