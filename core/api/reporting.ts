import { z } from 'zod';
import { evidenceFileSchema } from './evidence';
import { editVersion, isoDate } from './common';
import { PROGRESS_STATUSES, REPORT_STATES } from '../reporting/states';
import type { Standing } from '../reporting/standing';
import type { PeriodScheduleSettings } from '../reporting/period-schedule';
import { itemCoReportingSchema } from './co-reporting';

/** When periods open and close by themselves (core/reporting/period-schedule.ts). */
export const periodScheduleSchema = z.object({
  autoOpen: z.boolean(),
  openDaysAfterPreviousDeadline: z.number().int().min(0).max(60),
  autoClose: z.boolean(),
  closeDaysAfterDeadline: z.number().int().min(0).max(180),
}) satisfies z.ZodType<PeriodScheduleSettings>;

/** GET/PUT /api/settings/period-schedule: the setting, the business day, and each period's days under it. */
export const periodScheduleViewSchema = z.object({
  settings: periodScheduleSchema,
  /** What a save sends back with the settings (0 while the defaults apply). */
  version: z.number(),
  today: z.string(),
  periods: z.array(
    z.object({
      id: z.number(),
      noticeId: z.number(),
      position: z.number(),
      label: z.string(),
      status: z.enum(['planned', 'open', 'closed']),
      statusSetBy: z.enum(['auto', 'office']),
      effectiveDeadline: z.string(),
      pastAtImport: z.boolean(),
      opensOn: z.string().nullable(),
      closesOn: z.string(),
      autoOpens: z.boolean(),
    }),
  ),
  /** PUT only: what the new setting opened or closed at once. */
  changed: z.array(z.object({ periodId: z.number(), label: z.string(), to: z.enum(['open', 'closed']) })).optional(),
});

/** Where a unit's report stands (core/reporting/standing.ts), as every screen and export receives it. */
export const standingSchema = z.object({
  kind: z.enum(['exempt', 'not_started', 'drafting', 'pending_head', 'reached', 'returned', 'resubmitted', 'accepted']),
  label: z.string(),
  reached: z.boolean(),
  reachedOn: z.string().nullable(),
  lateDays: z.number().nullable(),
  overdueDays: z.number().nullable(),
  timeliness: z.enum(['on_time', 'late', 'missing', 'pending', 'exempt']),
  timelinessLabel: z.string(),
  inOffice: z.boolean(),
  deadline: z.object({ printed: z.string(), extended: z.string().nullable(), effective: z.string() }),
  resubmitBy: z.string().nullable(),
  invalidReturn: z.boolean(),
  text: z.string(),
}) satisfies z.ZodType<Standing>;


export const periodSchema = z.object({
  id: z.number(),
  noticeId: z.number(),
  docNumber: z.string().nullable(),
  label: z.string(),
  kind: z.string(),
  deadline: z.string(),
  /** The deadline in force: the extension, moved off a day off on the working-day calendar. */
  effectiveDeadline: z.string(),
  /** The day's name when the printed (or extended) deadline falls on a holiday (国庆节). */
  deadlineHoliday: z.string().nullable(),
  /** The office opened or closed it by hand ('office'), or the schedule did ('auto'). */
  statusSetBy: z.enum(['auto', 'office']),
  /** The schedule's days: null opensOn = opens at import (or, past at import, only by hand). */
  opensOn: z.string().nullable(),
  closesOn: z.string(),
  autoOpens: z.boolean(),
  extensionReason: z.string().nullable(),
  status: z.enum(['planned', 'open', 'closed']),
  statusLabel: z.string(),
  /** The deadline had passed when the notice was issued or imported: the office should look at it. */
  pastAtImport: z.boolean(),
  /** Goes up with every change the office makes; an extension sends back the one it loaded. */
  version: z.number(),
});

export const extendPeriodBody = z.object({ deadline: isoDate(), reason: z.string().trim().min(1).max(500), version: editVersion() });

