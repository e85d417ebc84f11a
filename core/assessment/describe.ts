import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../reporting/states';
import { QUALITY_RATINGS, QUALITY_RATING_LABELS, type AssessmentScheme } from './scheme';

const n = (x: number) => String(Math.round(x * 100) / 100);
const pct = (x: number) => `${n(x * 100)}%`;

/** The scheme in the words of an official document (考核办法), one sentence per rule. */
export function describeScheme(s: AssessmentScheme): string[] {
  const w = s.weights;
  // From done to not started, the way the scheme is read.
  const order: ProgressStatus[] = ['completed', 'on_track', 'at_risk', 'delayed', 'not_started'];
  const statuses = order.map((k) => `${PROGRESS_STATUS_LABELS[k]}${pct(s.completion.statusPoints[k])}`);
  const ratings = QUALITY_RATINGS.map((r) => `${QUALITY_RATING_LABELS[r]}${pct(s.quality.ratingPoints[r])}`);
  const indicatorShare = s.completion.indicatorShare;
  return [
    `考核满分${n(w.reporting + w.completion + w.quality)}分，其中报送情况${n(w.reporting)}分、任务完成情况${n(w.completion)}分、报告质量${n(w.quality)}分，另设超额完成加分（最高${n(s.bonus.cap)}分）和一票否决。`,
    `报送情况：各到期报送期平均分配分值，经单位主要负责人审定按时报送督查室的得满分，逾期每天扣${n(s.reporting.lateDeductionPerDay)}分（扣完该期分值为止），未报送的该期不得分。`,
    `任务完成情况：按各事项最近一次报送的进展计分（${statuses.join('、')}）` +
      (indicatorShare > 0 ? `，有量化指标的事项进展占${pct(1 - indicatorShare)}、指标完成率占${pct(indicatorShare)}` : '') +
      `；牵头事项权重${n(s.completion.roleWeights.lead)}、配合事项权重${n(s.completion.roleWeights.co)}，加权平均后乘以分值；未报送进展的事项计0分。`,
    `报告质量：督查室对每期报告评定等次（${ratings.join('、')}），按该期分值的相应比例计分，未评定的按${QUALITY_RATING_LABELS[s.quality.unrated]}计，未报送的不得分。`,
    `加分：量化指标超过目标${pct(s.bonus.exceedBy)}及以上的，每项加${n(s.bonus.perIndicator)}分（配合事项按权重折算），最高加${n(s.bonus.cap)}分。`,
    '一票否决：被一票否决的单位总分计0分，等次为不合格，排名列最后。',
    `等次：${n(s.grades.excellent)}分及以上为优秀，${n(s.grades.good)}分及以上为良好，${n(s.grades.pass)}分及以上为合格，${n(s.grades.pass)}分以下为不合格。`,
  ];
}
