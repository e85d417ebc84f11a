import type { Role } from '../roles';

/**
 * The life of a unit's quarterly report (DESIGN.md, UnitReport): a clerk drafts it, the unit's
 * principal head approves it to the office (主要负责人审定) or returns it, the office accepts it or
 * returns it with reasons per task. A returned report is edited like a draft.
 */
export const REPORT_STATES = ['draft', 'pending_head', 'submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: '草稿',
  pending_head: '待负责人审定',
  submitted: '已报送督查室',
  accepted: '已通过',
  returned: '已退回',
};

export type ReportTransition = 'submit' | 'approve' | 'head_return' | 'accept' | 'office_return' | 'withdraw' | 'head_withdraw';

export const TRANSITIONS: Record<ReportTransition, { from: readonly ReportState[]; to: ReportState; role: Role; label: string }> = {
  submit: { from: ['draft', 'returned'], to: 'pending_head', role: 'unit_staff', label: '提交负责人审定' },
  approve: { from: ['pending_head'], to: 'submitted', role: 'unit_head', label: '审定并报送' },
  head_return: { from: ['pending_head'], to: 'returned', role: 'unit_head', label: '退回修改' },
  accept: { from: ['submitted'], to: 'accepted', role: 'office', label: '审核通过' },
  office_return: { from: ['submitted'], to: 'returned', role: 'office', label: '退回' },
  // 撤回: a person takes back what the next person has not acted on yet.
  withdraw: { from: ['pending_head'], to: 'draft', role: 'unit_staff', label: '撤回' },
  head_withdraw: { from: ['submitted'], to: 'pending_head', role: 'unit_head', label: '撤回报送' },
};

/** States in which the unit's clerks may still change the report's content. */
export const EDITABLE_STATES: readonly ReportState[] = ['draft', 'returned'];

export const PROGRESS_STATUSES = ['not_started', 'on_track', 'at_risk', 'delayed', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  not_started: '未启动',
  on_track: '按序时推进',
  at_risk: '存在风险',
  delayed: '滞后',
  completed: '已完成',
};
