import type { ProgressStatus } from '../../core/reporting/states';

/**
 * What units write in their reports, by progress status, with the period's words ({q}: 一季度,
 * 上半年, 前三季度, 全年). Extends the demo's narratives (demo-reports.ts) so a province's million
 * entries do not all read alike.
 */
export const PERIOD_WORDS = ['一季度', '上半年', '前三季度', '全年'] as const;

export const NARRATIVES: Record<ProgressStatus, string[]> = {
  on_track: [
    '{q}已完成工作方案制定和任务分解，各项工作按序时推进。',
    '已召开专题推进会，明确责任人和时间节点，{q}进展顺利。',
    '项目前期手续办理完毕，已进入实施阶段，{q}进度符合计划。',
    '建立周调度、月通报工作机制，{q}各项指标稳步推进。',
    '{q}已完成阶段性目标，相关台账资料同步完善。',
    '加强与配合单位的协调联动，{q}重点环节均按计划完成。',
  ],
  at_risk: [
    '受资金到位时间影响，部分子项目进度偏慢，正在积极协调。',
    '部分用地报批手续仍在办理中，存在影响后续进度的风险。',
    '{q}受天气影响施工进度有所放缓，已制定赶工计划。',
    '部分配合单位工作衔接不够紧密，{q}进度略低于序时。',
  ],
  delayed: [
    '因项目选址调整，前期工作延后，{q}进度滞后。',
    '受招标流程影响，项目开工时间推迟，进度滞后于序时。',
    '资金缺口较大，{q}实际完成量低于序时进度。',
  ],
  not_started: ['正在开展前期调研，尚未启动实施。', '已完成初步方案，待审定后启动实施。'],
  completed: ['该项任务已全面完成，相关材料已归档。', '{q}已完成年度目标任务，正在巩固提升成效。'],
};

export const PROBLEMS = [
  '需要相关部门协调支持。',
  '建议加快财政资金拨付进度。',
  '需协调解决用地指标问题。',
  '部分配合单位进度不同步，需分管区领导统筹调度。',
];

export const NEXT_STEPS = [
  '二季度将加大推进力度，确保按期完成。',
  '下半年将倒排工期、挂图作战，确保完成全年目标。',
  '四季度将全力冲刺，确保全年目标任务如期完成。',
  '巩固工作成果，持续跟踪问效，做好下一年度工作衔接。',
];

/** The office's reasons when it returns a report: per task (at least one), and for the report. */
export const OFFICE_TASK_REASONS = [
  '进展描述过于笼统，请补充具体数据。',
  '指标完成值与佐证材料不一致，请核实。',
  '请补充存在问题及下一步工作措施。',
];
export const OFFICE_REPORT_REASON = '部分事项填报不规范，请修改后重新报送。';
export const HEAD_RETURN_REASON = '请补充佐证数据后重新提交。';
export const EXTENSION_REASON = '因节假日顺延报送时间';
