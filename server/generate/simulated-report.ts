import type { QualityRating } from '../../core/assessment/scheme';
import {
  TRANSITIONS,
  type ProgressStatus,
  type ReportState,
  type ReportTransition,
} from '../../core/reporting/states';
import { beijingDate } from '../clock';
import type { IdAllocator } from './bulk';
import { addDays, GENERATED_TODAY, plusMinutes } from './calendar';
import { pick, type Dice } from './dice';
import type { DistrictProfile } from './profile';
import {
  NARRATIVES,
  NEXT_STEPS,
  OFFICE_REPORT_REASON,
  OFFICE_TASK_REASONS,
  PERIOD_WORDS,
  PROBLEMS,
} from './report-texts';

/** The inputs of a district-year's plan (report-plan.ts) and the rows it produces. */
export type Person = { id: number; name: string };
export type PlanUnit = { id: number; name: string; clerk: Person; head: Person };
export type PlanTask = { taskId: number; version: number; role: 'lead' | 'co' };
export type PlanIndicator = { id: number; target: number; unit: string };
export type PlanPeriod = { id: number; position: number; label: string; deadline: string };

export type YearPlanInput = {
  dice: Dice;
  profile: DistrictProfile;
  district: number;
  year: number;
  orgId: number;
  office: Person;
  issuedDate: string;
  units: PlanUnit[];
  /** What openReport would put in the unit's report (tasksToReport), in printed order. */
  tasksOf: (unitId: number) => PlanTask[];
  indicatorsOf: (taskId: number) => PlanIndicator[];
  periods: PlanPeriod[];
  ids: IdAllocator;
};

// prettier-ignore
export const REPORT_COLUMNS = [
  'id', 'org_id', 'period_id', 'unit_id', 'state', 'version', 'submitted_at', 'submitted_by', 'approved_at',
  'approved_by', 'first_reached_on', 'office_returns', 'return_reason', 'returned_by_role', 'reviewed_at', 'reviewed_by',
  'quality_rating', 'created_at', 'updated_at',
] as const;
// prettier-ignore
export const ENTRY_COLUMNS = [
  'id', 'org_id', 'report_id', 'task_id', 'unit_role', 'task_version', 'status', 'narrative', 'problems',
  'next_steps', 'office_comment', 'version', 'updated_by', 'updated_by_name', 'updated_at',
] as const;
export const ACTUAL_COLUMNS = ['id', 'org_id', 'progress_id', 'indicator_id', 'value', 'note'] as const;
// prettier-ignore
export const NOTIFICATION_COLUMNS = [
  'id', 'org_id', 'user_id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at',
] as const;

export type PeriodPatch = {
  id: number;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  extended_deadline: string | null;
  extension_reason: string | null;
  updated_at: string;
};

export type YearPlan = {
  periods: PeriodPatch[];
  reports: unknown[][];
  entries: unknown[][];
  actuals: unknown[][];
  notifications: unknown[][];
};

type Entry = {
  id: number;
  task: PlanTask;
  status: ProgressStatus;
  narrative: string;
  problems: string;
  nextSteps: string;
  officeComment: string | null;
  version: number;
  updatedBy: Person | null;
  updatedAt: string;
  actuals: Map<number, { id: number; value: number }>;
};

type ReportRow = {
  state: ReportState;
  version: number;
  submitted_at: string | null;
  submitted_by: number | null;
  approved_at: string | null;
  approved_by: number | null;
  first_reached_on: string | null;
  office_returns: number;
  return_reason: string | null;
  returned_by_role: 'unit_head' | 'office' | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  quality_rating: QualityRating | null;
  updated_at: string;
};

/** Unread are the notifications of the last few days before the business date. */
const READ_BEFORE = addDays(GENERATED_TODAY, -3);

/**
 * One unit's report for one period, simulated as the reporting services would have left it: it is
 * moved through the same steps (open → save entries → submit → approve → accept or
 * return → …) with the same patches as transitions.service.ts (the first arrival's Beijing date,
 * versions, who and when), checked against
 * core/reporting/states.ts, and with the notifications each step sends (notifyTransition). Only
 * the times differ from a live run: they come from the business calendar, not the wall clock.
 */
export class SimulatedReport {
  readonly id: number;
  readonly row: ReportRow;
  readonly entries: Entry[];

