import { z } from 'zod';

/**
 * Issue 15, co-operating units with less to report (core/reporting/standing.ts CoReporting): the
 * office's per-task choice, and what a report item shows of it.
 */
export const CO_REPORTING_MODES = ['separate', 'via_lead'] as const;
export const coReportingMode = z.enum(CO_REPORTING_MODES);

/** On a report item: how the task's co-units report, and — 报牵头单位 — who feeds whom. */
export const itemCoReportingSchema = z.object({
  mode: coReportingMode,
  /** On a co-operating unit's item of a 报牵头单位 task: the lead unit its part goes to. */
  leadUnitName: z.string().nullable(),
  /** On the lead unit's item of a 报牵头单位 task: each co-operating unit and whether it has written its part this period. */
  coUnits: z.array(z.object({ unitId: z.number(), unitName: z.string(), written: z.boolean() })),
});

/** The office sets one task's mode (a new task version; refused over a newer one). */
export const taskCoReportingBody = z.object({
  version: z.number().int().positive(),
  coReporting: coReportingMode,
});

/** The office sets the mode of several tasks at once (an annex, or a selection of the ledger). */
export const bulkCoReportingBody = z
  .object({
    coReporting: coReportingMode,
    /** The tasks chosen in the ledger list. */
    taskIds: z.array(z.number().int().positive()).min(1).max(500).optional(),
    /** Or every task of one annex of a notice. */
    annex: z.object({ noticeId: z.number().int().positive(), annexNo: z.number().int().positive() }).optional(),
  })
  .refine((b) => (b.taskIds ? 1 : 0) + (b.annex ? 1 : 0) === 1, { message: '请选择事项，或指定一个附件（二者选一）' });

export const bulkCoReportingResult = z.object({
  /** Tasks whose mode changed (a new version each). */
  changed: z.number(),
  /** Tasks already in that mode, left as they were. */
  unchanged: z.number(),
});

/** The lead unit reminds co-operating units to write their part of an item (in-app notification). */
export const coRemindBody = z.object({
  /** Only these co-units; without, every co-unit that has not written its part yet. */
  unitIds: z.array(z.number().int().positive()).max(30).optional(),
});

export const coRemindResult = z.object({ reminded: z.array(z.object({ unitId: z.number(), unitName: z.string() })) });
