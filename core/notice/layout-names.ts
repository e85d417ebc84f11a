// The Chinese names of the layouts (strategies/), as the import preview shows them.

import type { LayoutName } from './types';

export const LAYOUT_NAMES: Record<LayoutName, string> = {
  table: '表格（一行一项任务）',
  'pipe-table': '竖线分隔的表格',
  'cell-table': '逐格换行的表格（从网页或 PDF 复制）',
  labelled: '编号任务 + “牵头单位：…”标注行',
  inline: '编号任务 + 括号内标注责任单位',
  headings: '多级编号标题（一、（一）1.（1）①）',
  'free-text': '正文写明分工（“由…牵头，…配合”）',
  grouped: '按领导或单位分组列出',
  'key-value': '逐项“任务：… 牵头单位：…”块',
  'indicator-table': '指标表（指标 / 目标值 / 责任单位）',
};
