// Chinese labels for the notice-import screens.
import type { AnnexKind, RepairField } from '../../../core/notice/types';
import type { DiffField } from './types';

export const ANNEX_KIND_LABELS: Record<AnnexKind, string> = {
  'district-gwr': '区政府工作报告',
  'province-gwr': '省政府工作报告',
  'province-livelihood': '省民生实事',
  'city-gwr': '市政府工作报告',
  'city-livelihood': '市民生实事',
  other: '其他',
};

// Presets whose text meets WCAG AA (4.5:1) on their pale background: cyan and green do not.
export const ANNEX_KIND_COLORS: Record<AnnexKind, string> = {
  'district-gwr': 'red',
  'province-gwr': 'blue',
  'province-livelihood': 'purple',
  'city-gwr': 'geekblue',
  'city-livelihood': 'magenta',
  other: 'default',
};

export const REPAIR_FIELD_LABELS: Record<RepairField, string> = {
  leaders: '分管区领导',
  units: '责任单位',
  category: '目标名称',
  row: '整行',
  seq: '序号',
  standard: '工作标准',
  indicators: '量化指标',
};

export const DIFF_FIELD_LABELS: Record<DiffField, string> = {
  standard: '工作标准/区目标',
  upstreamNo: '上级序号',
  upstreamItem: '上级事项',
  deadline: '完成时限',
  category: '目标名称',
  leaders: '分管区领导',
  units: '责任单位',
};

export const FORMAT_LABELS: Record<string, string> = {
  text: '文本（.txt）',
  docx: 'Word（.docx）',
  xlsx: 'Excel（.xlsx）',
  csv: 'CSV',
  pdf: 'PDF（.pdf）',
  ofd: 'OFD（.ofd）',
  image: '扫描图片',
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Diff values as a clerk reads them: lists joined with 、, empty as （空）. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.length ? v.join('、') : '（空）';
  return String(v);
}