export const reportSummarySchema = z.object({
  id: z.number(),
  periodId: z.number(),
  periodLabel: z.string(),
  deadline: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  state: z.enum(REPORT_STATES),
  stateLabel: z.string(),
  version: z.number(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  returnedByRole: z.enum(['unit_head', 'office']).nullable(),
  standing: standingSchema,
  /** The business day the standing was read on: the return dialog's resubmission date is not before it. */
  today: z.string(),
  /** The resubmission date the office's return dialog proposes: 3 working days after today on the organisation's calendar. */
  resubmitByDefault: z.string(),
});

export const reportItemSchema = z.object({
  progressId: z.number(),
  taskId: z.number(),
  annexNo: z.number(),
  seq: z.string(),
  standard: z.string(),
  unitRole: z.enum(['lead', 'co']),
  /** The ledger version reported against, and whether the task changed since (target adjusted). */
  taskVersion: z.number(),
  taskChangedSince: z.boolean(),
  status: z.enum(PROGRESS_STATUSES),
  statusLabel: z.string(),
  narrative: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  officeComment: z.string().nullable(),
  version: z.number(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
  /**
   * 销号: the day the office closed the task after an earlier period's report. The period no longer
   * asks for it: an entry still here was written before the closure and is kept as it was.
   */
  closedOn: z.string().nullable(),
  indicators: z.array(
    z.object({ id: z.number(), name: z.string(), target: z.number(), unit: z.string(), qualifier: z.string().nullable(), actual: z.number().nullable() }),
  ),
  /** How the task's co-operating units report: separately, or their part to the lead unit (报牵头单位). */
  coReporting: itemCoReportingSchema,
  /** The co-operating units' parts, each with where its unit's report stands (core/reporting/standing.ts). */
  coParts: z.array(z.object({ unitName: z.string(), standing: standingSchema, status: z.string(), narrative: z.string(), problems: z.string() })),
  evidence: z.array(evidenceFileSchema),
  /** 上期: the unit's last written entry on this task in an earlier period of the notice, or null. */
  previous: z
    .object({
      periodLabel: z.string(),
      status: z.enum(PROGRESS_STATUSES),
      narrative: z.string(),
      problems: z.string(),
      nextSteps: z.string(),
      actuals: z.array(z.object({ indicatorId: z.number(), value: z.number().nullable() })),
    })
    .nullable(),
});

export const reportViewSchema = z.object({
  report: reportSummarySchema,
  items: z.array(reportItemSchema),
  /** Leaders' instructions (批示) on this report. */
  instructions: z.array(z.object({ id: z.number(), authorName: z.string(), body: z.string(), createdAt: z.string() })),
});

export const progressBody = z.object({
  version: z.number().int().positive(),
  status: z.enum(PROGRESS_STATUSES),
  narrative: z.string().max(5000),
  problems: z.string().max(5000).default(''),
  nextSteps: z.string().max(5000).default(''),
  actuals: z.array(z.object({ indicatorId: z.number().int().positive(), value: z.number().finite().nullable() })).max(50).default([]),
});

/** 沿用上期: copy last period's entry into these entries (all of the report's when omitted); only blank entries are filled. */
export const copyForwardBody = z.object({ taskIds: z.array(z.number().int().positive()).max(500).optional() });

export const transitionBody = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().max(2000).optional(),
  taskReasons: z.array(z.object({ taskId: z.number().int().positive(), reason: z.string().trim().max(2000) })).max(500).optional(),
  /** office-return: the date the unit is asked to resubmit by. */
  resubmitBy: isoDate().nullable().optional(),
  /** office-return: the office rules it not a valid report (its arrival no longer counts). */
  invalid: z.boolean().optional(),
});

export const periodReportRowSchema = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  reportId: z.number().nullable(),
  approvedAt: z.string().nullable(),
  standing: standingSchema,
});
