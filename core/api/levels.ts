import { z } from 'zod';
import { standingSchema } from './reporting';
import { ORG_LEVELS } from '../roles';
import { upstreamLinksSchema } from './notices';
import { taskReportEntrySchema, taskRowSchema } from './tasks';

/** Every level in one system (issue 7): hand-down, links to upper items, roll-up, ranking. */

const lightSchema = z.object({ color: z.enum(['blue', 'green', 'yellow', 'red', 'grey']), label: z.string(), reasons: z.array(z.string()) });
const counts = z.object({ blue: z.number(), green: z.number(), yellow: z.number(), red: z.number(), grey: z.number() });
const orgName = z.object({ id: z.number(), name: z.string() });

export const levelOrganisationsSchema = z.object({
  current: z.object({ id: z.number(), name: z.string(), level: z.enum(ORG_LEVELS) }),
  /** Every organisation below the current one (direct or indirect): who may receive a hand-down. */
  below: z.array(z.object({ id: z.number(), name: z.string(), level: z.enum(ORG_LEVELS), parentId: z.number().nullable() })),
});

export const handdownBody = z.object({
  targets: z
    .array(
      z.object({
        orgId: z.number().int().positive(),
        /** The lower level's own target text; null = the lower office sets it (it starts with the upper text). */
        standard: z.string().trim().min(1).max(5000).nullable(),
        /** e.g. "12月"; null = the upper item's deadline (and, with standard null, the lower office may change it). */
        deadline: z.string().trim().max(50).nullable(),
      }),
    )
    .min(1)
    .max(200),
});

export const handdownResultSchema = z.object({
  items: z.array(
    z.object({
      handdownId: z.number(),
      lowerOrgId: z.number(),
      lowerOrgName: z.string(),
      lowerTaskId: z.number(),
      noticeId: z.number(),
      annexNo: z.number(),
      seq: z.string(),
      /** True when the lower organisation had no notice of the year and a container notice was made. */
      createdNotice: z.boolean(),
    }),
  ),
});

export const rollupLowerSchema = z.object({
  handdownId: z.number(),
  origin: z.enum(['handed_down', 'imported']),
  targetMode: z.enum(['set', 'lower_sets']),
  pendingLowerTarget: z.boolean(),
  org: orgName,
  taskId: z.number(),
  standard: z.string(),
  deadline: z.string().nullable(),
  leadUnit: z.string().nullable(),
  light: lightSchema,
  period: z.object({ label: z.string(), deadline: z.string() }).nullable(),
  /** Where the lead unit's report of that period stands (core/reporting/standing.ts). */
  standing: standingSchema.nullable(),
  latestStatus: z.string().nullable(),
  indicators: z.array(z.object({ name: z.string(), unit: z.string(), target: z.number(), actual: z.number().nullable() })),
});

export const rollupItemSchema = z.object({
  upperTask: z.object({
    id: z.number(),
    annexNo: z.number(),
    annexKind: z.string(),
    seq: z.string(),
    number: z.number().nullable(),
    standard: z.string(),
    deadline: z.string().nullable(),
    indicators: z.array(z.object({ name: z.string(), unit: z.string(), target: z.number() })),
  }),
  lower: z.array(rollupLowerSchema),
  sums: z.array(z.object({ name: z.string(), unit: z.string(), target: z.number(), actual: z.number(), orgs: z.number(), reportedOrgs: z.number() })),
  counts,
});

export const rollupQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const rollupSchema = z.object({ items: z.array(rollupItemSchema) });

export const rankingSchema = z.object({
  items: z.array(
    z.object({
      rank: z.number(),
      org: orgName,
      items: z.number(),
      reportsDue: z.number(),
      reportsOnTime: z.number(),
      onTimeRate: z.number().nullable(),
      greenOrBlueShare: z.number(),
      indicatorCompletion: z.number().nullable(),
      score: z.number(),
      counts,
    }),
  ),
});

/** The read-only drill-down of a lower organisation's task, for the upper level that linked it. */
export const lowerTaskSchema = z.object({
  org: orgName,
  task: taskRowSchema.extend({ upstreamItem: z.string().nullable() }),
  indicators: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      target: z.number(),
      unit: z.string(),
      qualifier: z.string().nullable(),
      actuals: z.array(z.object({ periodLabel: z.string(), unitName: z.string(), value: z.number().nullable() })),
    }),
  ),
  reports: z.array(taskReportEntrySchema),
  versions: z.array(z.object({ version: z.number(), standard: z.string(), reason: z.string(), changedByName: z.string(), createdAt: z.string() })),
});

/** For a lower organisation's own task: the upper items it answers. */
export const taskUpstreamSchema = z.object({
  items: z.array(
    z.object({
      handdownId: z.number(),
      upperOrg: orgName,
      upperTask: z.object({ seq: z.string(), number: z.number().nullable(), standard: z.string() }),
      origin: z.enum(['handed_down', 'imported']),
      targetMode: z.enum(['set', 'lower_sets']),
      pendingLowerTarget: z.boolean(),
      createdByName: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const relinkResultSchema = upstreamLinksSchema;
