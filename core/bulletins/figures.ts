import type { Light } from '../supervision/lights';
import type { ProgressStatus } from '../reporting/states';
import type { Timeliness } from '../reporting/standing';

/**
 * What a bulletin (通报) says about a period, as figures that each keep the ids of the tasks,
 * reports and report entries behind them — so every number in the published text can be traced
 * to the reports it came from.
 */
/** A unit's timeliness for the period, from core/reporting/standing.ts. */
export type UnitReportingStatus = Timeliness;

export type BulletinFigures = {
  periodId: number;
  periodLabel: string;
  /** The deadline in force for the period (after any extension). */
  deadline: string;
  /** The day the figures describe: the generation day, or the next period's deadline if that came first. */
  asOf: string;
  year: number;
  notice: { id: number; title: string; docNumber: string | null };
  lights: { counts: Record<Light, number> & { total: number }; taskIds: Record<Light, number[]> };
  reporting: {
    expected: number;
    onTime: number;
    late: number;
    missing: number;
    pending: number;
    /** Units the period asks nothing of (tasks closed or arrived after the deadline); not in `expected`. Absent in bulletins generated before issue 14. */
    exempt?: number;
    /** Units whose report the office returned for changes (counted as on time or late by their first arrival). */
    returned?: number;
    units: {
      unitId: number;
      unitName: string;
      status: UnitReportingStatus;
      reportId: number | null;
      lateDays: number | null;
      approvedAt: string | null;
      /** The day the report first reached the office; its state in words; one line (退回修改（3月31日按时报送）). */
      reachedOn?: string | null;
      stateLabel?: string;
      returned?: boolean;
      text?: string;
      /** 按时报送, 逾期2个工作日报送, 逾期未报（已逾期5个工作日）… */
      timelinessLabel?: string;
    }[];
  };
  completed: TaskRef[];
  /** The tasks most behind (red before yellow, then by the gap to the schedule), at most a screenful. */
  behind: (TaskRef & { light: Light; reasons: string[]; leaders: string[]; units: string[] })[];
  behindTotal: { red: number; yellow: number };
  /** Report entries the office may pick as highlights (亮点): reported, with something said. */
  highlightCandidates: (TaskRef & { status: ProgressStatus; narrative: string; exceeded: boolean })[];
};

export type TaskRef = {
  taskId: number;
  annexNo: number;
  seq: string;
  standard: string;
  unitName: string | null;
  reportId: number | null;
  progressId: number | null;
};