  constructor(
    private readonly plan: YearPlan,
    private readonly input: YearPlanInput,
    private readonly period: PlanPeriod & { effectiveDeadline: string },
    private readonly unit: PlanUnit,
    readonly createdAt: string,
  ) {
    this.id = input.ids.take('unit_reports');
    this.row = {
      state: 'draft',
      version: 1,
      submitted_at: null,
      submitted_by: null,
      approved_at: null,
      approved_by: null,
      first_reached_on: null,
      office_returns: 0,
      return_reason: null,
      returned_by_role: null,
      reviewed_at: null,
      reviewed_by: null,
      quality_rating: null,
      updated_at: createdAt,
    };
    this.entries = input.tasksOf(unit.id).map((task) => ({
      id: input.ids.take('task_progress'),
      task,
      status: 'not_started',
      narrative: '',
      problems: '',
      nextSteps: '',
      officeComment: null,
      version: 1,
      updatedBy: null,
      updatedAt: createdAt,
      actuals: new Map(),
    }));
  }

  /** saveProgress: the entry's content and every indicator's actual, version + 1. */
  save(entry: Entry, at: string) {
    const { dice, district, year, profile } = this.input;
    const q = this.period.position;
    const key = `${district}:${year}:${this.unit.name}:${entry.task.taskId}`;
    const status = progressStatus(dice, profile, key, q);
    const narratives = NARRATIVES[status];
    entry.status = status;
    entry.narrative = pick(dice('text', key, q, entry.version), narratives).replaceAll(
      '{q}',
      PERIOD_WORDS[Math.min(q, 3)]!,
    );
    entry.problems = status === 'at_risk' || status === 'delayed' ? pick(dice('problem', key, q), PROBLEMS) : '';
    entry.nextSteps = NEXT_STEPS[Math.min(q, 3)]!;
    entry.version += 1;
    entry.updatedBy = this.unit.clerk;
    entry.updatedAt = at;
    for (const indicator of this.input.indicatorsOf(entry.task.taskId)) {
      const value = actualValue(dice(`actual`, key, indicator.id, q), indicator, status, q);
      const existing = entry.actuals.get(indicator.id);
      if (existing) existing.value = value;
      else entry.actuals.set(indicator.id, { id: this.input.ids.take('indicator_actuals'), value });
    }
  }

  /** The clerk fills the entries one after another, a couple of minutes each. */
  fill(from: string, share = 1): string {
    let at = from;
    for (const [i, entry] of this.entries.entries()) {
      if (share < 1 && this.input.dice('fill', this.id, i) >= share) continue;
      at = plusMinutes(at, 2 + Math.floor(this.input.dice('fill-minutes', this.id, i) * 5));
      this.save(entry, at);
    }
    return at;
  }

  /** transitionReport's patch for each move, with the notification it sends. */
  move(transition: ReportTransition, at: string, reason?: string) {
    const rule = TRANSITIONS[transition];
    if (!rule.from.includes(this.row.state))
      throw new Error(`generator: ${transition} from ${this.row.state} (report ${this.id})`);
    const r = this.row;
    switch (transition) {
      case 'submit':
        Object.assign(r, {
          submitted_at: at,
          submitted_by: this.unit.clerk.id,
          return_reason: null,
          returned_by_role: null,
        });
        for (const e of this.entries) e.officeComment = null;
        break;
      case 'approve':
        Object.assign(r, {
          approved_at: at,
          approved_by: this.unit.head.id,
          // The first arrival is kept through returns (core/reporting/standing.ts), as transitionReport does.
          first_reached_on: r.first_reached_on ?? beijingDate(new Date(at)),
        });
        break;
      case 'head_return':
        Object.assign(r, { return_reason: reason!, returned_by_role: 'unit_head' });
        break;
      case 'accept':
        Object.assign(r, { reviewed_at: at, reviewed_by: this.input.office.id });
        break;
      case 'office_return':
        Object.assign(r, {
          reviewed_at: at,
          reviewed_by: this.input.office.id,
          return_reason: reason || null,
          returned_by_role: 'office',
          office_returns: r.office_returns + 1,
        });
        break;
    }
    r.state = rule.to;
    r.version += 1;
    r.updated_at = at;
    this.notify(transition, at, reason);
  }

  /** The office returns with a reason on one to three tasks, which the clerk then corrects. */
  officeReturn(at: string): Entry[] {
    const n = Math.min(this.entries.length, 1 + Math.floor(this.input.dice('returned-tasks', this.id) * 3));
    const returned = this.entries.slice(0, n);
    this.move('office_return', at, OFFICE_REPORT_REASON);
    returned.forEach((e, i) => (e.officeComment = OFFICE_TASK_REASONS[i % OFFICE_TASK_REASONS.length]!));
    return returned;
  }

