import { z } from 'zod';
import { standingSchema } from './reporting';

const light = z.enum(['blue', 'green', 'yellow', 'red', 'grey']);
const counts = z.object({ blue: z.number(), green: z.number(), yellow: z.number(), red: z.number(), grey: z.number(), total: z.number() });
const taskIds = z.object({ blue: z.array(z.number()), green: z.array(z.number()), yellow: z.array(z.number()), red: z.array(z.number()), grey: z.array(z.number()) });
const group = z.object({ key: z.number(), label: z.string(), counts, taskIds });

export const dashboardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const dashboardSchema = z.object({
  today: z.string(),
  /** The year shown (its notices' tasks), null without any notice; the years there are, newest first. */
  year: z.number().nullable(),
  years: z.array(z.number()),
  lights: z.object({ counts, taskIds }),
  byAnnex: z.array(group),
  byCategory: z.array(group),
  byLeader: z.array(group),
  byUnit: z.array(group),
  period: z
    .object({
      id: z.number(),
      label: z.string(),
      deadline: z.string(),
      /** Units by where their report stands (core/reporting/standing.ts); returned ones are also counted as on time or late. */
      summary: z.object({ onTime: z.number(), late: z.number(), missing: z.number(), pending: z.number(), exempt: z.number(), returned: z.number() }),
      units: z.array(
        z.object({
          unitId: z.number(),
          unitName: z.string(),
          status: z.enum(['on_time', 'late', 'missing', 'pending', 'exempt']),
          reportState: z.string().nullable(),
          reportStateLabel: z.string(),
          lateDays: z.number().nullable(),
          standing: standingSchema,
        }),
      ),
    })
    .nullable(),
  indicators: z.array(
    z.object({
      taskId: z.number(),
      annexNo: z.number(),
      seq: z.string(),
      name: z.string(),
      target: z.number(),
      unit: z.string(),
      qualifier: z.string().nullable(),
      actual: z.number().nullable(),
      share: z.number().nullable(),
    }),
  ),
  trend: z.array(z.object({ periodId: z.number(), label: z.string(), counts })),
  mostBehindTasks: z.array(
    z.object({ taskId: z.number(), annexNo: z.number(), seq: z.string(), standard: z.string(), light, reasons: z.array(z.string()), leaders: z.array(z.string()), units: z.array(z.string()) }),
  ),
  mostBehindUnits: z.array(z.object({ unitId: z.number(), unitName: z.string(), red: z.number(), yellow: z.number(), total: z.number(), taskIds: z.array(z.number()) })),
  /** Opened periods of the year with units 逾期未报 (core/reporting/standing.ts), as the period page counts them. */
  overdue: z.array(z.object({ periodId: z.number(), label: z.string(), missing: z.number() })),
  /** A leader's or a unit's red and yellow tasks, most behind first, with the whole text, reasons, units and last report (a leader's home); empty for the whole organisation. */
  focusTasks: z.array(
    z.object({
      taskId: z.number(),
      annexNo: z.number(),
      seq: z.string(),
      standard: z.string(),
      light: z.enum(['red', 'yellow']),
      reasons: z.array(z.string()),
      units: z.array(z.object({ name: z.string(), role: z.enum(['lead', 'co']) })),
      leaders: z.array(z.string()),
      lastReport: z
        .object({
          on: z.string(),
          unitName: z.string(),
          periodLabel: z.string(),
          /** The progress the unit gave in that report (未启动, 滞后 …), when it gave one. */
          status: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});
