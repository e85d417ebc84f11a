import type { ProgressStatus, ReportState } from '../reporting/states';
import type { Standing } from '../reporting/standing';
import type { Grade, Part, QualityRating } from './scheme';

/** What scoreUnits() reads: the facts of one run, gathered by the server, no I/O here. */
export type ScorePeriod = {
  id: number;
  label: string;
  noticeId: number;
  /** Order within the notice (position): the later period's entry is the task's latest. */
  order: number;
  /** Counted for reporting and quality (its deadline has passed, or the office chose it). */
  due: boolean;
};
export type ScoreIndicator = { id: number; name: string; target: number; unit: string; qualifier: string | null };
export type ScoreTask = {
  id: number;
  noticeId: number;
  annexNo: number;
  seq: string;
  /** The unit's role on the task: lead (牵头) or co-operating (配合). */
  role: 'lead' | 'co';
  indicators: ScoreIndicator[];
};
export type ScoreUnit = { id: number; name: string; tasks: ScoreTask[] };
/** Where a report stands (core/reporting/standing.ts): the score reads it, never the report's state. */
export type ScoreStanding = Pick<Standing, 'kind' | 'label' | 'reached' | 'lateDays' | 'inOffice' | 'timelinessLabel'>;
export type ScoreReport = {
  id: number;
  periodId: number;
  unitId: number;
  state: ReportState;
  standing: ScoreStanding;
  qualityRating: QualityRating | null;
};
export type ScoreEntry = {
  progressId: number;
  reportId: number;
  taskId: number;
  status: ProgressStatus;
  actuals: { indicatorId: number; value: number | null }[];
};
export type AssessmentInput = {
  periods: ScorePeriod[];
  units: ScoreUnit[];
  reports: ScoreReport[];
  /** Periods that ask a unit nothing (its tasks closed or handed down after the deadline): neither due nor scored. */
  exempt?: { periodId: number; unitId: number }[];
  entries: ScoreEntry[];
  vetoes: { unitId: number; reason: string }[];
};

/** Where a breakdown line comes from: the traceability of every figure. */
export type BreakdownSource =
  | { kind: 'report'; periodId: number; periodLabel: string; reportId: number | null }
  | {
      kind: 'task';
      taskId: number;
      annexNo: number;
      seq: string;
      role: 'lead' | 'co';
      periodLabel: string | null;
      reportId: number | null;
      progressId: number | null;
    }
  | {
      kind: 'indicator';
      indicatorId: number;
      name: string;
      taskId: number;
      annexNo: number;
      seq: string;
      periodLabel: string;
      reportId: number;
      progressId: number;
    }
  | { kind: 'cap' };

export type BreakdownLine = {
  part: Part;
  /** What this line adds to its part (two decimals); a part is the sum of its lines. */
  points: number;
  /** What the line could have earned at most, when that is meaningful. */
  max: number | null;
  text: string;
  source: BreakdownSource;
};

export type UnitScore = {
  unitId: number;
  unitName: string;
  reporting: number;
  completion: number;
  quality: number;
  bonus: number;
  /** reporting + completion + quality + bonus, before adjustment and veto. */
  computed: number;
  lines: BreakdownLine[];
  vetoed: boolean;
  vetoReason: string | null;
};

export type RankedScore = UnitScore & { adjustment: number; final: number; rank: number; grade: Grade };