  private notify(transition: ReportTransition, at: string, reason?: string) {
    const { label } = this.period;
    const unitLink = `/unit/report/${this.period.id}`;
    const unitUsers = [this.unit.clerk.id, this.unit.head.id];
    const send = (userIds: number[], title: string, link: string, body = '') => {
      for (const userId of userIds) {
        const readAt =
          beijingDate(new Date(at)) < READ_BEFORE
            ? plusMinutes(at, 30 + Math.floor(this.input.dice('read', this.id, userId, at) * 600))
            : null;
        this.plan.notifications.push([
          this.input.ids.take('notifications'),
          this.input.orgId,
          userId,
          'report',
          title,
          body,
          link,
          readAt,
          at,
        ]);
      }
    };
    switch (transition) {
      case 'submit':
        return send([this.unit.head.id], `${label}报告待您审定`, unitLink);
      case 'approve':
        return send([this.input.office.id], `${this.unit.name}报送了${label}报告`, `/office/reports/${this.id}`);
      case 'head_return':
        return send(unitUsers, `${label}报告被单位负责人退回`, unitLink, reason ?? '');
      case 'office_return':
        return send(unitUsers, `${label}报告被督查室退回`, unitLink, reason ?? '');
      case 'accept':
        return send(unitUsers, `${label}报告已通过督查室审核`, unitLink);
    }
  }

  /** The office's quality rating (quality.service.ts: only a report that reached it). */
  rate(r: number) {
    if (this.row.state !== 'submitted' && this.row.state !== 'accepted') return;
    this.row.quality_rating = r < 0.2 ? 'excellent' : r < 0.7 ? 'good' : r < 0.95 ? 'fair' : 'poor';
  }

  write() {
    const r = this.row;
    const { orgId } = this.input;
    this.plan.reports.push([
      this.id,
      orgId,
      this.period.id,
      this.unit.id,
      r.state,
      r.version,
      r.submitted_at,
      r.submitted_by,
      r.approved_at,
      r.approved_by,
      r.first_reached_on,
      r.office_returns,
      r.return_reason,
      r.returned_by_role,
      r.reviewed_at,
      r.reviewed_by,
      r.quality_rating,
      this.createdAt,
      r.updated_at,
    ]);
    for (const e of this.entries) {
      this.plan.entries.push([
        e.id,
        orgId,
        this.id,
        e.task.taskId,
        e.task.role,
        e.task.version,
        e.status,
        e.narrative,
        e.problems,
        e.nextSteps,
        e.officeComment,
        e.version,
        e.updatedBy?.id ?? null,
        e.updatedBy?.name ?? null,
        e.updatedAt,
      ]);
      for (const [indicatorId, a] of e.actuals) this.plan.actuals.push([a.id, orgId, e.id, indicatorId, a.value, '']);
    }
  }
}

/**
 * A task's status for a unit in a quarter: completed from a quarter drawn once (so a task done in
 * Q2 stays done), not started for a few in Q1, otherwise on track / at risk / delayed around a
 * health drawn once per task with some quarter-to-quarter drift.
 */
function progressStatus(dice: Dice, profile: DistrictProfile, key: string, q: number): ProgressStatus {
  if (dice('done', key) < profile.done[Math.min(q, 3)]!) return 'completed';
  if (q === 0 && dice('not-started', key) < 0.08) return 'not_started';
  const health = dice('health', key) + (dice('drift', key, q) - 0.5) * 0.2;
  if (health < profile.onTrack) return 'on_track';
  if (health < profile.onTrack + profile.atRisk) return 'at_risk';
  return 'delayed';
}

/** Rates are measured against the full target; counts and amounts accumulate over the year. */
function actualValue(f: number, indicator: PlanIndicator, status: ProgressStatus, q: number): number {
  const elapsed = (Math.min(q, 3) + 1) / 4;
  const share =
    status === 'not_started'
      ? 0
      : indicator.unit === '%'
        ? 0.85 + f * 0.2
        : status === 'completed'
          ? 1 + f * 0.15
          : status === 'delayed'
            ? elapsed * (0.3 + f * 0.4)
            : Math.min(q >= 3 ? 1.05 : 0.98, elapsed * (0.75 + f * 0.5));
  return Math.round(indicator.target * share * 10) / 10;
}
